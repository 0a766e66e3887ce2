package org.ledgerbridge.ledger;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An amount of money is never more precise than its currency, and says which currency it is in. */
class MoneyTest {

    @Test
    void an_amount_within_its_currencys_decimals_is_money_and_reads_with_its_currency() {
        assertThat(Money.of(new BigDecimal("12.50"), "USD")).hasToString("12.50 USD");
        assertThat(Money.of(new BigDecimal("1250"), "JPY").isIn("JPY")).isTrue();
        assertThat(Money.of(new BigDecimal("12.5"), "USD").isIn("CAD")).isFalse();
        assertThat(Money.of(new BigDecimal("12.500"), "USD").amount()).isEqualByComparingTo("12.5"); // trailing zeros fit
    }

    @Test
    void an_amount_more_precise_than_its_currency_or_without_one_is_refused() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("12.505"), "USD")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("12.505 has more decimals than USD allows");
        assertThatThrownBy(() -> Money.of(new BigDecimal("1.5"), "JPY")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(null, "USD")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Money.of(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class);
    }
}
