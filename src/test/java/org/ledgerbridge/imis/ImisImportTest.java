package org.ledgerbridge.imis;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.imports.RowProblem;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchType;
import org.ledgerbridge.ledger.LedgerCheck;
import org.ledgerbridge.ledger.JournalView;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.TrialBalanceLine;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `import imis`: an auto-batch posted into the ledger, once. */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class ImisImportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Autowired ImportService imports;
    @Autowired BatchService batches;
    @Autowired LedgerReports reports;
    @Autowired LedgerCheck check;
    @Autowired org.ledgerbridge.ledger.LedgerSetup setup;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired ImisBatchHistory history;
    @Autowired org.ledgerbridge.delivery.GlIntegration integration;

    @BeforeEach
    void the_sample_chart() {
        Samples.imported(imports, TODAY, "entities", "accounts", "parties");
    }

    private ImportReport importBatch(String... batch) {
        return imports.run("imis", Samples.file("imis-export.csv"), ImportOptions.of(TODAY, "t").withFlag("batch", String.join(",", batch)));
    }

    @Test
    void an_auto_batch_is_posted_as_an_auto_batch_balanced_in_every_entity() {
        ImportReport report = importBatch("1043");

        assertThat(report.status()).as(report.errors().toString()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(batches.list()).singleElement().satisfies(b -> {
            assertThat(b.type()).isEqualTo(BatchType.AUTO);
            assertThat(b.name()).isEqualTo("AB001043-1");
        });
        assertThat(reports.trialBalance("SEC", true)).extracting(TrialBalanceLine::account, TrialBalanceLine::balance)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("1900", new BigDecimal("250.00")),
                        org.assertj.core.groups.Tuple.tuple("4000", new BigDecimal("-250.00")));
        assertThat(check.run()).isEmpty();
    }

    @Test
    void an_export_in_reverse_order_posts_the_same_journals_as_the_sorted_one(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(Samples.file("imis-export.csv")));
        String header = lines.remove(0);
        java.util.Collections.reverse(lines);
        lines.add(0, header);
        java.nio.file.Path reversed = dir.resolve("reversed.csv");
        java.nio.file.Files.write(reversed, lines);

        ImportReport report = imports.run("imis", reversed, ImportOptions.of(TODAY, "t").withFlag("batch", "1041,1043"));

        assertThat(report.status()).as(report.errors().toString()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(reports.journals(null, null)).as("a journal per transaction and entity, in transaction order")
                .extracting(JournalView::entity).containsExactly("PSAB", "BMC", "PSAB", "PSAB", "SEC", "BMC", "PSAB", "SEC");
        assertThat(reports.trialBalance("SEC", true)).extracting(TrialBalanceLine::account, TrialBalanceLine::balance)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("1900", new BigDecimal("345.00")),
                        org.assertj.core.groups.Tuple.tuple("4000", new BigDecimal("-250.00")),
                        org.assertj.core.groups.Tuple.tuple("4100", new BigDecimal("-95.00")));
        assertThat(check.run()).isEmpty();
    }

    @Test
    void converting_a_batch_the_ledger_posted_or_sent_warns_that_the_gl_would_get_it_twice() {
        assertThat(importBatch("1043").status()).isEqualTo(ImportStatus.COMMITTED);

        assertThat(history.warnings(List.of("1041", "1043"))).extracting(ImisBatchHistory.Warning::batch,
                w -> w.code().name()).containsExactly(org.assertj.core.groups.Tuple.tuple("1043", "BATCH_ALREADY_IMPORTED"));
        assertThat(history.warnings(List.of("1043")).get(0).message()).contains("AB001043-1 (OPEN)", "post it twice");

        long batch = batches.list().get(0).id();
        batches.changeStatus(List.of(batch), org.ledgerbridge.ledger.BatchStatus.READY, "c");
        batches.post(List.of(batch), "c");
        List<Long> journals = reports.journals(null, null).stream().map(JournalView::id).toList();
        integration.markSent(journals, "keyed into Sage by hand", "c");

        assertThat(history.warnings(List.of("1043"))).extracting(p -> p.code().name()).containsExactly("BATCH_ALREADY_SENT");
    }

    @Test
    void the_same_batch_is_refused_the_second_time_even_from_other_bytes_and_another_batch_of_the_same_file_is_not() {
        assertThat(importBatch("1041").status()).isEqualTo(ImportStatus.COMMITTED);

        ImportReport again = importBatch("1041", "1042");

        assertThat(again.refusedByLedgerRule()).isTrue();
        assertThat(again.errors()).extracting(p -> p.code().name()).containsExactly("IMIS_BATCH_ALREADY_POSTED");
        assertThat(importBatch("1042").status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(batches.list()).hasSize(2);
    }

    @Test
    void a_batch_in_a_closed_period_is_refused_in_a_dry_run_at_its_rows_and_transaction_date() {
        setup.closePeriod("PSAB", java.time.LocalDate.of(2026, 12, 31), "controller");

        ImportReport preview = imports.run("imis", Samples.file("imis-export.csv"),
                ImportOptions.of(TODAY, "t").withFlag("batch", "1041").dryRun(true));

        assertThat(preview.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(preview.refusedByLedgerRule()).isTrue();
        assertThat(preview.errors()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.code()).hasToString("CLOSED_PERIOD");
            assertThat(e.column()).isEqualTo("TRANSACTION_DATE");
            assertThat(e.row()).isPositive();
        });
    }

    @Test
    void a_posting_rule_the_file_checks_did_not_foresee_rejects_the_file_with_its_code_and_never_crashes() {
        // the inter-entity lines are the import's own, not the file's: their account is checked only when posting
        jdbc.sql("UPDATE account SET active = false WHERE role = 'INTER_ENTITY'").update();

        ImportReport report = importBatch("1043");

        assertThat(report.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(report.errors()).extracting(p -> p.code().name()).containsExactly("INACTIVE_ACCOUNT");
        assertThat(report.errors().get(0).message()).doesNotContain("Refused[").doesNotContain("Exception");
        assertThat(batches.list()).isEmpty();
    }
}
