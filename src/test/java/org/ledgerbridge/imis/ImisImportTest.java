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
    void the_same_batch_is_refused_the_second_time_even_from_other_bytes_and_another_batch_of_the_same_file_is_not() {
        assertThat(importBatch("1041").status()).isEqualTo(ImportStatus.COMMITTED);

        ImportReport again = importBatch("1041", "1042");

        assertThat(again.refusedByLedgerRule()).isTrue();
        assertThat(again.errors()).extracting(RowProblem::code).containsExactly("IMIS_BATCH_ALREADY_POSTED");
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
            assertThat(e.code()).isEqualTo("CLOSED_PERIOD");
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
        assertThat(report.errors()).extracting(RowProblem::code).containsExactly("INACTIVE_ACCOUNT");
        assertThat(report.errors().get(0).message()).doesNotContain("Refused[").doesNotContain("Exception");
        assertThat(batches.list()).isEmpty();
    }
}
