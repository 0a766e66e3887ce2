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
        GlIntegration.Summary pending = gl.summary(null, null, TODAY);

        assertThat(pending.oldestNotSent()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(pending.from()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(pending.to()).isEqualTo(TODAY);
        assertThat(journals()).hasSize(6).allSatisfy(j -> assertThat(j.debit()).isEqualByComparingTo(j.credit()));
        assertThat(pending.journals()).isEqualTo(6);
        assertThat(pending.entities()).allSatisfy(e -> assertThat(e.debit()).isEqualByComparingTo(e.credit()))
                .extracting(GlIntegration.EntityPending::journals).containsExactly(1L, 5L);
        assertThat(pending.unpostedTransactions()).as("the iMIS batch is still OPEN").isEqualTo(5);
    }

    @Test
    void a_journal_dated_on_or_before_a_day_already_sent_is_flagged_backdated() {
        List<GlIntegration.PendingJournal> journals = journals();
        long latestPsab = journals.stream().filter(j -> j.entity().equals("PSAB")).reduce((a, b) -> b).orElseThrow().id();

        gl.markSent(List.of(latestPsab), "keyed into Sage by hand", "controller");

        assertThat(journals()).filteredOn(j -> j.entity().equals("PSAB"))
                .isNotEmpty().allSatisfy(j -> assertThat(j.backdated()).isTrue());
        assertThat(journals()).filteredOn(j -> j.entity().equals("BMC"))
                .allSatisfy(j -> assertThat(j.backdated()).isFalse());
    }

    @Test
    void mark_sent_is_audited_with_who_and_why_and_a_second_time_is_refused() {
        long journal = journals().get(0).id();

        assertThat(gl.markSent(List.of(journal), "already in Sage (entered by the bookkeeper)", "controller"))
                .isInstanceOf(GlIntegration.MarkSent.Marked.class);

        assertThat(journals()).extracting(GlIntegration.PendingJournal::id).doesNotContain(journal);
        assertThat(audit.events("journal:" + journal)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("controller");
            assertThat(e.details()).contains("already in Sage");
        });
        assertThat(gl.markSent(List.of(journal), "again", "controller")).isInstanceOfSatisfying(GlIntegration.MarkSent.Refused.class,
                r -> assertThat(r.code()).hasToString("ALREADY_SENT"));
        assertThat(gl.markSent(List.of(journal), " ", "controller")).isInstanceOfSatisfying(GlIntegration.MarkSent.Refused.class,
                r -> assertThat(r.code()).hasToString("REASON_REQUIRED"));
    }

    @Test
    void the_pending_journals_come_a_page_at_a_time_in_date_order_each_once() {
        List<GlIntegration.PendingJournal> all = journals();
        GlIntegration.Summary range = gl.summary(null, null, TODAY);
        List<GlIntegration.PendingJournal> paged = new java.util.ArrayList<>();
        org.ledgerbridge.ledger.Page<GlIntegration.PendingJournal> page = gl.journals(range.from(), range.to(), null, 4);
        paged.addAll(page.items());
        assertThat(page.items()).hasSize(4);
        page = gl.journals(range.from(), range.to(), page.next(), 4);
        paged.addAll(page.items());

        assertThat(page.more()).isFalse();
        assertThat(paged).isEqualTo(all);
        assertThat(paged).isSortedAccordingTo(java.util.Comparator.comparing(GlIntegration.PendingJournal::date)
                .thenComparing(GlIntegration.PendingJournal::id));
    }

    @Test
    void a_whole_range_is_marked_as_sent_in_one_step_and_audited_per_journal() {
        GlIntegration.Summary range = gl.summary(null, null, TODAY);

        GlIntegration.MarkSent marked = gl.markSentRange(range.from(), range.to(), "history keyed by hand", "controller");

        assertThat(marked).isInstanceOfSatisfying(GlIntegration.MarkSent.Marked.class, m -> assertThat(m.journals()).hasSize(6));
        assertThat(journals()).isEmpty();
        assertThat(gl.summary(null, null, TODAY).oldestNotSent()).isNull();
        assertThat(audit.page("journal:" + ((GlIntegration.MarkSent.Marked) marked).journals().get(0), null, 10).items())
                .singleElement().satisfies(e -> assertThat(e.details()).contains("history keyed by hand"));
        assertThat(gl.markSentRange(range.from(), range.to(), "", "c")).isInstanceOf(GlIntegration.MarkSent.Refused.class);
    }

    private List<GlIntegration.PendingJournal> journals() {
        GlIntegration.Summary range = gl.summary(null, null, TODAY);
        return gl.journals(range.from(), range.to(), null, org.ledgerbridge.ledger.Page.MAX_LIMIT).items();
    }

    @Test
    void a_journal_of_a_batch_not_posted_cannot_be_marked_sent() {
        long unposted = reports.journals(null, null).stream().filter(j -> j.status() == BatchStatus.OPEN).findFirst().orElseThrow().id();

        assertThat(gl.markSent(List.of(unposted), "by hand", "c")).isInstanceOfSatisfying(GlIntegration.MarkSent.Refused.class,
                r -> assertThat(r.code()).hasToString("NOT_POSTED"));
    }
}
