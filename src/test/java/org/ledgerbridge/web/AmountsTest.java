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

    @Test
    void an_amount_shows_its_currency_beside_it() {
        assertThat(amounts.of(new BigDecimal("380.00"), "USD")).isEqualTo("380.00 USD");
        assertThat(amounts.of(new BigDecimal("380.00"), null)).isEqualTo("380.00");
    }

    @Test
    void a_reports_totals_are_labelled_in_words_with_their_amounts_written_for_people() {
        Labels labels = new Labels(amounts);
        assertThat(labels.of("creditsCreated")).isEqualTo("Credits created");
        assertThat(labels.of("AR on hold")).isEqualTo("AR on hold");
        assertThat(labels.of("rowsToAdd")).isEqualTo("Rows to add");
        assertThat(labels.value("3165.00")).isEqualTo("3,165.00");
        assertThat(labels.value("AB001041-1")).isEqualTo("AB001041-1");
        assertThat(labels.lines("{\"amountReceived\":\"3165.00\",\"payments\":5,\"batches\":[\"A\",\"B\"]}"))
                .containsExactly("Amount received: 3,165.00", "Payments: 5");
    }
}
