package org.ledgerbridge.receivables;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.imports.RowProblem;
import org.ledgerbridge.ledger.BatchChange;
import org.ledgerbridge.ledger.BatchCorrections;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchStatus;
import org.ledgerbridge.ledger.LedgerCheck;
import org.ledgerbridge.ledger.LedgerSetup;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * A member's credit (an overpayment, a prepayment, a credit memo) pays its invoices, and the
 * subledger ties out with the GL through every correction: the sample ledger, migrated with a
 * trial balance that matches its documents, then the sample payments with their credits.
 */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class CreditApplicationsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired CreditApplications credits;
    @Autowired Reconciliation reconciliation;
    @Autowired OpenItems openItems;
    @Autowired BatchService batches;
    @Autowired BatchCorrections corrections;
    @Autowired LedgerCheck check;
    @Autowired LedgerSetup setup;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    /** 100231 overpaid by 50.00 and owes two more invoices: INV-30001 in PSAB (due last) and INV-30002 in BMC (due first). */
    @BeforeEach
    void the_sample_ledger_migrated_with_its_trial_balance_and_the_sample_payments_imported() throws IOException {
        Samples.migratedWithTrialBalance(imports, migrationMode, migrated, TODAY, dir,
                "AR,INVOICE,INV-30001,100231,PSAB,2026-10-01,2026-12-31,USD,1,100.00,100.00,EVENT,EVENTS,,BALANCED,Winter workshop\n"
                + "AR,INVOICE,INV-30002,100231,BMC,2026-10-01,2026-11-30,USD,1,30.00,30.00,EVENT,EVENTS,,BALANCED,BMC seminar\n", """
                ENTITY,ACCOUNT,DEBIT,CREDIT,AS_OF
                PSAB,1200,2475.60,,2026-10-31
                PSAB,2000,,4310.00,2026-10-31
                PSAB,3900,1834.40,,2026-10-31
                BMC,1200,2230.00,,2026-10-31
                BMC,3900,,2230.00,2026-10-31
                """);
        assertThat(differences()).as("the migration ties out").isEmpty();
        committed(imports.run("payments", Samples.file("payments.csv"), ImportOptions.of(TODAY, "clerk").withFlag("allow-overpayment", "true")));
    }

    private ImportReport importFile(String kind, String content) throws IOException {
        Path file = dir.resolve(kind + "-" + System.nanoTime() + ".csv");
        Files.writeString(file, content);
        return imports.run(kind, file, ImportOptions.of(TODAY, "clerk"));
    }

    private static void committed(ImportReport report) {
        assertThat(report.status()).as(report.errors().toString()).isEqualTo(ImportStatus.COMMITTED);
    }

    /** Every reconciliation line that does not tie out. */
    private List<Reconciliation.Line> differences() {
        return reconciliation.run(null).stream().filter(l -> l.difference().signum() != 0).toList();
    }

    private BigDecimal open(String entity, String number) {
        return jdbc.sql("SELECT open_balance FROM document WHERE entity_code = ? AND number = ?").params(entity, number)
                .query(BigDecimal.class).single();
    }

    private String status(String entity, String number) {
        return jdbc.sql("SELECT status FROM document WHERE entity_code = ? AND number = ?").params(entity, number)
                .query(String.class).single();
    }

    /** The credit 100231's 1,300.00 cheque left after paying its 1,250.00 dues. */
    private String overpayment() {
        return jdbc.sql("SELECT number FROM document WHERE party_id = '100231' AND doc_type = 'PAYMENT'").query(String.class).single();
    }

    private long journals() {
        return jdbc.sql("SELECT count(*) FROM journal").query(Long.class).single();
    }

    private void post(long batch) {
        assertThat(batches.changeStatus(List.of(batch), BatchStatus.READY, "clerk")).isInstanceOf(BatchChange.Changed.class);
        assertThat(batches.post(List.of(batch), "controller")).isInstanceOf(BatchChange.Changed.class);
    }

    @Test
    void reconciliation_ties_out_with_payment_credits_in_the_unapplied_credit_account() {
        assertThat(open("PSAB", overpayment())).isEqualByComparingTo("50.00");
        assertThat(reconciliation.run("PSAB")).filteredOn(l -> l.module().equals("AR")).singleElement().satisfies(l -> {
            assertThat(l.glAccounts()).isEqualTo("1200 + 2300");
            assertThat(l.difference()).isZero();
        });
        assertThat(differences()).isEmpty();
    }

    @Test
    void a_members_credit_applied_to_an_invoice_leaves_both_at_the_right_open_balances_and_the_books_tie_out() {
        String credit = overpayment();

        var outcome = credits.apply(credit, "INV-30001", null, TODAY, "clerk");

        assertThat(outcome).isInstanceOfSatisfying(CreditApplications.Outcome.Applied.class, applied -> {
            assertThat(applied.applications()).extracting(a -> a.credit(), a -> a.invoice(), a -> a.amount())
                    .containsExactly(tuple("PSAB/" + credit, "PSAB/INV-30001", new BigDecimal("50.00")));
            assertThat(batches.find(applied.batchId()).orElseThrow().status()).isEqualTo(BatchStatus.OPEN);
            assertThat(jdbc.sql("""
                            SELECT l.account_code || ' ' || l.debit || ' ' || l.credit || ' ' || l.document_number FROM journal_line l
                              JOIN journal j ON j.entity_code = l.entity_code AND j.id = l.journal_id WHERE j.batch_id = ? ORDER BY l.line_no""")
                    .param(applied.batchId()).query(String.class).list())
                    .containsExactly("2300 50.0000 0.0000 " + credit, "1200 0.0000 50.0000 INV-30001");
        });
        assertThat(open("PSAB", credit)).isZero();
        assertThat(status("PSAB", credit)).isEqualTo("CLOSED");
        assertThat(open("PSAB", "INV-30001")).isEqualByComparingTo("50.00");
        assertThat(check.run()).isEmpty();
        assertThat(openItems.check()).isEmpty();
        assertThat(differences()).isEmpty();
    }

    @Test
    void a_credit_applied_to_an_invoice_of_another_entity_posts_through_the_inter_entity_accounts() {
        var outcome = credits.apply("PSAB/" + overpayment(), "BMC/INV-30002", new BigDecimal("20.00"), TODAY, "clerk");

        assertThat(outcome).isInstanceOfSatisfying(CreditApplications.Outcome.Applied.class, applied ->
                assertThat(jdbc.sql("""
                                SELECT j.entity_code || ' ' || l.account_code || ' ' || l.debit || ' ' || l.credit FROM journal_line l
                                  JOIN journal j ON j.entity_code = l.entity_code AND j.id = l.journal_id WHERE j.batch_id = ? ORDER BY j.id, l.line_no""")
                        .param(applied.batchId()).query(String.class).list()).containsExactly(
                        "PSAB 2300 20.0000 0.0000", "PSAB 1900 0.0000 20.0000",
                        "BMC 1900 20.0000 0.0000", "BMC 1200 0.0000 20.0000"));
        assertThat(open("PSAB", overpayment())).isEqualByComparingTo("30.00");
        assertThat(open("BMC", "INV-30002")).isEqualByComparingTo("10.00");
        assertThat(check.run()).isEmpty();
        assertThat(differences()).isEmpty();
    }

    @Test
    void apply_credits_uses_each_partys_oldest_credits_on_its_invoices_in_the_same_entity_first_and_a_dry_run_writes_nothing() {
        long before = journals();

        var preview = credits.applyAll("100231", null, TODAY, true, "clerk");

        assertThat(preview).isInstanceOfSatisfying(CreditApplications.Outcome.Applied.class, p -> {
            assertThat(p.dryRun()).isTrue();
            assertThat(p.applications()).extracting(a -> a.invoice(), a -> a.amount())
                    .containsExactly(tuple("PSAB/INV-30001", new BigDecimal("50.00")));
        });
        assertThat(journals()).isEqualTo(before);
        assertThat(open("PSAB", overpayment())).isEqualByComparingTo("50.00");

        var applied = credits.applyAll(null, null, TODAY, false, "clerk");

        assertThat(applied).isInstanceOfSatisfying(CreditApplications.Outcome.Applied.class, a ->
                assertThat(a.applications()).extracting(x -> x.party(), x -> x.invoice())
                        .as("100232's and 100235's credits have no invoice they may pay (none open; another currency)")
                        .containsExactly(tuple("100231", "PSAB/INV-30001")));
        assertThat(open("PSAB", "INV-30001")).isEqualByComparingTo("50.00");
        assertThat(open("BMC", "INV-30002")).as("the other entity's invoice waits").isEqualByComparingTo("30.00");
        assertThat(credits.applyAll(null, null, TODAY, false, "clerk")).isInstanceOfSatisfying(CreditApplications.Outcome.Refused.class,
                r -> assertThat(r.rule()).isEqualTo(DocumentRule.NOTHING_TO_APPLY));
        assertThat(differences()).isEmpty();
    }

    @Test
    void a_credit_is_refused_with_its_code_and_nothing_is_written() {
        long before = journals();
        String credit = overpayment();

        assertThat(refusal(credit, "INV-20412", null)).as("100232's invoice").isEqualTo(DocumentRule.PARTY_MISMATCH);
        assertThat(refusal("CM-3001", "INV-20415", null)).as("a USD credit memo, a CAD invoice").isEqualTo(DocumentRule.CURRENCY_MISMATCH);
        assertThat(refusal(credit, "INV-30001", new BigDecimal("50.01"))).isEqualTo(DocumentRule.AMOUNT_EXCEEDS_CREDIT);
        assertThat(refusal(credit, "INV-30001", new BigDecimal("-1"))).isEqualTo(DocumentRule.AMOUNT_NOT_POSITIVE);
        assertThat(refusal(credit, "INV-30001", new BigDecimal("1.001"))).isEqualTo(DocumentRule.AMOUNT_EXCEEDS_CURRENCY_SCALE);
        assertThat(refusal(credit, "INV-99999", null)).isEqualTo(DocumentRule.DOCUMENT_NOT_FOUND);
        assertThat(refusal("INV-30001", "INV-20411", null)).isEqualTo(DocumentRule.NOT_A_CREDIT);
        assertThat(refusal(credit, credit, null)).isEqualTo(DocumentRule.NOT_AN_INVOICE);
        assertThat(refusal(credit, "INV-20411", null)).as("paid by the VISA row").isEqualTo(DocumentRule.INVOICE_NOT_OPEN);
        setup.closePeriod("PSAB", LocalDate.of(2026, 11, 30), "controller");
        assertThat(refusal(credit, "INV-30001", null)).isEqualTo(DocumentRule.CLOSED_PERIOD);

        assertThat(journals()).isEqualTo(before);
        assertThat(open("PSAB", credit)).isEqualByComparingTo("50.00");
    }

    @Test
    void the_other_credit_rules_refuse_with_their_codes_and_write_nothing() {
        long before = journals();
        String credit = overpayment();
        jdbc.sql("""
                INSERT INTO document (entity_code, module, number, doc_type, party_id, doc_date, currency, exchange_rate, original_amount,
                                      open_balance, status, origin, migrated, released_at)
                VALUES ('BMC', 'AR', 'INV-30001', 'INVOICE', '100231', '2026-10-01', 'USD', 1, 5, 5, 'OPEN', 'LEDGERBRIDGE', false, null),
                       ('PSAB', 'AR', 'CM-HOLD', 'CREDIT_MEMO', '100231', '2026-10-01', 'USD', 1, 5, 5, 'ON_HOLD', 'MIGRATION', true, null),
                       ('PSAB', 'AR', 'CM-CAD', 'CREDIT_MEMO', '100235', '2026-10-01', 'CAD', 0.75, 5, 5, 'OPEN', 'MIGRATION', true, now())""").update();

        assertThat(refusal(credit, "INV-30001", null)).as("PSAB and BMC both have it").isEqualTo(DocumentRule.DOCUMENT_AMBIGUOUS);
        assertThat(refusal("CM-HOLD", "PSAB/INV-30001", null)).isEqualTo(DocumentRule.NOT_RELEASED);
        assertThat(refusal("CM-CAD", "INV-20415", null)).as("0.75 against 0.7312").isEqualTo(DocumentRule.EXCHANGE_RATES_DIFFER);
        jdbc.sql("UPDATE account SET role = NULL WHERE entity_code = 'BMC' AND role = 'INTER_ENTITY'").update();
        assertThat(refusal(credit, "BMC/INV-30002", null)).isEqualTo(DocumentRule.ACCOUNT_ROLE_MISSING);
        migrationMode.set(NewDocument.Module.AR, true, "controller");
        assertThat(refusal(credit, "PSAB/INV-30001", null)).isEqualTo(DocumentRule.MIGRATION_MODE_ON);
        jdbc.sql("DELETE FROM document WHERE number = 'CM-HOLD'").update(); // AR leaves migration mode once nothing waits
        assertThat(migrationMode.set(NewDocument.Module.AR, false, "controller")).isEmpty();
        assertThat(credits.apply(credit, "PSAB/INV-30001", null, TODAY, "clerk")).isInstanceOf(CreditApplications.Outcome.Applied.class);
        assertThat(refusal(credit, "PSAB/INV-30001", null)).isEqualTo(DocumentRule.CREDIT_USED_UP);
        assertThat(journals()).as("only the one application that was allowed").isEqualTo(before + 1);
    }

    private DocumentRule refusal(String credit, String invoice, BigDecimal amount) {
        var outcome = credits.apply(credit, invoice, amount, TODAY, "clerk");
        assertThat(outcome).isInstanceOf(CreditApplications.Outcome.Refused.class);
        CreditApplications.Outcome.Refused refused = (CreditApplications.Outcome.Refused) outcome;
        assertThat(refused.message()).doesNotContain("Exception").doesNotContain("org.ledgerbridge");
        return refused.rule();
    }

    @Test
    void the_credit_applications_import_applies_each_row_and_sees_what_the_rows_before_it_applied() throws IOException {
        String credit = overpayment();

        ImportReport report = importFile("credit-applications", "BILL_TO_ID,CREDIT_NUMBER,INVOICE_NUMBER,AMOUNT,DATE\n"
                + "100231," + credit + ",INV-30001,40.00,2026-11-21\n"
                + "100231,PSAB/" + credit + ",BMC/INV-30002,,2026-11-21\n");

        committed(report);
        assertThat(report.summary()).containsEntry("applications", 2).containsEntry("applied", "50.00");
        assertThat(open("PSAB", "INV-30001")).isEqualByComparingTo("60.00");
        assertThat(open("BMC", "INV-30002")).as("what was left of the credit").isEqualByComparingTo("20.00");
        assertThat(open("PSAB", credit)).isZero();
        assertThat(check.run()).isEmpty();
        assertThat(differences()).isEmpty();
    }

    @Test
    void a_bad_credit_applications_file_names_each_row_and_column_and_writes_nothing() throws IOException {
        long before = journals();
        String credit = overpayment();

        ImportReport report = importFile("credit-applications", "BILL_TO_ID,CREDIT_NUMBER,INVOICE_NUMBER,AMOUNT,DATE\n"
                + "100231," + credit + ",INV-30001,30.00,2026-11-21\n"
                + "100231," + credit + ",INV-30001,30.00,2026-11-21\n"
                + "100231,NOPE,INV-30001,1.00,2026-11-21\n"
                + "100231," + credit + ",INV-20412,1.00,2026-11-21\n"
                + "100231," + credit + ",INV-30001,abc,2026-11-21\n"
                + "100231," + credit + ",INV-30001,1.00,21/11/2026\n");

        assertThat(report.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name()).containsExactly(
                tuple(3L, "AMOUNT", "AMOUNT_EXCEEDS_CREDIT"),
                tuple(4L, "CREDIT_NUMBER", "DOCUMENT_NOT_FOUND"),
                tuple(5L, "INVOICE_NUMBER", "DOCUMENT_NOT_FOUND"),
                tuple(6L, "AMOUNT", "INVALID_NUMBER"),
                tuple(7L, "DATE", "INVALID_DATE"));
        assertThat(journals()).isEqualTo(before);
        assertThat(open("PSAB", credit)).isEqualByComparingTo("50.00");
        assertThat(jdbc.sql("SELECT count(*) FROM application WHERE kind = 'CREDIT'").query(Long.class).single()).isZero();
    }

    @Test
    void a_posted_credit_application_reversed_opens_both_documents_again_and_the_books_still_tie_out() {
        String credit = overpayment();
        var applied = (CreditApplications.Outcome.Applied) credits.apply(credit, "INV-30001", null, TODAY, "clerk");
        post(applied.batchId());
        List<Long> payments = batches.list().stream().filter(b -> b.type().name().equals("DEPOSIT")).map(b -> b.id()).toList();
        payments.forEach(this::post);

        assertThat(corrections.reverse(payments, "cheque bounced", null, "controller")).as("its credit was applied since")
                .isInstanceOfSatisfying(BatchChange.Refused.class, r -> assertThat(r.code()).hasToString("CREDIT_ALREADY_APPLIED"));

        var reversal = (BatchChange.Reversing) corrections.reverse(List.of(applied.batchId()), "applied to the wrong invoice", null, "controller");
        post(reversal.reversalBatchId());

        assertThat(open("PSAB", credit)).isEqualByComparingTo("50.00");
        assertThat(status("PSAB", credit)).isEqualTo("OPEN");
        assertThat(open("PSAB", "INV-30001")).isEqualByComparingTo("100.00");
        assertThat(check.run()).isEmpty();
        assertThat(openItems.check()).isEmpty();
        assertThat(differences()).isEmpty();

        var paymentsReversal = (BatchChange.Reversing) corrections.reverse(payments, "cheque bounced", null, "controller");
        post(paymentsReversal.reversalBatchId());
        assertThat(open("PSAB", "INV-20410")).as("open again").isEqualByComparingTo("1250.00");
        assertThat(differences()).as("voids and reversals tie out too").isEmpty();
        assertThat(check.run()).isEmpty();
    }

    @Test
    void a_voided_credit_application_opens_both_documents_again() {
        String credit = overpayment();
        var applied = (CreditApplications.Outcome.Applied) credits.apply(credit, "INV-30001", null, TODAY, "clerk");

        assertThat(corrections.voidBatches(List.of(applied.batchId()), "wrong invoice", "clerk")).isInstanceOf(BatchChange.Changed.class);

        assertThat(open("PSAB", credit)).isEqualByComparingTo("50.00");
        assertThat(open("PSAB", "INV-30001")).isEqualByComparingTo("100.00");
        assertThat(openItems.check()).isEmpty();
        assertThat(differences()).isEmpty();
    }

    @Test
    void an_entity_whose_chart_has_no_unapplied_credit_account_keeps_credits_in_ar_control_and_still_ties_out() throws IOException {
        jdbc.sql("UPDATE account SET role = NULL WHERE entity_code = 'BMC' AND role = 'UNAPPLIED_CREDIT'").update();

        committed(imports.run("payments", write("BILL_TO_ID,AMOUNT,PAYMENT_METHOD_ID,DATE,CHECK_NUMBER\n100233,1300.00,CHK-BMC,2026-11-10,77\n"),
                ImportOptions.of(TODAY, "clerk").withFlag("allow-overpayment", "true")));

        // the deposit journal sums what the payment applied and the credit it left on the one AR control line
        assertThat(jdbc.sql("""
                        SELECT l.account_code || ' ' || l.credit FROM journal_line l JOIN journal j ON j.entity_code = l.entity_code AND j.id = l.journal_id
                         WHERE j.entity_code = 'BMC' AND l.credit > 0
                           AND j.source = (SELECT 'payments import #' || max(id) FROM import_run WHERE kind = 'payments')""")
                .query(String.class).list()).containsExactly("1200 1300.0000");
        assertThat(reconciliation.run("BMC")).filteredOn(l -> l.module().equals("AR")).singleElement()
                .satisfies(l -> assertThat(l.glAccounts()).isEqualTo("1200"));
        assertThat(differences()).isEmpty();
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("file-" + System.nanoTime() + ".csv");
        Files.writeString(file, content);
        return file;
    }
}
