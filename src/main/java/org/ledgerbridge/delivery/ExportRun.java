package org.ledgerbridge.delivery;

import org.ledgerbridge.delivery.internal.ExportedJournals;
import org.ledgerbridge.ledger.Account;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.LedgerSetup;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One export's journals, read in order and written into the GL files: each as it is, summed, or
 * into its day's or month's summary, a DEPOSIT batch's journals into deposit entries when asked.
 * The files are written by a second thread while the next rows are read, so the two cores overlap.
 */
final class ExportRun {

    private static final int BUNDLE = 512;

    private final GlFormat format;
    private final Summarize summarize;
    private final LocalDate from;
    private final LocalDate to;
    private final Map<String, String> baseCurrencies;
    private final Map<String, List<GlFormat.ChartAccount>> charts = new HashMap<>();
    private final Map<String, Map<String, GlJournal.AccountKind>> kinds = new HashMap<>(); // entity -> account -> kind
    private final DepositEntries deposits;

    /** The journals written, by entity and id: the ones marked exported. */
    final List<WrittenJournal> journals = new ArrayList<>();
    final List<GlExport.ManifestEntry> manifest = new ArrayList<>();
    long totalLines;
    volatile GlExport.Refused refusal;

    private GlFiles files;
    private String depositDay;
    private String groupKey;
    private JournalSummary summary;

    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gl-export-writer");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore queued = new Semaphore(16);
    private List<GlJournal> bundle = new ArrayList<>(BUNDLE);
    private volatile RuntimeException writeFailure;

    ExportRun(LedgerSetup setup, GlFormat format, Summarize summarize, LocalDate from, LocalDate to, boolean depositSummary) {
        this.deposits = depositSummary ? new DepositEntries(setup.paymentMethods().stream()
                .map(m -> m.entity() + "/" + m.cashAccount()).collect(Collectors.toSet())) : null;
        this.format = format;
        this.summarize = summarize;
        this.from = from;
        this.to = to;
        this.baseCurrencies = setup.entities().values().stream()
                .collect(Collectors.toMap(FinancialEntity::code, FinancialEntity::baseCurrency));
        for (Account account : setup.accounts()) {
            GlJournal.AccountKind kind = GlJournal.AccountKind.of(account.type());
            kinds.computeIfAbsent(account.entity(), e -> new HashMap<>()).put(account.code(), kind);
            charts.computeIfAbsent(account.entity(), e -> new ArrayList<>()).add(new GlFormat.ChartAccount(account.code(), account.name(), kind));
        }
    }

    record WrittenJournal(String entity, long id) {
    }

    /**
     * Reads and writes every journal into {@code sink}, and has them marked exported while the writer
     * finishes the last files (the connection is free then; the transaction commits only after the ZIP
     * is on disk, and a failure rolls the marks back).
     */
    void write(DataSource dataSource, JdbcClient jdbc, GlFiles.Sink sink, String entity, boolean again, Consumer<List<WrittenJournal>> markExported) {
        this.files = new GlFiles(format, sink, (fileEntity, part, capped) -> fileEntity + "_" + from + "_" + to
                + (part > 1 || capped ? "_" + part : "") + "." + format.extension(), e -> charts.getOrDefault(e, List.of()));
        ExportedJournals.read(dataSource, jdbc, from, to, again, entity, baseCurrencies, kinds, read -> {
            if (refusal != null || writeFailure != null) {
                return false;
            }
            journals.add(new WrittenJournal(read.journal().entity(), read.id()));
            take(read.journal(), read.deposit());
            return true;
        });
        flushDeposits();
        flushSummary();
        handOver();
        try {
            if (refusal == null && writeFailure == null) {
                markExported.accept(journals);
            }
        } finally {
            awaitWriter(); // never leave the writer running on a ZIP about to be closed
        }
        manifest.addAll(files.finish());
        totalLines = files.totalLines();
    }

    /** A journal read in full goes out as it is, summed, or into the day's or month's summary. */
    private void take(GlJournal journal, boolean deposit) {
        if (deposits != null) {
            String day = journal.entity() + "/" + journal.date();
            if (!day.equals(depositDay)) {
                flushDeposits(); // a day's deposit entries go out before the next day's journals
                depositDay = day;
            }
            if (deposit) {
                deposits.add(journal);
                return;
            }
        }
        route(journal);
    }

    private void flushDeposits() {
        if (deposits != null) {
            deposits.drain().forEach(this::route);
        }
    }

    private void route(GlJournal journal) {
        switch (summarize) {
            case DETAIL -> emit(journal);
            case JOURNAL -> emit(JournalSummary.of(journal).toJournal(journal.date(), journal.reference(), journal.description(), journal.batch()));
            case DAY, MONTH -> {
                LocalDate date = summarize == Summarize.DAY ? journal.date() : journal.date().withDayOfMonth(journal.date().lengthOfMonth());
                String key = journal.entity() + "/" + date;
                if (!key.equals(groupKey)) {
                    flushSummary();
                    groupKey = key;
                    summary = new JournalSummary(journal.entity(), date, journal.currency());
                }
                summary.add(journal);
            }
        }
    }

    private void flushSummary() {
        if (summary != null) {
            String reference = (summarize == Summarize.DAY ? "DAY-" : "MONTH-") + summary.date;
            emit(summary.toJournal(summary.date, reference, "LedgerBridge summary of " + summary.journals + " journals", null));
            summary = null;
        }
    }

    private void emit(GlJournal journal) {
        bundle.add(journal);
        if (bundle.size() == BUNDLE) {
            handOver();
        }
    }

    private void handOver() {
        List<GlJournal> journals = bundle;
        bundle = new ArrayList<>(BUNDLE);
        queued.acquireUninterruptibly();
        writer.execute(() -> {
            try {
                for (GlJournal journal : journals) {
                    if (refusal != null || writeFailure != null) {
                        break;
                    }
                    files.write(journal).ifPresent(refused -> refusal = refused);
                }
            } catch (RuntimeException e) {
                writeFailure = e;
            } finally {
                queued.release();
            }
        });
    }

    /** Waits until the writer has written every journal handed over. */
    private void awaitWriter() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(1, TimeUnit.HOURS)) {
                throw new IllegalStateException("the export was not written within an hour");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (writeFailure != null) {
            throw writeFailure;
        }
    }
}
