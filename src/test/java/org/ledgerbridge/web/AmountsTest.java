package org.ledgerbridge.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts on the screens read as people write them. */
class AmountsTest {

    private final Amounts amounts = new Amounts();

    @Test
    void thousands_are_separated_and_the_amounts_scale_is_kept() {
        assertThat(amounts.of(new BigDecimal("1234567.5"))).isEqualTo("1,234,567.5");
        assertThat(amounts.of(new BigDecimal("-3165.00"))).isEqualTo("-3,165.00");
        assertThat(amounts.of(new BigDecimal("750.00"))).isEqualTo("750.00");
        assertThat(amounts.of(new BigDecimal("1500"))).as("a currency without decimals").isEqualTo("1,500");
        assertThat(amounts.of(new BigDecimal("0.125"))).isEqualTo("0.125");
        assertThat(amounts.of(null)).isEmpty();
    }
}
