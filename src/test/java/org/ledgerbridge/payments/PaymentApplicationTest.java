package org.ledgerbridge.payments;

import org.ledgerbridge.ledger.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Seed 003's application rules, without a database. */
class PaymentApplicationTest {

    private final List<OpenInvoice> borough = new ArrayList<>();

    private OpenInvoice invoice(String number, String type, String system, String due, String date, String open) {
        OpenInvoice invoice = new OpenInvoice("PSAB", number, type, system, due == null ? null : LocalDate.parse(due),
                LocalDate.parse(date), "USD", new BigDecimal(open));
        borough.add(invoice);
        borough.sort(PaymentApplication.OLDEST_FIRST);
        return invoice;
    }

    private PaymentApplication.Plan pay(String amount, boolean prepayment, List<String> numbers, List<String> types, List<String> systems) {
        return PaymentApplication.plan(new PaymentApplication.Request(Money.of(new BigDecimal(amount), "USD"), prepayment, numbers, types, systems),
                borough);
    }

    private static List<org.assertj.core.groups.Tuple> paid(PaymentApplication.Plan plan) {
        return plan.allocations().stream().map(a -> tuple(a.invoice().number(), a.amount().toPlainString())).toList();
    }

    @Test
    void a_prepayment_is_all_credit_whatever_else_the_row_says() {
        invoice("INV-1", "DUES", "MEMBERSHIP", "2026-07-31", "2026-07-01", "600.00");

        PaymentApplication.Plan plan = pay("100.00", true, List.of("INV-1"), List.of("DUES"), List.of());

        assertThat(plan.rule()).isEqualTo(PaymentApplication.Rule.PREPAYMENT);
        assertThat(plan.allocations()).isEmpty();
        assertThat(plan.unapplied()).isEqualByComparingTo("100.00");
    }

    @Test
    void invoice_numbers_are_paid_in_the_listed_order_each_up_to_its_open_balance() {
        invoice("INV-1", "DUES", "MEMBERSHIP", "2026-07-31", "2026-07-01", "600.00");
        invoice("INV-2", "EVENT", "EVENTS", "2026-08-31", "2026-08-01", "340.00");

        PaymentApplication.Plan plan = pay("500.00", false, List.of("INV-2", "INV-1", "NO-SUCH"), List.of(), List.of());

        assertThat(plan.rule()).isEqualTo(PaymentApplication.Rule.INVOICE_NUMBERS);
        assertThat(paid(plan)).containsExactly(tuple("INV-2", "340.00"), tuple("INV-1", "160.00"));
        assertThat(plan.unapplied()).isZero();
    }

    @Test
    void invoice_types_are_paid_type_by_type_and_oldest_due_first_within_a_type() {
        invoice("DUES-NEW", "DUES", "MEMBERSHIP", "2026-12-31", "2026-12-01", "100.00");
        invoice("DUES-OLD", "DUES", "MEMBERSHIP", "2026-07-31", "2026-07-01", "100.00");
        invoice("EVENT-1", "EVENT", "EVENTS", "2026-01-31", "2026-01-01", "100.00");

        PaymentApplication.Plan plan = pay("250.00", false, List.of(), List.of("EVENT", "DUES"), List.of());

        assertThat(plan.rule()).isEqualTo(PaymentApplication.Rule.INVOICE_TYPES);
        assertThat(paid(plan)).containsExactly(tuple("EVENT-1", "100.00"), tuple("DUES-OLD", "100.00"), tuple("DUES-NEW", "50.00"));
    }

    @Test
    void within_a_due_date_the_older_document_and_then_the_lower_number_go_first() {
        invoice("B", "DUES", "M", "2026-07-31", "2026-07-01", "10.00");
        invoice("A", "DUES", "M", "2026-07-31", "2026-07-01", "10.00");
        invoice("C", "DUES", "M", "2026-07-31", "2026-06-01", "10.00");

        assertThat(paid(pay("30.00", false, List.of(), List.of("DUES"), List.of())))
                .containsExactly(tuple("C", "10.00"), tuple("A", "10.00"), tuple("B", "10.00"));
    }

    @Test
    void source_systems_are_paid_in_the_listed_order_when_no_number_or_type_matches() {
        invoice("STORE-1", "PUBLICATION", "STORE", "2026-09-30", "2026-09-01", "45.00");
        invoice("EVENTS-1", "EVENT", "EVENTS", "2026-08-31", "2026-08-01", "95.00");

        PaymentApplication.Plan plan = pay("100.00", false, List.of("NOT-HERE"), List.of("CERTIFICATION"), List.of("STORE", "EVENTS"));

        assertThat(plan.rule()).isEqualTo(PaymentApplication.Rule.SOURCE_SYSTEMS);
        assertThat(paid(plan)).containsExactly(tuple("STORE-1", "45.00"), tuple("EVENTS-1", "55.00"));
    }

    @Test
    void when_nothing_given_matches_an_open_invoice_the_payment_pays_the_dues_oldest_first() {
        invoice("EVENT-1", "EVENT", "EVENTS", "2026-01-31", "2026-01-01", "100.00");
        invoice("DUES-2", "DUES", "MEMBERSHIP", "2026-12-31", "2026-12-01", "100.00");
        invoice("DUES-1", "DUES", "MEMBERSHIP", "2026-07-31", "2026-07-01", "100.00");

        PaymentApplication.Plan plan = pay("150.00", false, List.of("INV-404"), List.of(), List.of());

        assertThat(plan.rule()).isEqualTo(PaymentApplication.Rule.DUES);
        assertThat(paid(plan)).containsExactly(tuple("DUES-1", "100.00"), tuple("DUES-2", "50.00"));
    }

    @Test
    void a_payment_larger_than_its_invoices_leaves_the_rest_unapplied() {
        invoice("DUES-1", "DUES", "MEMBERSHIP", "2026-07-31", "2026-07-01", "1250.00");

        PaymentApplication.Plan plan = pay("1300.00", false, List.of(), List.of(), List.of());

        assertThat(paid(plan)).containsExactly(tuple("DUES-1", "1250.00"));
        assertThat(plan.unapplied()).isEqualByComparingTo("50.00");
    }

    @Test
    void an_invoice_is_never_paid_beyond_what_the_rows_before_left_open() {
        OpenInvoice dues = invoice("DUES-1", "DUES", "MEMBERSHIP", "2026-07-31", "2026-07-01", "100.00");

        PaymentApplication.apply(pay("70.00", false, List.of("DUES-1"), List.of(), List.of()));
        PaymentApplication.Plan second = pay("70.00", false, List.of("DUES-1"), List.of(), List.of());

        assertThat(paid(second)).containsExactly(tuple("DUES-1", "30.00"));
        assertThat(second.unapplied()).isEqualByComparingTo("40.00");
        PaymentApplication.apply(second);
        assertThat(dues.openBalance()).isZero();
    }

    @Test
    void an_invoice_in_another_currency_is_not_paid() {
        OpenInvoice cad = new OpenInvoice("PSAB", "INV-CAD", "DUES", "M", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-09-01"),
                "CAD", new BigDecimal("500.00"));
        borough.add(cad);

        assertThat(pay("100.00", false, List.of("INV-CAD"), List.of(), List.of()).allocations()).isEmpty();
    }

    @Test
    void a_payment_naming_an_invoice_an_earlier_row_closed_pays_the_dues_instead() {
        invoice("EVENT-1", "EVENT", "EVENTS", "2026-08-31", "2026-08-01", "80.00");
        invoice("DUES-1", "DUES", "MEMBERSHIP", "2026-07-31", "2026-07-01", "100.00");
        PaymentApplication.apply(pay("80.00", false, List.of("EVENT-1"), List.of(), List.of()));

        PaymentApplication.Plan plan = pay("60.00", false, List.of("EVENT-1"), List.of(), List.of());

        assertThat(plan.rule()).isEqualTo(PaymentApplication.Rule.DUES);
        assertThat(paid(plan)).containsExactly(tuple("DUES-1", "60.00"));
        assertThat(plan.unapplied()).isZero();
    }

    @Test
    void an_invoice_listed_twice_is_paid_once() {
        invoice("INV-1", "DUES", "MEMBERSHIP", "2026-07-31", "2026-07-01", "100.00");

        PaymentApplication.Plan plan = pay("150.00", false, List.of("INV-1", "INV-1"), List.of(), List.of());

        assertThat(paid(plan)).containsExactly(tuple("INV-1", "100.00"));
        assertThat(plan.unapplied()).isEqualByComparingTo("50.00");
    }

    @Test
    void the_earliest_due_date_goes_first_even_on_a_later_document() {
        invoice("OLD-DOC-LATE-DUE", "DUES", "MEMBERSHIP", "2026-12-31", "2026-01-01", "100.00");
        invoice("NEW-DOC-EARLY-DUE", "DUES", "MEMBERSHIP", "2026-03-31", "2026-03-01", "100.00");
        invoice("NO-DUE-DATE", "DUES", "MEMBERSHIP", null, "2025-01-01", "100.00");

        assertThat(paid(pay("250.00", false, List.of(), List.of("DUES"), List.of())))
                .containsExactly(tuple("NEW-DOC-EARLY-DUE", "100.00"), tuple("OLD-DOC-LATE-DUE", "100.00"), tuple("NO-DUE-DATE", "50.00"));
    }

    @Test
    void a_foreign_invoice_paid_in_full_by_a_base_payment_costs_its_balance_at_the_rate_rounded_half_even() {
        borough.add(new OpenInvoice("PSAB", "INV-EUR", "DUES", "M", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-09-01"),
                "EUR", new BigDecimal("10.15")));

        PaymentApplication.Plan plan = PaymentApplication.plan(new PaymentApplication.Request(Money.of(new BigDecimal("20.00"), "USD"), false,
                List.of("INV-EUR"), List.of(), List.of(), "USD", new BigDecimal("1.1")), borough);

        // 10.15 EUR at 1.1 is 11.165 USD: half-even keeps the even cent (half-up would take 11.17)
        assertThat(plan.allocations()).singleElement().satisfies(a -> {
            assertThat(a.amount()).isEqualByComparingTo("10.15");
            assertThat(a.paid()).isEqualByComparingTo("11.16");
        });
        assertThat(plan.unapplied()).isEqualByComparingTo("8.84");
    }
}
