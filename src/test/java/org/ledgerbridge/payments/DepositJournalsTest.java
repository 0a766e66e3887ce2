package org.ledgerbridge.payments;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.ledger.BatchChange;
import org.ledgerbridge.ledger.BatchCorrections;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchStatus;
import org.ledgerbridge.ledger.JournalView;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.LedgerSettings;
import org.ledgerbridge.ledger.Page;
import org.ledgerbridge.ledger.PaymentGlDetail;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.OpenItems;
import org.ledgerbridge.support.GeneratedLedger;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.QueryPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deposit journals on a generated ledger: 5,000 open invoices of 500 members over three entities,
 * and a file of 10,000 payments by card and cheque over thirty days, many paying invoices of
 * another entity than the one whose account received them.
 */
@LedgerTest
@TestPropertySource(properties = "ledgerbridge.test.ledger=deposits") // a context (and database) of its own
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepositJournalsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final int PAYMENTS = 10_000;

    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired BatchService batches;
    @Autowired BatchCorrections corrections;
    @Autowired LedgerReports reports;
    @Autowired LedgerSettings settings;
    @Autowired OpenItems openItems;
    @Autowired DepositPayments depositPayments;
    @Autowired org.ledgerbridge.delivery.GlExportService export;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    private Path payments;
    private Map<String, Object> owing;

    @BeforeAll
    void members_owe_five_thousand_invoices_over_three_entities() {
        GeneratedLedger ledger = new GeneratedLedger(imports, migrationMode, migrated, TODAY);
        ledger.membersOwing(PAYMENTS / 2);
        payments = ledger.file("payments", PAYMENTS);
        jdbc.sql("ANALYZE").update();
        owing = subledgerAndBooks();
    }

    @Test
    void deposit_journals_leave_the_same_balances_credits_and_books_as_a_journal_per_payment() {
        ImportReport deposits = importPayments(PaymentGlDetail.DEPOSIT);
        Map<String, Object> withDeposits = subledgerAndBooks();
        long depositJournals = journalsOf(deposits);
        undo(deposits);
        assertThat(subledgerAndBooks()).as("voided: the ledger as before").isEqualTo(owing);

        ImportReport perPayment = importPayments(PaymentGlDetail.PAYMENT);
        Map<String, Object> withJournalPerPayment = subledgerAndBooks();
        long paymentJournals = journalsOf(perPayment);
        undo(perPayment);

        assertThat(withDeposits).isEqualTo(withJournalPerPayment).isNotEqualTo(owing);
        assertThat(paymentJournals).isGreaterThan(PAYMENTS);
        // three entities, thirty days, six methods into five accounts, two batches: a few hundred at most
        assertThat(depositJournals).isLessThan(1_000).isGreaterThan(30);
        assertThat(openItems.check()).isEmpty();
    }

    @Test
    void every_payment_names_the_deposit_journal_its_cash_is_summed_into_and_each_line_counts_its_payments() {
        ImportReport report = importPayments(PaymentGlDetail.DEPOSIT);
        long runId = runOf(report);
        assertThat(jdbc.sql("SELECT count(*) FROM payment WHERE import_run_id = ? AND journal_id IS NULL").param(runId)
                .query(Long.class).single()).isZero();
        // the cash line of each deposit counts the payments that name the journal, and its amount is theirs
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM journal j JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id AND l.line_no = 1
                          JOIN (SELECT entity_code, journal_id, count(*) AS n, sum(amount) AS amount FROM payment
                                 GROUP BY entity_code, journal_id) p
                            ON p.entity_code = j.entity_code AND p.journal_id = j.id
                         WHERE j.source = ? AND (l.payment_count <> p.n OR l.debit <> p.amount)""")
                .param("payments import #" + runId).query(Long.class).single()).isZero();
        // a credit a payment leaves is a document of that credit, open for all of it: nothing applied to it yet
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM payment p JOIN document d ON d.entity_code = p.entity_code AND d.module = 'AR' AND d.number = p.number
                         WHERE p.import_run_id = ? AND (d.original_amount <> p.unapplied OR d.open_balance <> p.unapplied
                               OR EXISTS (SELECT 1 FROM application a WHERE a.entity_code = d.entity_code AND a.module = 'AR'
                                                                         AND a.document_number = d.number))""")
                .param(runId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM payment WHERE import_run_id = ? AND unapplied > 0").param(runId).query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM document WHERE number LIKE ? AND doc_type IN ('PAYMENT', 'PREPAYMENT')")
                        .param("PAY-" + runId + "-%").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT sum(l.payment_count) FROM journal j JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id AND l.line_no = 1 "
                        + "WHERE j.source = ? AND j.deposit_journal_id IS NULL").param("payments import #" + runId)
                .query(Long.class).single()).isEqualTo(report.summary().get("payments"));
    }

    @Test
    void a_deposit_journal_lists_its_payments_page_by_page_and_another_entitys_journal_those_that_paid_its_invoices() {
        ImportReport report = importPayments(PaymentGlDetail.DEPOSIT);
        long runId = runOf(report);
        long cash = jdbc.sql("""
                        SELECT j.id FROM journal j JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id AND l.line_no = 1
                         WHERE j.source = ? AND j.deposit_journal_id IS NULL ORDER BY l.payment_count DESC LIMIT 1""")
                .param("payments import #" + runId).query(Long.class).single();
        JournalView journal = reports.journal(cash).orElseThrow();
        List<DepositPayments.PaymentInJournal> listed = Page.all(cursor -> depositPayments.ofJournal(cash, cursor, 7).orElseThrow());
        assertThat(listed).hasSize(journal.lines().get(0).payments());
        assertThat(listed).extracting(DepositPayments.PaymentInJournal::row).isSorted().doesNotHaveDuplicates();
        assertThat(listed).allSatisfy(p -> assertThat(p.applied().add(p.unapplied())).isEqualByComparingTo(p.amount()));
        assertThat(listed).allSatisfy(p -> assertThat(p.paid().stream().map(DepositPayments.Applied::amount)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)).isEqualByComparingTo(p.applied()));

        long other = jdbc.sql("SELECT id FROM journal WHERE deposit_journal_id IS NOT NULL AND source = ? ORDER BY id LIMIT 1")
                .param("payments import #" + runId).query(Long.class).single();
        JournalView otherJournal = reports.journal(other).orElseThrow();
        List<DepositPayments.PaymentInJournal> paidThere = Page.all(cursor -> depositPayments.ofJournal(other, cursor, 50).orElseThrow());
        assertThat(paidThere).isNotEmpty().allSatisfy(p -> assertThat(p.paid()).anyMatch(a -> a.entity().equals(otherJournal.entity())));
        assertThat(paidThere.size()).isEqualTo(otherJournal.lines().get(0).payments());
        assertThat(depositPayments.ofJournal(Long.MAX_VALUE, null, 10)).isEmpty();
    }

    @Test
    void the_drill_down_reads_payments_and_applications_along_their_indexes() {
        ImportReport report = importPayments(PaymentGlDetail.DEPOSIT);
        jdbc.sql("ANALYZE payment").update();
        jdbc.sql("ANALYZE application").update();
        long journal = jdbc.sql("SELECT journal_id FROM payment WHERE import_run_id = ? LIMIT 1").param(runOf(report))
                .query(Long.class).single();
        QueryPlans plans = new QueryPlans(jdbc, transactions, Set.of("payment", "application", "journal", "journal_line"));
        Page<DepositPayments.PaymentInJournal> first = depositPayments.ofJournal(journal, null, 5).orElseThrow();
        plans.assertUsesIndexes(() -> depositPayments.ofJournal(journal, null, 5));
        plans.assertUsesIndexes(() -> depositPayments.ofJournal(journal, first.next(), 5));
        // another entity's journal of the deposit: the cash journal's payments, run by run, kept when they paid there
        long interEntity = jdbc.sql("SELECT id FROM journal WHERE deposit_journal_id IS NOT NULL AND source LIKE ? LIMIT 1")
                .param("payments import #" + runOf(report) + "%").query(Long.class).single();
        QueryPlans withDocuments = new QueryPlans(jdbc, transactions, Set.of("payment", "application", "journal", "journal_line", "document"));
        withDocuments.assertUsesIndexes(() -> depositPayments.ofJournal(interEntity, null, 5));
    }

    @Test
    void an_entity_set_to_a_journal_per_payment_gets_one_while_the_others_keep_deposits() {
        settings.setPaymentGlDetail("BMC", PaymentGlDetail.PAYMENT, "admin");
        try {
            ImportReport report = imports.run("payments", payments, ImportOptions.of(TODAY, "clerk").withFlag("allow-overpayment", "true"));
            assertThat(report.status()).isEqualTo(ImportStatus.COMMITTED);
            String source = "payments import #" + runOf(report) + "%";
            // a journal per payment of BMC's accounts names one payment: its lines carry no count
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM payment p JOIN journal_line l ON l.entity_code = p.entity_code AND l.journal_id = p.journal_id AND l.line_no = 1
                             WHERE p.import_run_id = ? AND p.entity_code = 'BMC' AND l.payment_count IS NOT NULL""")
                    .param(runOf(report)).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("""
                            SELECT count(DISTINCT journal_id) = count(*) FROM payment WHERE import_run_id = ? AND entity_code = 'BMC'""")
                    .param(runOf(report)).query(Boolean.class).single()).isTrue();
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM payment p JOIN journal_line l ON l.entity_code = p.entity_code AND l.journal_id = p.journal_id AND l.line_no = 1
                             WHERE p.import_run_id = ? AND p.entity_code = 'PSAB' AND l.payment_count IS NULL""")
                    .param(runOf(report)).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE source LIKE ?").param(source).query(Long.class).single())
                    .isGreaterThan(1_000);
                    } finally {
            settings.setPaymentGlDetail("BMC", PaymentGlDetail.DEPOSIT, "admin");
        }
    }

    @Test
    void a_posted_deposit_batch_reversed_gives_the_invoices_back_and_its_journals_cancel_out() {
        ImportReport report = importPayments(PaymentGlDetail.DEPOSIT);
        List<Long> ids = batchesOf(report);
        assertThat(batches.changeStatus(ids, BatchStatus.READY, "clerk")).isInstanceOf(BatchChange.Changed.class);
        assertThat(batches.post(ids, "controller")).isInstanceOf(BatchChange.Changed.class);
        long reversal = ((BatchChange.Reversing) corrections.reverse(ids, "bank file sent twice", null, "controller")).reversalBatchId();
        assertThat(batches.changeStatus(List.of(reversal), BatchStatus.READY, "clerk")).isInstanceOf(BatchChange.Changed.class);
        assertThat(batches.post(List.of(reversal), "controller")).isInstanceOf(BatchChange.Changed.class);

        assertThat(subledgerAndBooks()).isEqualTo(owing);
        // the reversal mirrors every summed line with its count: the books net to what they were
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM journal r JOIN journal_line l ON l.entity_code = r.entity_code AND l.journal_id = r.id
                          JOIN journal_line o ON o.entity_code = r.entity_code AND o.journal_id = r.reverses_journal_id AND o.line_no = l.line_no
                         WHERE r.batch_id = ? AND (l.debit <> o.credit OR l.payment_count IS DISTINCT FROM o.payment_count)""")
                .param(reversal).query(Long.class).single()).isZero();
    }

    @Test
    void the_gl_export_carries_each_deposit_once_with_its_payment_count_and_every_file_balances() throws IOException {
        ImportReport report = importPayments(PaymentGlDetail.DEPOSIT);
        List<Long> ids = batchesOf(report);
        assertThat(batches.changeStatus(ids, BatchStatus.READY, "clerk")).isInstanceOf(BatchChange.Changed.class);
        assertThat(batches.post(ids, "controller")).isInstanceOf(BatchChange.Changed.class);
        Path zip = Files.createTempDirectory("deposit-export").resolve("gl.zip");
        var exported = export.export(TODAY.minusDays(40), TODAY, "csv", null, true,
                org.ledgerbridge.delivery.Summarize.DETAIL, zip, "controller");
        assertThat(exported).isInstanceOf(org.ledgerbridge.delivery.GlExport.Exported.class);
        String all;
        String manifest = "";
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            StringBuilder text = new StringBuilder();
            java.util.zip.ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String content = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (entry.getName().equals("manifest.csv")) {
                    manifest = content;
                } else {
                    text.append(content);
                }
            }
            all = text.toString();
        }
        // the deposit's lines say how many payments they sum; no payment's own line goes to the GL
        assertThat(all).contains(" payments").doesNotContain("PAY-");
        assertThat(manifest.lines().skip(1).map(l -> l.split(","))).isNotEmpty().allSatisfy(f ->
                assertThat(new java.math.BigDecimal(f[4])).isEqualByComparingTo(new java.math.BigDecimal(f[5])));
        // reversed at once: the other tests find the invoices owed again
        long reversal = ((BatchChange.Reversing) corrections.reverse(ids, "test done", null, "controller")).reversalBatchId();
        assertThat(batches.changeStatus(List.of(reversal), BatchStatus.READY, "clerk")).isInstanceOf(BatchChange.Changed.class);
        assertThat(batches.post(List.of(reversal), "controller")).isInstanceOf(BatchChange.Changed.class);
        assertThat(subledgerAndBooks()).isEqualTo(owing);
    }

    /** Each test imports the same file: what it left open is voided, so that the next one finds the invoices owed again. */
    @org.junit.jupiter.api.AfterEach
    void payments_left_open_are_voided() {
        List<Long> open = jdbc.sql("SELECT id FROM batch WHERE status = 'OPEN' AND import_run_id IS NOT NULL ORDER BY id")
                .query(Long.class).list();
        if (!open.isEmpty()) {
            assertThat(corrections.voidBatches(open, "test done", "clerk")).isInstanceOf(BatchChange.Changed.class);
        }
    }

    // ------------------------------------------------------------------ helpers

    private ImportReport importPayments(PaymentGlDetail detail) {
        ImportReport report = imports.run("payments", payments, ImportOptions.of(TODAY, "clerk")
                .withFlag("allow-overpayment", "true").withFlag(PaymentsImport.GL_DETAIL, detail.option()));
        assertThat(report.status()).as("%s", report.errors()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(report.summary().get("payments")).isEqualTo((long) PAYMENTS);
        return report;
    }

    /** Every AR invoice's open balance, the credits left (by party, not by payment number), and the books' balances, unposted too. */
    private Map<String, Object> subledgerAndBooks() {
        return Map.of(
                "documents", jdbc.sql("""
                                SELECT entity_code || '/' || number || ' ' || open_balance || ' ' || status FROM document
                                 WHERE doc_type = 'INVOICE' ORDER BY 1""").query(String.class).list(),
                "credits", jdbc.sql("""
                                SELECT entity_code || ' ' || party_id || ' ' || doc_type || ' ' || open_balance FROM document
                                 WHERE doc_type IN ('PAYMENT', 'PREPAYMENT') ORDER BY 1""").query(String.class).list(),
                "books", reports.trialBalance(null, true).stream().filter(l -> l.balance().signum() != 0)
                        .map(l -> l.entity() + " " + l.account() + " " + l.balance().stripTrailingZeros().toPlainString()).toList());
    }

    private long runOf(ImportReport report) {
        return jdbc.sql("SELECT id FROM import_run WHERE sha256 = ? AND status = 'committed' ORDER BY id DESC LIMIT 1")
                .param(report.sha256()).query(Long.class).single();
    }

    private List<Long> batchesOf(ImportReport report) {
        return jdbc.sql("SELECT id FROM batch WHERE import_run_id = ? ORDER BY id").param(runOf(report)).query(Long.class).list();
    }

    private long journalsOf(ImportReport report) {
        return jdbc.sql("SELECT count(*) FROM journal WHERE batch_id = ANY(?)").param(batchesOf(report).toArray(Long[]::new))
                .query(Long.class).single();
    }

    private void undo(ImportReport report) {
        assertThat(corrections.voidBatches(batchesOf(report), "test done", "clerk")).isInstanceOf(BatchChange.Changed.class);
    }
}
