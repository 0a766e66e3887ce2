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
}
