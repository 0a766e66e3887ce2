package org.ledgerbridge.ledger;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Currency scales and the one rounding a posting makes, without a database. */
class CurrenciesTest {

    private static String toBase(String amount, String rate, String base) {
        return Currencies.toBase(new BigDecimal(amount), new BigDecimal(rate), base).toPlainString();
    }

    @Test
    void converting_to_the_base_currency_rounds_half_to_even_at_its_scale() {
        assertThat(toBase("10.15", "1.1", "USD")).isEqualTo("11.16");   // 11.165: the even cent, not 11.17
        assertThat(toBase("10.25", "1.1", "USD")).isEqualTo("11.28");   // 11.275: the even cent is the upper one
        assertThat(toBase("-10.15", "1.1", "USD")).isEqualTo("-11.16"); // a credit rounds as its debit does
        assertThat(toBase("2.50", "1", "JPY")).isEqualTo("2");
        assertThat(toBase("3.50", "1", "JPY")).isEqualTo("4");
        assertThat(toBase("1.0005", "1", "BHD")).isEqualTo("1.000");
    }

    @Test
    void an_amount_fits_its_currency_when_it_has_no_more_decimals_than_the_currency_allows() {
        assertThat(Currencies.fitsScale(new BigDecimal("12.50"), "USD")).isTrue();
        assertThat(Currencies.fitsScale(new BigDecimal("12.500"), "USD")).isTrue();
        assertThat(Currencies.fitsScale(new BigDecimal("12.505"), "USD")).isFalse();
        assertThat(Currencies.fitsScale(new BigDecimal("100"), "JPY")).isTrue();
        assertThat(Currencies.fitsScale(new BigDecimal("100.5"), "JPY")).isFalse();
        assertThat(Currencies.fitsScale(new BigDecimal("1.234"), "BHD")).isTrue();
    }

    @Test
    void unknown_codes_and_funds_have_no_scale() {
        assertThat(Currencies.scaleOf("USD")).contains(2);
        assertThat(Currencies.scaleOf("XXX")).isEmpty();
        assertThat(Currencies.scaleOf("ZZZ")).isEmpty();
        assertThat(Currencies.scaleOf(null)).isEmpty();
        assertThat(Currencies.isKnown("CAD")).isTrue();
        assertThatThrownBy(() -> Currencies.scale("ZZZ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void amounts_are_shown_at_their_currency_scale_and_totals_keep_at_least_cents() {
        assertThat(Currencies.atScale(new BigDecimal("12.5"), "USD").toPlainString()).isEqualTo("12.50");
        assertThat(Currencies.atLeastCents(new BigDecimal("7")).toPlainString()).isEqualTo("7.00");
        assertThat(Currencies.atLeastCents(new BigDecimal("7.125")).toPlainString()).isEqualTo("7.125");
    }
}
