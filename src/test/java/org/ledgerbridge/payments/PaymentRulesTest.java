package org.ledgerbridge.payments;

import org.junit.jupiter.api.Test;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.ledger.Account;
import org.ledgerbridge.ledger.AccountRole;
import org.ledgerbridge.ledger.AccountType;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.Party;
import org.ledgerbridge.ledger.PartyKind;
import org.ledgerbridge.ledger.PaymentMethod;
import org.ledgerbridge.ledger.RoleAccounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a payments file, row by row, without a database: each refusal a code on its row and column. */
class PaymentRulesTest {

    private static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 21);

    private final Map<String, List<OpenInvoice>> openInvoices = new HashMap<>();
    private final Map<String, String> extra = new HashMap<>();
    private Set<String> existingPayments = Set.of();
    private final RowErrors errors = new RowErrors();
    private long rowNumber = 1;

    private PaymentRules rules(boolean allowOverpayment, boolean migrationMode, Map<String, LocalDate> closed, Set<String> inactive) {
        openInvoices.computeIfAbsent("100231", p -> new ArrayList<>(List.of(
                new OpenInvoice("PSAB", "INV-20411", "EVENT", "EVENTS", LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 1), "USD",
                        new BigDecimal("340.00")))));
        List<Account> chart = List.of(
                new Account("PSAB", "1050", "Bank", AccountType.ASSET, null, true),
                new Account("PSAB", "1200", "AR control", AccountType.ASSET, AccountRole.AR_CONTROL, true),
                new Account("PSAB", "2300", "Unapplied credits", AccountType.LIABILITY, AccountRole.UNAPPLIED_CREDIT, true));
        PaymentRules.Ledger ledger = new PaymentRules.Ledger(
                Map.of("100231", new Party("100231", "Borough of Ames", PartyKind.CUSTOMER, "PSAB"),
                        "V-9", new Party("V-9", "Paper supplier", PartyKind.VENDOR, "PSAB")),
                Map.of("PSAB", new FinancialEntity("PSAB", "Borough", "USD"), "BMC", new FinancialEntity("BMC", "Consortium", "USD")),
                Map.of("VISA", new PaymentMethod("VISA", "PSAB", "1050")),
                RoleAccounts.of(chart), inactive, closed, openInvoices, existingPayments,
                number -> number.equals("INV-OTHER") ? List.of("100232") : number.equals("INV-20411") ? List.of("100231") : List.of());
        return new PaymentRules(ledger, new PaymentRules.Options(allowOverpayment, true, migrationMode, BUSINESS_DATE));
    }

    private PaymentRules rules() {
        return rules(false, false, Map.of(), Set.of());
    }

    /** A row of the file: BILL_TO_ID, AMOUNT, PAYMENT_METHOD_ID, DATE, CHECK_NUMBER, INVOICE_NUMBERS (others empty). */
    private SourceRow row(String billTo, String amount, String method, String date, String check, String invoices) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put(PaymentColumns.BILL_TO_ID, billTo);
        cells.put(PaymentColumns.AMOUNT, amount);
        cells.put(PaymentColumns.PAYMENT_METHOD_ID, method);
        cells.put(PaymentColumns.DATE, date);
        cells.put(PaymentColumns.CHECK_NUMBER, check);
        cells.put(PaymentColumns.INVOICE_NUMBERS, invoices);
        cells.putAll(extra);
        return SourceRow.of(cells);
    }

    /** Validates the row as the next of the file (rows start at 2, after the header). */
    private Payment validate(PaymentRules rules, SourceRow row) {
        errors.startRow(++rowNumber);
        return rules.validate(row, errors);
    }

    private List<String> problems() {
        return errors.errors().stream().map(p -> p.row() + "/" + p.column() + "/" + p.code()).toList();
    }

    private List<String> warnings() {
        return errors.warnings().stream().map(p -> p.row() + "/" + p.column() + "/" + p.code()).toList();
    }

    @Test
    void a_row_naming_its_invoice_is_planned_against_it_and_later_rows_see_what_it_paid() {
        PaymentRules rules = rules();

        Payment first = validate(rules, row("100231", "340.00", "VISA", "2026-11-02", "", "INV-20411"));

        assertThat(problems()).isEmpty();
        assertThat(first.plan().rule()).isEqualTo(PaymentApplication.Rule.INVOICE_NUMBERS);
        assertThat(first.plan().applied()).isEqualByComparingTo("340.00");
        assertThat(first.cashEntity()).isEqualTo("PSAB");
        assertThat(openInvoices.get("100231").get(0).openBalance()).isZero();
    }

    @Test
    void the_bill_to_is_a_known_customer() {
        PaymentRules rules = rules();

        assertThat(validate(rules, row("999999", "10.00", "VISA", "2026-11-02", "", ""))).isNull();
        assertThat(validate(rules, row("V-9", "10.00", "VISA", "2026-11-02", "", ""))).isNull();
        assertThat(validate(rules, row("", "10.00", "VISA", "2026-11-02", "", ""))).isNull();

        assertThat(problems()).containsExactly("2/BILL_TO_ID/UNKNOWN_CUSTOMER", "3/BILL_TO_ID/NOT_A_CUSTOMER", "4/BILL_TO_ID/VALUE_REQUIRED");
    }

    @Test
    void the_method_is_known_and_a_row_without_one_is_paid_later_against_its_purchase_order() {
        PaymentRules rules = rules();

        assertThat(validate(rules, row("100231", "10.00", "BITCOIN", "2026-11-02", "", ""))).isNull();
        assertThat(validate(rules, row("100231", "10.00", "", "2026-11-02", "", "INV-20411"))).isNull();
        Payment later = validate(rules, row("100231", "340.00", "", "2026-11-02", "PO-88812", "INV-20411"));

        assertThat(problems()).containsExactly("2/PAYMENT_METHOD_ID/UNKNOWN_PAYMENT_METHOD", "3/CHECK_NUMBER/PURCHASE_ORDER_REQUIRED");
        assertThat(later.payLater()).isTrue();
        assertThat(openInvoices.get("100231").get(0).openBalance()).as("a pay-later row moves no cash").isEqualByComparingTo("340.00");
    }

    @Test
    void the_amount_is_positive_and_within_the_currencys_decimals() {
        PaymentRules rules = rules();

        validate(rules, row("100231", "0.00", "VISA", "2026-11-02", "", ""));
        validate(rules, row("100231", "-5.00", "VISA", "2026-11-02", "", ""));
        validate(rules, row("100231", "5.001", "VISA", "2026-11-02", "", ""));
        validate(rules, row("100231", "5,00", "VISA", "2026-11-02", "", ""));

        assertThat(problems()).containsExactly("2/AMOUNT/AMOUNT_NOT_POSITIVE", "3/AMOUNT/AMOUNT_NOT_POSITIVE",
                "4/AMOUNT/AMOUNT_EXCEEDS_CURRENCY_SCALE", "5/AMOUNT/INVALID_NUMBER");
    }

    @Test
    void a_row_without_a_date_is_dated_the_business_date_and_says_so() {
        Payment payment = validate(rules(), row("100231", "340.00", "VISA", "", "", "INV-20411"));

        assertThat(payment.date()).isEqualTo(BUSINESS_DATE);
        assertThat(warnings()).containsExactly("2/DATE/DATE_DEFAULTED");
    }

    @Test
    void more_than_the_open_invoices_is_refused_with_the_vendors_words_unless_credits_are_allowed() {
        assertThat(validate(rules(), row("100231", "400.00", "VISA", "2026-11-02", "", "INV-20411"))).isNull();
        assertThat(problems()).containsExactly("2/AMOUNT/PAYMENT_EXCEEDS_ORDER_TOTAL");
        assertThat(errors.errors().get(0).message()).startsWith("Payment amount exceeds order total: payment 400.00");

        openInvoices.clear();
        Payment credited = validate(rules(true, false, Map.of(), Set.of()), row("100231", "400.00", "VISA", "2026-11-02", "", "INV-20411"));
        assertThat(credited.plan().unapplied()).isEqualByComparingTo("60.00");
    }

    @Test
    void while_ar_is_in_migration_mode_the_file_is_refused_once_on_its_first_row() {
        PaymentRules rules = rules(true, true, Map.of(), Set.of());

        validate(rules, row("100231", "10.00", "VISA", "2026-11-02", "", ""));
        validate(rules, row("100231", "10.00", "VISA", "2026-11-02", "", ""));

        assertThat(problems()).containsExactly("2/null/MIGRATION_MODE_ON");
    }

    @Test
    void what_posting_would_refuse_is_an_error_of_its_row_a_closed_period_or_an_inactive_cash_account() {
        assertThat(validate(rules(false, false, Map.of("PSAB", LocalDate.of(2026, 11, 2)), Set.of()),
                row("100231", "340.00", "VISA", "2026-11-02", "", "INV-20411"))).isNull();
        assertThat(validate(rules(false, false, Map.of("PSAB", LocalDate.of(2026, 11, 1)), Set.of()),
                row("100231", "340.00", "VISA", "2026-11-02", "", "INV-20411"))).as("the day after the close").isNotNull();
        openInvoices.clear();
        assertThat(validate(rules(false, false, Map.of(), Set.of("PSAB/1050")),
                row("100231", "340.00", "VISA", "2026-11-02", "", "INV-20411"))).isNull();

        assertThat(problems()).containsExactly("2/DATE/CLOSED_PERIOD", "4/PAYMENT_METHOD_ID/INACTIVE_ACCOUNT");
    }

    @Test
    void the_same_payment_twice_in_a_file_is_inserted_twice_with_a_warning() {
        PaymentRules rules = rules(true, false, Map.of(), Set.of());

        validate(rules, row("100231", "10.00", "VISA", "2026-11-02", "1001", ""));
        validate(rules, row("100231", "10.00", "VISA", "2026-11-02", "1001", ""));

        assertThat(problems()).isEmpty();
        assertThat(warnings()).containsExactly("3/null/SAME_PAYMENT_IN_FILE");
    }

    @Test
    void a_payment_in_another_currency_names_a_known_one_and_gives_its_positive_rate() {
        PaymentRules rules = rules(true, false, Map.of(), Set.of());

        extra.put(PaymentColumns.CURRENCY, "XYZ");
        validate(rules, row("100231", "10.00", "VISA", "2026-11-02", "", ""));
        extra.put(PaymentColumns.CURRENCY, "cad");
        validate(rules, row("100231", "10.00", "VISA", "2026-11-02", "", ""));
        extra.put(PaymentColumns.EXCHANGE_RATE, "0");
        validate(rules, row("100231", "10.00", "VISA", "2026-11-02", "", ""));
        extra.put(PaymentColumns.EXCHANGE_RATE, "0.73");
        Payment cad = validate(rules, row("100231", "10.00", "VISA", "2026-11-02", "", ""));

        assertThat(problems()).containsExactly("2/CURRENCY/UNKNOWN_CURRENCY", "3/EXCHANGE_RATE/VALUE_REQUIRED",
                "4/EXCHANGE_RATE/EXCHANGE_RATE_NOT_POSITIVE");
        assertThat(cad.received().currency()).isEqualTo("CAD");
        assertThat(cad.rate()).isEqualByComparingTo("0.73");
    }

    @Test
    void a_prepayment_flag_is_yes_or_no_in_the_usual_spellings_and_a_prepayment_is_all_credit() {
        PaymentRules rules = rules(true, false, Map.of(), Set.of());

        extra.put(PaymentColumns.IS_PREPAYMENT, "perhaps");
        assertThat(validate(rules, row("100231", "10.00", "VISA", "2026-11-02", "", ""))).isNull();
        extra.put(PaymentColumns.IS_PREPAYMENT, "Y");
        Payment prepaid = validate(rules, row("100231", "340.00", "VISA", "2026-11-02", "", "INV-20411"));
        extra.put(PaymentColumns.IS_PREPAYMENT, "0");
        Payment notPrepaid = validate(rules, row("100231", "340.00", "VISA", "2026-11-03", "", "INV-20411"));

        assertThat(problems()).containsExactly("2/IS_PREPAYMENT/INVALID_VALUE");
        assertThat(prepaid.plan().rule()).isEqualTo(PaymentApplication.Rule.PREPAYMENT);
        assertThat(prepaid.plan().unapplied()).isEqualByComparingTo("340.00");
        assertThat(warnings()).as("a prepayment pays no invoice, so none is 'not paid'").doesNotContain("3/INVOICE_NUMBERS/INVOICE_NOT_PAID");
        assertThat(notPrepaid.plan().rule()).isEqualTo(PaymentApplication.Rule.INVOICE_NUMBERS);
    }

    @Test
    void each_named_invoice_a_row_does_not_pay_is_a_warning_saying_why() {
        PaymentRules rules = rules(true, false, Map.of(), Set.of());

        validate(rules, row("100231", "340.00", "VISA", "2026-11-02", "", "INV-20411"));
        validate(rules, row("100231", "10.00", "VISA", "2026-11-03", "", "INV-20411|INV-OTHER|INV-NONE"));

        assertThat(errors.warnings()).extracting(p -> p.row() + " " + p.column() + " " + p.code() + ": " + p.message()).containsExactly(
                "3 INVOICE_NUMBERS INVOICE_NOT_PAID: invoice INV-20411 has nothing left open",
                "3 INVOICE_NUMBERS INVOICE_NOT_PAID: invoice INV-OTHER belongs to 100232, not 100231",
                "3 INVOICE_NUMBERS INVOICE_NOT_PAID: no AR invoice INV-NONE in the ledger");
    }

    @Test
    void an_invoice_the_payment_never_reached_and_one_in_another_currency_say_so() {
        openInvoices.put("100231", new ArrayList<>(List.of(
                new OpenInvoice("PSAB", "INV-A", "DUES", "M", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 9, 1), "USD", new BigDecimal("50.00")),
                new OpenInvoice("PSAB", "INV-B", "DUES", "M", LocalDate.of(2026, 10, 2), LocalDate.of(2026, 9, 2), "USD", new BigDecimal("50.00")),
                new OpenInvoice("PSAB", "INV-EUR", "DUES", "M", LocalDate.of(2026, 10, 3), LocalDate.of(2026, 9, 3), "EUR", new BigDecimal("50.00")))));
        PaymentRules rules = rules(true, false, Map.of(), Set.of());

        validate(rules, row("100231", "50.00", "VISA", "2026-11-02", "", "INV-A|INV-B"));
        validate(rules, row("100231", "10.00", "VISA", "2026-11-03", "", "INV-EUR"));

        assertThat(errors.warnings()).extracting(p -> p.row() + " " + p.message()).containsExactly(
                "2 invoice INV-B was not reached: the payment was used up before it",
                "3 invoice INV-EUR is in EUR: pay it in EUR, or give EXCHANGE_RATE to pay it from the base currency");
    }

    @Test
    void a_payment_that_needs_an_account_role_the_entity_lacks_is_refused_naming_it() {
        openInvoices.put("100231", new ArrayList<>(List.of(
                new OpenInvoice("BMC", "INV-BMC", "DUES", "M", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 9, 1), "USD", new BigDecimal("50.00")))));

        assertThat(validate(rules(), row("100231", "50.00", "VISA", "2026-11-02", "", "INV-BMC"))).isNull();

        assertThat(problems()).contains("2/null/ACCOUNT_ROLE_MISSING");
        assertThat(errors.errors()).extracting(p -> p.message()).anySatisfy(m -> assertThat(m).contains("BMC").contains("which this payment needs"));
        assertThat(openInvoices.get("100231").get(0).openBalance()).as("nothing applied").isEqualByComparingTo("50.00");
    }

    @Test
    void with_matching_a_payment_already_in_the_ledger_is_skipped_with_a_warning() {
        existingPayments = Set.of(PaymentRules.paymentKey("100231", LocalDate.of(2026, 11, 2), new BigDecimal("340.0"), "visa", "1001"));

        Payment matched = validate(rules(), row("100231", "340.00", "VISA", "2026-11-02", "1001", "INV-20411"));
        Payment other = validate(rules(), row("100231", "340.00", "VISA", "2026-11-02", "1002", "INV-20411"));

        assertThat(matched.matched()).isTrue();
        assertThat(other.matched()).isFalse();
        assertThat(warnings()).containsExactly("2/null/MATCHED_EXISTING_PAYMENT");
        assertThat(openInvoices.get("100231").get(0).openBalance()).as("the new one paid it, the matched one did not").isZero();
    }
}
