package org.ledgerbridge.imports;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.ledger.Batch;
import org.ledgerbridge.ledger.BatchCorrections;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchType;
import org.ledgerbridge.ledger.JournalView;
import org.ledgerbridge.ledger.LedgerCheck;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.ledger.TrialBalanceLine;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.ledgerbridge.receivables.Reconciliation;
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

/** The GL side of a migration: trial balance and historical journals, and whether it all ties out. */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class GlImportsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Autowired ImportService imports;
    @Autowired LedgerReports reports;
    @Autowired LedgerCheck check;
    @Autowired LedgerSetup setup;
    @Autowired BatchService batches;
    @Autowired BatchCorrections corrections;
    @Autowired Reconciliation reconciliation;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    @BeforeEach
    void the_sample_chart() {
        Samples.imported(imports, TODAY, "entities", "accounts", "parties");
    }

    private ImportReport importFile(String kind, String content) throws IOException {
        Path file = dir.resolve(kind + "-" + System.nanoTime() + ".csv");
        Files.writeString(file, content);
        return imports.run(kind, file, ImportOptions.of(TODAY, "tester"));
    }

    private long journals() {
        return jdbc.sql("SELECT count(*) FROM journal").query(Long.class).single();
    }

    @Test
    void a_trial_balance_becomes_one_balanced_opening_journal_per_entity_in_an_open_batch() throws IOException {
        ImportReport report = importFile("trial-balance", """
                ENTITY,ACCOUNT,DEBIT,CREDIT,AS_OF
                PSAB,1010,10000.00,,2026-10-31
                PSAB,1200,2375.60,,2026-10-31
                PSAB,2000,,4310.00,2026-10-31
                PSAB,3900,,8065.60,2026-10-31
                BMC,1010,500.00,0,2026-10-31
                BMC,3900,0,500.00,2026-10-31
                BMC,4000,0,0,2026-10-31
                """);

        assertThat(report.status()).as(report.errors().toString()).isEqualTo(ImportStatus.COMMITTED);
        List<JournalView> journals = reports.journals(null, null);
        assertThat(journals).extracting(JournalView::entity, JournalView::date, j -> j.lines().size())
                .containsExactlyInAnyOrder(tuple("PSAB", LocalDate.of(2026, 10, 31), 4), tuple("BMC", LocalDate.of(2026, 10, 31), 2));
        assertThat(batches.list()).singleElement().satisfies(b -> {
            assertThat(b.type()).isEqualTo(BatchType.OPENING);
            assertThat(b.status().name()).isEqualTo("OPEN");
        });
        assertThat(reports.trialBalance("PSAB", true)).extracting(TrialBalanceLine::account, TrialBalanceLine::balance)
                .contains(tuple("1200", new BigDecimal("2375.60")), tuple("3900", new BigDecimal("-8065.60")));
        assertThat(check.run()).isEmpty();
    }

    @Test
    void an_unbalanced_entity_is_rejected_with_its_totals_and_nothing_is_posted() throws IOException {
        ImportReport report = importFile("trial-balance", """
                ENTITY,ACCOUNT,DEBIT,CREDIT,AS_OF
                PSAB,1010,100.00,,2026-10-31
                PSAB,3900,,90.00,2026-10-31
                BMC,1010,5.00,,2026-10-31
                BMC,3900,,5.00,2026-10-31
                """);

        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name(), RowProblem::message)
                .containsExactly(tuple(2L, "ENTITY", "ENTITY_UNBALANCED",
                        "the trial balance of PSAB does not balance: debit 100.00, credit 90.00 (difference 10.00)"));
        assertThat(journals()).isZero();
        assertThat(batches.list()).isEmpty();
    }

    @Test
    void trial_balance_lines_are_checked_one_by_one() throws IOException {
        setup.closePeriod("SEC", LocalDate.of(2026, 10, 31), "controller");
        ImportReport report = importFile("trial-balance", """
                ENTITY,ACCOUNT,DEBIT,CREDIT,AS_OF
                PSAB,9999,1.00,,2026-10-31
                PSAB,1010,1.00,1.00,2026-10-31
                PSAB,1050,-1.00,,2026-10-31
                PSAB,1200,1.00,,2026-10-30
                PSAB,1200,1.00,,2026-10-31
                NOPE,1010,1.00,,2026-10-31
                SEC,1010,1.00,,2026-10-31
                """);

        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name()).contains(
                tuple(2L, "ACCOUNT", "UNKNOWN_ACCOUNT"),
                tuple(3L, "CREDIT", "BOTH_DEBIT_AND_CREDIT"),
                tuple(4L, "DEBIT", "AMOUNT_NEGATIVE"),
                tuple(5L, "AS_OF", "AS_OF_DIFFERS"),
                tuple(6L, "ACCOUNT", "DUPLICATE_IN_FILE"),
                tuple(7L, "ENTITY", "UNKNOWN_ENTITY"),
                tuple(8L, "AS_OF", "CLOSED_PERIOD"));
        assertThat(journals()).isZero();
    }

    @Test
    void gl_history_is_checked_per_journal_and_a_failing_journal_is_named_with_its_totals() throws IOException {
        ImportReport report = importFile("gl-transactions", """
                ENTITY,DATE,JOURNAL,ACCOUNT,DEBIT,CREDIT,DESCRIPTION
                PSAB,2026-09-30,GJ-100,1010,250.00,,September dues deposit
                BMC,2026-09-30,GJ-100,1010,40.00,,same journal number in another entity is another journal
                PSAB,2026-09-30,GJ-100,4000,,250.00,September dues
                PSAB,2026-09-30,GJ-101,5000,80.00,,printing
                PSAB,2026-09-30,GJ-101,1010,,75.00,printing paid
                BMC,2026-09-30,GJ-100,4000,,40.00,
                PSAB,2026-09-30,GJ-102,5000,10.00,,
                PSAB,2026-10-01,GJ-102,1010,,10.00,dated differently
                """);

        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name()).containsExactly(
                tuple(5L, "JOURNAL", "JOURNAL_UNBALANCED"),
                tuple(9L, "DATE", "DATE_DIFFERS_IN_JOURNAL"));
        assertThat(report.errors().get(0).message())
                .isEqualTo("journal GJ-101 of PSAB does not balance: debit 80.00, credit 75.00 (difference 5.00)");
        assertThat(journals()).isZero();
    }

    @Test
    void balanced_gl_history_is_posted_as_one_journal_per_entity_and_journal_number() throws IOException {
        ImportReport report = importFile("gl-transactions", """
                ENTITY,DATE,JOURNAL,ACCOUNT,DEBIT,CREDIT,DESCRIPTION
                PSAB,2026-09-30,GJ-100,1010,250.00,,September dues deposit
                BMC,2026-09-30,GJ-100,1010,40.00,,
                PSAB,2026-09-30,GJ-100,4000,,250.00,September dues
                BMC,2026-09-30,GJ-100,4000,,40.00,
                """);

        assertThat(report.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(report.summary()).containsEntry("journals", 2L);
        assertThat(reports.journals(null, null)).extracting(JournalView::entity).containsExactlyInAnyOrder("PSAB", "BMC");
        assertThat(check.run()).isEmpty();
    }

    @Test
    void the_reconciliation_shows_whether_subledgers_tie_out_with_the_control_accounts() throws IOException {
        migrationMode.set(NewDocument.Module.AR, true, "c");
        migrationMode.set(NewDocument.Module.AP, true, "c");
        imports.run("documents", Samples.file("documents.csv"), ImportOptions.of(TODAY, "t"));
        migrated.release(List.of(), true, TODAY, "c");
        importFile("trial-balance", """
                ENTITY,ACCOUNT,DEBIT,CREDIT,AS_OF
                PSAB,1200,2375.60,,2026-10-31
                PSAB,2000,,4310.00,2026-10-31
                PSAB,3900,1934.40,,2026-10-31
                BMC,1200,2000.00,,2026-10-31
                BMC,3900,,2000.00,2026-10-31
                """);

        assertThat(reconciliation.run(null))
                .extracting(Reconciliation.Line::entity, Reconciliation.Line::module, Reconciliation.Line::subledger,
                        Reconciliation.Line::gl, Reconciliation.Line::difference)
                .contains(tuple("PSAB", "AR", new BigDecimal("2375.60"), new BigDecimal("2375.60"), new BigDecimal("0.00")),
                        tuple("PSAB", "AP", new BigDecimal("4310.00"), new BigDecimal("4310.00"), new BigDecimal("0.00")),
                        tuple("BMC", "AR", new BigDecimal("2200.00"), new BigDecimal("2000.00"), new BigDecimal("200.00")));
    }

    @Test
    void each_batch_is_named_for_what_it_is_opening_gl_import_reversal() throws IOException {
        importFile("trial-balance", """
                ENTITY,ACCOUNT,DEBIT,CREDIT,AS_OF
                PSAB,1010,100.00,,2026-10-31
                PSAB,3900,,100.00,2026-10-31
                """);
        importFile("gl-transactions", """
                ENTITY,DATE,JOURNAL,ACCOUNT,DEBIT,CREDIT,DESCRIPTION
                PSAB,2026-11-02,GJ-1,5000,80.00,,printing
                PSAB,2026-11-02,GJ-1,1010,,80.00,printing paid
                """);
        List<Long> ids = batches.list().stream().map(Batch::id).toList();
        batches.changeStatus(ids, org.ledgerbridge.ledger.BatchStatus.READY, "controller");
        batches.post(ids, "controller");
        corrections.reverse(List.of(ids.get(1)), "keyed twice", TODAY, "controller");

        assertThat(batches.list()).extracting(Batch::name).containsExactly("OPENING-000001", "GL-IMPORT-000002", "REVERSAL-000003");
    }
}
