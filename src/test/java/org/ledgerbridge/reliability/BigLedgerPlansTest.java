package org.ledgerbridge.reliability;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ledgerbridge.delivery.GlIntegration;
import org.ledgerbridge.delivery.GlSending;
import org.ledgerbridge.delivery.GlTargets;
import org.ledgerbridge.delivery.GlTarget;
import org.ledgerbridge.demo.VolumeLedger;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.ledger.AuditLog;
import org.ledgerbridge.ledger.BatchCorrections;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchStatus;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.Page;
import org.ledgerbridge.receivables.OpenItem;
import org.ledgerbridge.receivables.OpenItems;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.QueryPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a ledger of 50,000 posted journals (10,000 waiting for the GL, the rest sent or marked as
 * sent) and 12,500 documents, the queries behind every paged screen, API call and command read
 * along an index: PostgreSQL's own plan of each real call (auto_explain, as a notice to this
 * session) has no sequential scan of a big table and no per-row subplan over journals, so a
 * quadratic query fails the build, not a user.
 */
@LedgerTest
@org.springframework.test.context.TestPropertySource(properties = "ledgerbridge.test.ledger=big") // a context (and database) of its own
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BigLedgerPlansTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final Set<String> BIG_TABLES = Set.of("journal", "journal_line", "document", "application", "audit_event",
            "gl_delivery", "payment");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired VolumeLedger volume;
    @Autowired GlIntegration integration;
    @Autowired GlSending sending;
    @Autowired GlTargets glTargets;
    @Autowired BatchService batches;
    @Autowired BatchCorrections corrections;
    @Autowired LedgerReports reports;
    @Autowired org.ledgerbridge.ledger.BatchReadout readout;
    @Autowired org.ledgerbridge.receivables.Aging aging;
    @Autowired OpenItems openItems;
    @Autowired ImportService imports;
    @Autowired AuditLog audit;
    @Autowired org.ledgerbridge.receivables.CreditApplications credits;
    @Autowired JdbcClient jdbc;
    @Autowired org.ledgerbridge.receivables.MigrationMode migrationMode;
    @Autowired PlatformTransactionManager transactions;

    private VolumeLedger.Built built;
    private long smallBatch;

    @BeforeAll
    void a_ledger_of_fifty_thousand_journals() throws IOException {
        Path files = Files.createTempDirectory("big-ledger");
        built = volume.build(50_000, TODAY, files, "setup", step -> {
        });
        smallBatch = aSmallBatchOfOldJournalsKeyedIntoTheGl(files.resolve("small-batch.csv"));
        org.springframework.util.FileSystemUtils.deleteRecursively(files);
        jdbc.sql("ANALYZE").update();
    }

    /**
     * 150 journals of two years ago, posted and marked as sent: the volume ledger's own batches hold
     * a fifth of its journals or more, which PostgreSQL rightly reads whole; most batches are small.
     */
    private long aSmallBatchOfOldJournalsKeyedIntoTheGl(Path file) throws IOException {
        LocalDate day = TODAY.minusYears(2);
        org.ledgerbridge.demo.SyntheticFiles.glTransactions(150 * 4, 11, day, 5, file);
        assertThat(imports.run("gl-transactions", file, org.ledgerbridge.imports.ImportOptions.of(TODAY, "setup")).status())
                .isEqualTo(org.ledgerbridge.imports.ImportStatus.COMMITTED);
        List<Long> open = batches.page(List.of(BatchStatus.OPEN), null, 10).items().stream().map(b -> b.id()).toList();
        assertThat(open).hasSize(1);
        assertThat(batches.changeStatus(open, BatchStatus.READY, "setup")).isNotInstanceOf(org.ledgerbridge.ledger.BatchChange.Refused.class);
        assertThat(batches.post(open, "setup")).isNotInstanceOf(org.ledgerbridge.ledger.BatchChange.Refused.class);
        assertThat(integration.markSentRange(day.minusDays(10), day, "keyed into the GL by hand", "setup"))
                .isInstanceOfSatisfying(GlIntegration.MarkSent.Marked.class, marked -> assertThat(marked.journals()).hasSize(150));
        return open.get(0);
    }

    @Test
    void the_volume_ledger_has_its_history_sent_or_marked_and_the_last_month_waiting() {
        assertThat(built.journals()).isEqualTo(50_000);
        assertThat(built.sent() + built.markedSent() + built.waiting()).isEqualTo(50_000);
        assertThat(built.sent()).isGreaterThan(10_000);
        assertThat(built.markedSent()).isGreaterThan(10_000);
        GlIntegration.Summary pending = integration.summary(null, null, TODAY);
        assertThat(pending.journals()).isEqualTo(10_000);
        assertThat(pending.from()).isAfterOrEqualTo(TODAY.minusDays(30));
        assertThat(jdbc.sql("SELECT count(*) FROM document").query(Long.class).single()).isEqualTo(12_500);
    }

    @Test
    void leaving_migration_mode_looks_up_the_unreleased_documents_along_their_own_index() {
        assertThat(migrationMode.set(org.ledgerbridge.receivables.NewDocument.Module.AR, false, "t"))
                .as("a tenth of the generated documents are on hold").isPresent();

        assertUsesIndexes(() -> migrationMode.set(org.ledgerbridge.receivables.NewDocument.Module.AR, false, "t"));
    }

    @Test
    void the_pending_summary_and_pages_read_along_indexes_with_no_subplan_over_journals() {
        GlIntegration.Summary range = integration.summary(null, null, TODAY);
        Page<GlIntegration.PendingJournal> first = integration.journals(range.from(), range.to(), null, 100);

        assertUsesIndexes(() -> integration.journals(range.from(), range.to(), null, 100));
        assertUsesIndexes(() -> integration.journals(range.from(), range.to(), first.next(), 100));
        assertUsesIndexes(integration::backlog);
        assertUsesIndexes(integration::latestSentPerEntity);
        assertUsesIndexes(() -> integration.chunk(range.from(), range.to(), null, 5_000));
        assertNoSubplanOverJournals(() -> integration.summary(null, null, TODAY));
    }

    @Test
    void the_documents_pages_read_along_the_documents_index() {
        OpenItems.Filter open = new OpenItems.Filter(null, null, null, false);
        Page<OpenItem> first = openItems.page(open, null, 100);

        assertUsesIndexes(() -> openItems.page(open, null, 100));
        assertUsesIndexes(() -> openItems.page(open, first.next(), 100));
        assertUsesIndexes(() -> openItems.page(new OpenItems.Filter(null, first.items().get(0).partyId(), null, true), null, 100));
        assertUsesIndexes(() -> openItems.page(new OpenItems.Filter(null, null, "MIG-00001", true), null, 100));
        OpenItem document = first.items().get(0);
        assertUsesIndexes(() -> reports.journalsOfDocument(document.entity(), document.number()));
        assertUsesIndexes(() -> openItems.applications(document.entity(), document.module(), document.number()));
        var ar = org.ledgerbridge.receivables.NewDocument.Module.AR;
        Page<org.ledgerbridge.receivables.Aging.Line> aged = aging.page(ar, TODAY, null, null, 100);
        assertThat(aged.more()).isTrue();
        assertUsesIndexes(() -> aging.page(ar, TODAY, null, null, 100));
        assertUsesIndexes(() -> aging.page(ar, TODAY, null, aged.next(), 100));
        assertUsesIndexes(() -> aging.page(ar, TODAY, "PSAB", null, 100));
    }

    @Test
    void a_batchs_journals_the_batch_list_the_journals_report_imports_and_audit_pages_read_along_indexes() {
        long history = batches.page(List.of(BatchStatus.POSTED), null, 10).items().get(0).id();
        Page<?> firstOfBatch = reports.journalsOfBatch(history, null, 100);

        assertUsesIndexes(() -> reports.journalsOfBatch(history, null, 100));
        assertUsesIndexes(() -> reports.journalsOfBatch(history, firstOfBatch.next(), 100));
        assertUsesIndexes(() -> readout.detail(history));
        assertUsesIndexes(() -> batches.page(null, null, 100));
        assertUsesIndexes(reports::entityTotals);
        assertUsesIndexes(() -> reports.trialBalance(null, true));
        assertUsesIndexes(() -> reports.journals(TODAY.minusDays(10), TODAY, null, null, 100));
        assertUsesIndexes(() -> reports.journals(null, null, "PSAB", null, 100));
        assertUsesIndexes(() -> imports.runs(null, 50));
        assertUsesIndexes(() -> audit.page(null, null, 100));
        assertUsesIndexes(() -> audit.page("journal:" + firstOfBatch.items().size(), null, 100));
    }

    @Test
    void preparing_a_reversal_and_planning_credit_applications_read_along_indexes() {
        long posted = smallBatch;

        // this volume ledger holds no payments (an empty table is scanned): the payments' own plans are checked in DepositJournalsTest
        assertUsesIndexes(() -> assertThat(corrections.reverse(List.of(posted), "plan check", null, "t"))
                .isInstanceOf(org.ledgerbridge.ledger.BatchChange.Reversing.class), true, Set.of("payment"));
        long open = batches.open(org.ledgerbridge.ledger.BatchType.AUTO, "t").id();
        assertUsesIndexes(() -> assertThat(readout.detail(open)).isPresent()); // a batch not posted yet: its totals summed from its lines
        assertUsesIndexes(() -> credits.applyAll(null, null, TODAY, true, "t"), true, Set.of());
        assertUsesIndexes(() -> credits.applyAll("M-000001", "PSAB", TODAY, true, "t"), true, Set.of());
    }

    @Test
    void pages_follow_one_another_without_gap_or_repeat() {
        GlIntegration.Summary range = integration.summary(null, null, TODAY);
        Set<Long> seen = new HashSet<>();
        long pages = 0;
        String cursor = null;
        do {
            Page<GlIntegration.PendingJournal> page = integration.journals(range.from(), range.to(), cursor, Page.MAX_LIMIT);
            page.items().forEach(j -> assertThat(seen.add(j.id())).as("journal %d on two pages", j.id()).isTrue());
            cursor = page.next();
            pages++;
        } while (cursor != null);

        assertThat(seen).hasSize(10_000);
        assertThat(pages).isEqualTo(10);
        List<String> documents = new ArrayList<>();
        cursor = null;
        do {
            Page<OpenItem> page = openItems.page(new OpenItems.Filter(null, null, null, true), cursor, Page.MAX_LIMIT);
            page.items().forEach(d -> documents.add(d.entity() + "/" + d.module() + "/" + d.number()));
            cursor = page.next();
        } while (cursor != null);
        assertThat(documents).hasSize(12_500).doesNotHaveDuplicates();
    }

    @Test
    void sending_a_whole_range_sends_each_journal_once_in_chunks() throws IOException {
        Path folder = Files.createTempDirectory("big-ledger-sent");
        GlTarget target = glTargets.target(VolumeLedger.TARGET).orElseThrow();
        glTargets.addTarget("plans-files", GlTarget.Type.file, "sage300", folder.toString(), null, "setup");
        jdbc.sql("INSERT INTO gl_account (target, entity_code, account, active) SELECT 'plans-files', entity_code, account, active "
                + "FROM gl_account WHERE target = ?").param(target.name()).update();
        LocalDate from = TODAY.minusDays(10);
        GlIntegration.Summary range = integration.summary(from, TODAY, TODAY);
        List<Long> progress = new ArrayList<>();

        GlSending.Sending sent = sending.sendRange(range, glTargets.target("plans-files").orElseThrow(), "approver",
                (done, total) -> progress.add(done));

        assertThat(sent).isInstanceOfSatisfying(GlSending.RangeSent.class, s -> assertThat(s.sent()).isEqualTo(range.journals()));
        assertThat(progress).isSorted().last().isEqualTo(range.journals());
        assertThat(integration.summary(from, TODAY, TODAY).journals()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM gl_delivery WHERE target = 'plans-files'").query(Long.class).single())
                .isEqualTo(range.journals());
        assertThat(sending.sendRange(integration.summary(from, TODAY, TODAY), glTargets.target("plans-files").orElseThrow(), "approver",
                GlSending.Progress.NONE)).isInstanceOfSatisfying(GlSending.RangeSent.class, s -> assertThat(s.sent()).isZero());
        org.springframework.util.FileSystemUtils.deleteRecursively(folder);
    }

    // ------------------------------------------------------------------ plans

    private QueryPlans plans() {
        return new QueryPlans(jdbc, transactions, BIG_TABLES);
    }

    private void assertUsesIndexes(Runnable call) {
        plans().assertUsesIndexes(call);
    }

    private void assertUsesIndexes(Runnable call, boolean undone, Set<String> scannable) {
        plans().assertUsesIndexes(call, undone, scannable);
    }

    private void assertNoSubplanOverJournals(Runnable call) {
        plans().assertNoSubplanOverJournals(call);
    }
}
