package org.ledgerbridge.delivery;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.ledger.AuditLog;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchStatus;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 001's GL Integration screen: what is pending, the oldest journal not sent, mark as sent. */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class GlIntegrationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired BatchService batches;
    @Autowired GlIntegration gl;
    @Autowired AuditLog audit;
    @Autowired org.ledgerbridge.ledger.LedgerReports reports;

    @BeforeEach
    void the_sample_payments_are_posted_but_the_imis_batch_is_not() {
        Samples.withOpenInvoices(imports, migrationMode, migrated, TODAY);
        imports.run("payments", Samples.file("payments.csv"), ImportOptions.of(TODAY, "setup").withFlag("allow-overpayment", "true"));
        List<Long> paymentBatches = batches.list().stream().map(b -> b.id()).toList();
        batches.changeStatus(paymentBatches, BatchStatus.READY, "p");
        batches.post(paymentBatches, "a");
        imports.run("imis", Samples.file("imis-export.csv"), ImportOptions.of(TODAY, "setup").withFlag("batch", "1041"));
    }

    @Test
    void pending_shows_the_posted_journals_not_sent_from_the_oldest_and_counts_the_unposted() {
        GlIntegration.Pending pending = gl.pending(null, null, TODAY);

        assertThat(pending.oldestNotSent()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(pending.from()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(pending.to()).isEqualTo(TODAY);
        assertThat(pending.journals()).hasSize(6).allSatisfy(j -> assertThat(j.debit()).isEqualByComparingTo(j.credit()));
        assertThat(pending.unpostedTransactions()).as("the iMIS batch is still OPEN").isEqualTo(5);
    }

    @Test
    void a_journal_dated_on_or_before_a_day_already_sent_is_flagged_backdated() {
        List<GlIntegration.PendingJournal> journals = gl.pending(null, null, TODAY).journals();
        long latestPsab = journals.stream().filter(j -> j.entity().equals("PSAB")).reduce((a, b) -> b).orElseThrow().id();

        gl.markSent(List.of(latestPsab), "keyed into Sage by hand", "controller");

        assertThat(gl.pending(null, null, TODAY).journals()).filteredOn(j -> j.entity().equals("PSAB"))
                .isNotEmpty().allSatisfy(j -> assertThat(j.backdated()).isTrue());
        assertThat(gl.pending(null, null, TODAY).journals()).filteredOn(j -> j.entity().equals("BMC"))
                .allSatisfy(j -> assertThat(j.backdated()).isFalse());
    }

    @Test
    void mark_sent_is_audited_with_who_and_why_and_a_second_time_is_refused() {
        long journal = gl.pending(null, null, TODAY).journals().get(0).id();

        assertThat(gl.markSent(List.of(journal), "already in Sage (entered by the bookkeeper)", "controller"))
                .isInstanceOf(GlIntegration.MarkSent.Marked.class);

        assertThat(gl.pending(null, null, TODAY).journals()).extracting(GlIntegration.PendingJournal::id).doesNotContain(journal);
        assertThat(audit.events("journal:" + journal)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("controller");
            assertThat(e.details()).contains("already in Sage");
        });
        assertThat(gl.markSent(List.of(journal), "again", "controller")).isInstanceOfSatisfying(GlIntegration.MarkSent.Refused.class,
                r -> assertThat(r.code()).isEqualTo("ALREADY_SENT"));
        assertThat(gl.markSent(List.of(journal), " ", "controller")).isInstanceOfSatisfying(GlIntegration.MarkSent.Refused.class,
                r -> assertThat(r.code()).isEqualTo("REASON_REQUIRED"));
    }

    @Test
    void a_journal_of_a_batch_not_posted_cannot_be_marked_sent() {
        long unposted = reports.journals(null, null).stream().filter(j -> j.status() == BatchStatus.OPEN).findFirst().orElseThrow().id();

        assertThat(gl.markSent(List.of(unposted), "by hand", "c")).isInstanceOfSatisfying(GlIntegration.MarkSent.Refused.class,
                r -> assertThat(r.code()).isEqualTo("NOT_POSTED"));
    }
}
