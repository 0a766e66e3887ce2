package org.ledgerbridge.payments;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.imports.RowProblem;
import org.ledgerbridge.ledger.BatchCorrections;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchType;
import org.ledgerbridge.ledger.JournalView;
import org.ledgerbridge.ledger.LedgerCheck;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.LedgerSettings;
import org.ledgerbridge.ledger.TrialBalanceLine;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.ledgerbridge.receivables.OpenItem;
import org.ledgerbridge.receivables.OpenItems;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Seed 003: payments applied to the boroughs' invoices, posted per financial entity. */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class PaymentsImportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final String HEADER = "BILL_TO_ID,AMOUNT,PAYMENT_METHOD_ID,DATE,CHECK_NUMBER,INVOICE_NUMBERS,INVOICE_TYPES,SOURCE_SYSTEMS,IS_PREPAYMENT\n";

    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired OpenItems openItems;
    @Autowired LedgerReports reports;
    @Autowired LedgerCheck check;
    @Autowired LedgerSettings settings;
    @Autowired BatchService batches;
    @Autowired BatchCorrections corrections;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    @BeforeEach
    void the_boroughs_owe_their_migrated_invoices() {
        Samples.withOpenInvoices(imports, migrationMode, migrated, TODAY);
    }

    private ImportReport importPayments(String rows, boolean allowOverpayment) throws IOException {
        Path file = dir.resolve("payments-" + System.nanoTime() + ".csv");
        Files.writeString(file, HEADER + rows);
        return imports.run("payments", file, ImportOptions.of(TODAY, "tester").withFlag("allow-overpayment", String.valueOf(allowOverpayment)));
    }

    private ImportReport importSample(boolean allowOverpayment) {
        return imports.run("payments", Samples.file("payments.csv"),
                ImportOptions.of(TODAY, "tester").withFlag("allow-overpayment", String.valueOf(allowOverpayment)));
    }

    private BigDecimal open(String number) {
        return jdbc.sql("SELECT open_balance FROM document WHERE number = ?").param(number).query(BigDecimal.class).single();
    }

    private long journals() {
        return jdbc.sql("SELECT count(*) FROM journal").query(Long.class).single();
    }

    @Test
    void without_the_overpayment_setting_the_sample_is_rejected_on_the_rows_that_would_leave_a_credit() {
        ImportReport report = importSample(false);

        assertThat(report.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name()).containsExactly(
                tuple(3L, "AMOUNT", "PAYMENT_EXCEEDS_ORDER_TOTAL"),
                tuple(5L, "AMOUNT", "PAYMENT_EXCEEDS_ORDER_TOTAL"),
                tuple(6L, "AMOUNT", "PAYMENT_EXCEEDS_ORDER_TOTAL"));
        assertThat(report.errors().get(0).message()).startsWith("Payment amount exceeds order total: payment 500.00, open invoices it may pay 480.00");
        assertThat(open("INV-20411")).isEqualByComparingTo("340.00");
        assertThat(journals()).isZero();
    }

    @Test
    void a_dry_run_previews_the_totals_the_import_would_commit_and_writes_nothing() {
        ImportReport preview = imports.run("payments", Samples.file("payments.csv"),
                ImportOptions.of(TODAY, "tester").withFlag("allow-overpayment", "true").dryRun(true));

        assertThat(preview.status()).isEqualTo(ImportStatus.VALID);
        assertThat(preview.summary()).containsEntry("payments", 5L).containsEntry("amountReceived", "3165.00")
                .containsEntry("amountApplied", "3070.00").containsEntry("creditsCreated", "95.00")
                .containsEntry("payLaterRows", 1L).doesNotContainKey("invoicesClosed");
        assertThat(open("INV-20411")).isEqualByComparingTo("340.00");
        assertThat(journals()).isZero();
    }

    @Test
    void with_the_overpayment_setting_the_sample_pays_invoices_and_keeps_the_rest_as_credits() {
        ImportReport report = importSample(true);

        assertThat(report.status()).as(report.errors().toString()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(report.summary()).containsEntry("payments", 5L).containsEntry("amountReceived", "3165.00")
                .containsEntry("amountApplied", "3070.00").containsEntry("creditsCreated", "95.00")
                .containsEntry("invoicesClosed", 3L).containsEntry("payLaterRows", 1L)
                .containsEntry("batches", List.of("AB000001-1", "DEPOSIT-000002"));
        assertThat(open("INV-20411")).as("paid by number").isZero();
        assertThat(open("INV-20412")).as("paid by type DUES").isZero();
        assertThat(open("INV-20413")).as("no number, type or system: its dues").isEqualByComparingTo("1200.00");
        assertThat(open("INV-20410")).as("paid by 1300.00, 50.00 left as credit").isZero();
        assertThat(openItems.list(null, false)).filteredOn(i -> i.number().startsWith("PAY-"))
                .extracting(OpenItem::partyId, OpenItem::type, OpenItem::openBalance)
                .containsExactlyInAnyOrder(tuple("100232", "PAYMENT", new BigDecimal("20.00")),
                        tuple("100235", "PREPAYMENT", new BigDecimal("25.00")),
                        tuple("100231", "PAYMENT", new BigDecimal("50.00")));
        assertThat(check.run()).isEmpty();
        assertThat(openItems.check()).isEmpty();
    }

    @Test
    void a_payment_larger_than_the_invoice_becomes_a_credit_on_general_ar() throws IOException {
        importPayments("100231,1300.00,CHK-PSAB,2026-11-05,4420,INV-20410,,,\n", true);

        Map<String, BigDecimal> psab = reports.trialBalance("PSAB", true).stream()
                .collect(Collectors.toMap(TrialBalanceLine::account, TrialBalanceLine::balance));
        assertThat(psab).containsEntry("1010", new BigDecimal("1300.00")).containsEntry("1200", new BigDecimal("-1250.00"))
                .containsEntry("2300", new BigDecimal("-50.00"));
    }

    @Test
    void cash_received_by_one_entity_for_another_entitys_invoice_balances_both_through_inter_entity_accounts() throws IOException {
        importPayments("100233,1000.00,VISA,2026-11-03,,,,,\n", false);

        List<JournalView> journals = reports.journals(null, null);
        assertThat(journals).extracting(JournalView::entity).containsExactlyInAnyOrder("PSAB", "BMC");
        Map<String, BigDecimal> psab = reports.trialBalance("PSAB", true).stream()
                .collect(Collectors.toMap(TrialBalanceLine::account, TrialBalanceLine::balance));
        Map<String, BigDecimal> bmc = reports.trialBalance("BMC", true).stream()
                .collect(Collectors.toMap(TrialBalanceLine::account, TrialBalanceLine::balance));
        assertThat(psab).containsEntry("1050", new BigDecimal("1000.00")).containsEntry("1900", new BigDecimal("-1000.00"));
        assertThat(bmc).containsEntry("1900", new BigDecimal("1000.00")).containsEntry("1200", new BigDecimal("-1000.00"));
        assertThat(batches.list()).singleElement().satisfies(b -> assertThat(b.type()).isEqualTo(BatchType.AUTO));
        assertThat(check.run()).isEmpty();
    }

    @Test
    void rows_apply_in_file_order_each_seeing_what_the_rows_before_left() throws IOException {
        ImportReport report = importPayments("""
                100231,1000.00,CHK-PSAB,2026-11-05,1,INV-20410,,,
                100231,1000.00,CHK-PSAB,2026-11-05,2,INV-20410,,,
                """, true);

        assertThat(report.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(open("INV-20410")).isZero();
        assertThat(report.summary()).containsEntry("amountApplied", "1250.00").containsEntry("creditsCreated", "750.00");
    }

    @Test
    void a_missing_date_takes_the_business_date_with_a_warning() throws IOException {
        ImportReport report = importPayments("100231,340.00,VISA,,,INV-20411,,,\n", false);

        assertThat(report.warnings()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name())
                .containsExactly(tuple(2L, "DATE", "DATE_DEFAULTED"));
        assertThat(reports.journals(null, null)).singleElement().satisfies(j -> assertThat(j.date()).isEqualTo(TODAY));
    }

    @Test
    void pay_later_records_the_purchase_order_against_the_invoices_and_moves_no_cash() throws IOException {
        ImportReport missingPo = importPayments("100231,340.00,,2026-11-05,,INV-20411,,,\n", false);
        assertThat(missingPo.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name())
                .containsExactly(tuple(2L, "CHECK_NUMBER", "PURCHASE_ORDER_REQUIRED"));

        ImportReport later = importPayments("100231,340.00,,2026-11-05,PO-88812,INV-20411,,,\n", false);

        assertThat(later.summary()).containsEntry("payLaterRows", 1L).containsEntry("payments", 0L);
        assertThat(open("INV-20411")).isEqualByComparingTo("340.00");
        assertThat(journals()).isZero();
        assertThat(jdbc.sql("SELECT reference || ' ' || amount FROM order_reference WHERE document_number = 'INV-20411'")
                .query(String.class).single()).isEqualTo("PO-88812 340.0000");
    }

    @Test
    void each_bad_row_is_named_with_its_column_and_code_and_nothing_is_written() throws IOException {
        ImportReport report = importPayments("""
                999999,10.00,VISA,2026-11-05,,,,,
                V9001,10.00,VISA,2026-11-05,,,,,
                100231,0,VISA,2026-11-05,,,,,
                100231,-5.00,VISA,2026-11-05,,,,,
                100231,10.00,BITCOIN,2026-11-05,,,,,
                100231,10.00,VISA,2026-11-05,,,,,maybe
                100231,10.00,VISA,05/11/2026,,,,,
                100231,1e3,VISA,2026-11-05,,,,,
                100231,10.005,VISA,2026-11-05,,,,,
                """, true);

        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name()).containsExactly(
                tuple(2L, "BILL_TO_ID", "UNKNOWN_CUSTOMER"),
                tuple(3L, "BILL_TO_ID", "NOT_A_CUSTOMER"),
                tuple(4L, "AMOUNT", "AMOUNT_NOT_POSITIVE"),
                tuple(5L, "AMOUNT", "AMOUNT_NOT_POSITIVE"),
                tuple(6L, "PAYMENT_METHOD_ID", "UNKNOWN_PAYMENT_METHOD"),
                tuple(7L, "IS_PREPAYMENT", "INVALID_VALUE"),
                tuple(8L, "DATE", "INVALID_DATE"),
                tuple(9L, "AMOUNT", "INVALID_NUMBER"),
                tuple(10L, "AMOUNT", "AMOUNT_EXCEEDS_CURRENCY_SCALE"));
        assertThat(journals()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM payment").query(Long.class).single()).isZero();
    }

    @Test
    void insert_with_matching_skips_payments_already_in_the_ledger() throws IOException {
        importPayments("100231,340.00,VISA,2026-11-02,,INV-20411,,,\n", false);

        Path overlap = dir.resolve("overlap.csv");
        Files.writeString(overlap, HEADER + "100231,340.00,VISA,2026-11-02,,INV-20411,,,\n100233,1000.00,VISA,2026-11-03,,,,,\n");
        ImportReport report = imports.run("payments", overlap, ImportOptions.of(TODAY, "t").withFlag("action", "insert-with-matching"));

        assertThat(report.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(report.summary()).containsEntry("matchedRows", 1L).containsEntry("payments", 1L);
        assertThat(report.warnings()).extracting(RowProblem::row, p -> p.code().name()).containsExactly(tuple(2L, "MATCHED_EXISTING_PAYMENT"));
        assertThat(jdbc.sql("SELECT count(*) FROM payment").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void payments_are_refused_while_ar_is_in_migration_mode() throws IOException {
        migrationMode.set(NewDocument.Module.AR, true, "controller");

        ImportReport report = importPayments("100231,340.00,VISA,2026-11-02,,INV-20411,,,\n", false);

        assertThat(report.refusedByLedgerRule()).isTrue();
        assertThat(report.errors()).extracting(p -> p.code().name()).containsExactly("MIGRATION_MODE_ON");
        assertThat(journals()).isZero();
    }

    @Test
    void the_ledger_setting_allows_prepayments_and_overpayments_without_the_cli_flag() throws IOException {
        settings.setAllowPrepaymentsAndOverpayments(true, "admin");

        assertThat(importPayments("100235,25.00,MC,2026-11-04,,,,,true\n", false).status()).isEqualTo(ImportStatus.COMMITTED);
    }

    @Test
    void two_imports_at_once_never_pay_an_invoice_beyond_its_open_balance() throws Exception {
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");
        Files.writeString(first, HEADER + "100231,1000.00,CHK-PSAB,2026-11-05,1,INV-20410,,,\n");
        Files.writeString(second, HEADER + "100231,1000.00,CHK-PSAB,2026-11-05,2,INV-20410,,,\n");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> imports.run("payments", first, ImportOptions.of(TODAY, "a").withFlag("allow-overpayment", "true")));
            var b = pool.submit(() -> imports.run("payments", second, ImportOptions.of(TODAY, "b").withFlag("allow-overpayment", "true")));
            assertThat(a.get().status()).isEqualTo(ImportStatus.COMMITTED);
            assertThat(b.get().status()).isEqualTo(ImportStatus.COMMITTED);
        } finally {
            pool.shutdown();
        }

        assertThat(open("INV-20410")).isZero();
        assertThat(jdbc.sql("SELECT sum(amount) FROM application WHERE document_number = 'INV-20410' AND kind = 'PAYMENT'")
                .query(BigDecimal.class).single()).isEqualByComparingTo("1250.00");
        assertThat(check.run()).isEmpty();
        assertThat(openItems.check()).isEmpty();
    }

    @Test
    void voiding_an_open_payments_batch_removes_its_journals_and_reopens_what_it_paid() {
        importSample(true);
        long auto = batches.list().stream().filter(b -> b.type() == BatchType.AUTO).findFirst().orElseThrow().id();

        var voided = corrections.voidBatches(List.of(auto), "card settlement file was a duplicate", "controller");

        assertThat(voided).isInstanceOf(org.ledgerbridge.ledger.BatchChange.Changed.class);
        assertThat(open("INV-20411")).as("paid by VISA in the voided batch").isEqualByComparingTo("340.00");
        assertThat(open("INV-20413")).isEqualByComparingTo("2200.00");
        assertThat(open("INV-20410")).as("paid by cheque, another batch").isZero();
        assertThat(openItems.list("100235", false)).extracting(OpenItem::type).doesNotContain("PREPAYMENT");
        assertThat(batches.find(auto).orElseThrow().status().name()).isEqualTo("VOIDED");
        assertThat(batches.find(auto).orElseThrow().journals()).isZero();
        assertThat(check.run()).isEmpty();
        assertThat(openItems.check()).isEmpty();
    }

    @Test
    void a_posted_batch_is_not_voided() {
        importSample(true);
        List<Long> ids = batches.list().stream().map(b -> b.id()).toList();
        batches.changeStatus(ids, org.ledgerbridge.ledger.BatchStatus.READY, "p");
        batches.post(ids, "a");

        assertThat(corrections.voidBatches(List.of(ids.get(0)), "too late", "controller"))
                .isInstanceOfSatisfying(org.ledgerbridge.ledger.BatchChange.Refused.class, r -> assertThat(r.code()).hasToString("BATCH_NOT_OPEN"));
    }

    @Test
    void a_dry_run_reports_a_payment_in_a_closed_period_at_its_row_and_date_and_the_commit_refuses_it_with_the_same_code() {
        jdbc.sql("INSERT INTO period_close (entity_code, closed_through) VALUES ('PSAB', '2026-11-02')").update();

        ImportReport preview = imports.run("payments", Samples.file("payments.csv"),
                ImportOptions.of(TODAY, "tester").withFlag("allow-overpayment", "true").dryRun(true));
        ImportReport commit = importSample(true);

        for (ImportReport report : List.of(preview, commit)) {
            assertThat(report.status()).isEqualTo(ImportStatus.REJECTED);
            assertThat(report.refusedByLedgerRule()).as("a rule of the ledger, not bad input").isTrue();
            assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name())
                    .containsExactly(tuple(2L, "DATE", "CLOSED_PERIOD"));
            assertThat(report.errors().get(0).message()).isEqualTo("the books of PSAB are closed through 2026-11-02; "
                    + "a payment dated 2026-11-02 cannot be posted");
        }
        assertThat(journals()).isZero();
    }

    @Test
    void a_payment_into_an_inactive_cash_account_is_refused_before_anything_is_written() throws IOException {
        jdbc.sql("UPDATE account SET active = false WHERE entity_code = 'PSAB' AND account_code = '1010'").update();

        ImportReport report = importPayments("100232,480.00,CHK-PSAB,2026-11-03,4417,,DUES,,\n", false);

        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name())
                .containsExactly(tuple(2L, "PAYMENT_METHOD_ID", "INACTIVE_ACCOUNT"));
        assertThat(journals()).isZero();
    }

    @Test
    void insert_with_matching_warns_about_two_identical_rows_of_the_same_file_and_inserts_both() throws IOException {
        Path file = dir.resolve("twice.csv");
        Files.writeString(file, HEADER + "100232,100.00,CHK-PSAB,2026-11-03,4417,,DUES,,\n100232,100.00,CHK-PSAB,2026-11-03,4417,,DUES,,\n");

        ImportReport report = imports.run("payments", file, ImportOptions.of(TODAY, "tester").withFlag("action", "insert-with-matching"));

        assertThat(report.status()).as(report.errors().toString()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(report.warnings()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name())
                .containsExactly(tuple(3L, null, "SAME_PAYMENT_IN_FILE"));
        assertThat(report.warnings().get(0).message()).startsWith("row 2 holds the same payment");
        assertThat(jdbc.sql("SELECT count(*) FROM payment").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void a_named_invoice_that_does_not_exist_is_another_members_or_is_closed_is_warned_about_even_when_the_money_goes_on_to_dues_or_a_credit()
            throws IOException {
        ImportReport report = importPayments("""
                100231,100.00,CHK-PSAB,2026-11-03,501,INV-99999,,,
                100231,50.00,CHK-PSAB,2026-11-03,502,INV-20412,,,
                100234,20.00,CHK-SEC,2026-11-03,503,INV-20414,,,
                """, true);

        assertThat(report.status()).as(report.errors().toString()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(report.warnings()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name(), RowProblem::message).containsExactly(
                tuple(2L, "INVOICE_NUMBERS", "INVOICE_NOT_PAID", "no AR invoice INV-99999 in the ledger"),
                tuple(3L, "INVOICE_NUMBERS", "INVOICE_NOT_PAID", "invoice INV-20412 belongs to 100232, not 100231"),
                tuple(4L, "INVOICE_NUMBERS", "INVOICE_NOT_PAID", "invoice INV-20414 has nothing left open"));
        assertThat(open("INV-20410")).as("both of 100231's payments went on to its dues").isEqualByComparingTo("1100.00");
        assertThat(open("INV-20412")).as("another member's invoice is not paid").isEqualByComparingTo("480.00");
        assertThat(jdbc.sql("SELECT open_balance FROM document WHERE party_id = '100234' AND doc_type = 'PAYMENT'")
                .query(BigDecimal.class).single()).as("the closed invoice's payment is a credit").isEqualByComparingTo("20.00");
    }

    @Test
    void the_totals_are_written_at_the_currency_scale_even_when_nothing_was_applied() throws IOException {
        ImportReport report = importPayments("100235,25,MC,2026-11-04,,,,,Y\n", true);

        assertThat(report.summary()).containsEntry("amountReceived", "25.00").containsEntry("amountApplied", "0.00")
                .containsEntry("creditsCreated", "25.00");
    }
}
