package org.ledgerbridge.delivery;

import org.ledgerbridge.ledger.Account;
import org.ledgerbridge.ledger.AuditLog;
import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.storage.CopyReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * `export gl`: the journals of POSTED batches dated in the range and not exported before, one
 * file per financial entity (more when the format caps the lines per file) and a manifest, in one
 * ZIP. The journals are marked exported in the transaction that records the export; the ZIP is
 * written beside its final name, forced to disk, and moved into place once that transaction has
 * committed, never half-written; a ZIP already at the name is never overwritten.
 */
@Service
public class GlExportService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GlExportService.class);

    private final Map<String, GlFormat> formats;
    private final JdbcClient jdbc;
    private final LedgerSetup setup;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final DataSource dataSource;

    public GlExportService(JdbcClient jdbc, DataSource dataSource, LedgerSetup setup, AuditLog audit,
                           PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.formats = org.ledgerbridge.delivery.GlFormats.all().stream().collect(Collectors.toMap(GlFormat::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.jdbc = jdbc;
        this.setup = setup;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        // what is marked exported is exactly what was read: both statements see one snapshot
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public List<String> formats() {
        return List.copyOf(formats.keySet());
    }

    public GlExport export(LocalDate from, LocalDate to, String formatName, String entity, boolean again, Summarize summarize,
                           Path zip, String actor) {
        return export(from, to, formatName, entity, again, summarize, false, zip, actor);
    }

    /** @param depositSummary write each DEPOSIT batch as one deposit entry per entity and day ({@link DepositEntries}) */
    public GlExport export(LocalDate from, LocalDate to, String formatName, String entity, boolean again, Summarize summarize,
                           boolean depositSummary, Path zip, String actor) {
        GlFormat format = formats.get(formatName);
        if (format == null) {
            return new GlExport.Refused(GlRule.UNKNOWN_FORMAT, "no format '" + formatName + "'; one of " + String.join(", ", formats.keySet()));
        }
        if (to.isBefore(from)) {
            return new GlExport.Refused(GlRule.INVALID_RANGE, "the range ends on " + to + ", before it starts on " + from);
        }
        Path temporary = zip.resolveSibling(zip.getFileName() + ".part");
        Optional<GlExport> settled = settleEarlierRun(zip, temporary);
        if (settled.isPresent()) {
            return settled.get();
        }
        long started = System.nanoTime();
        GlExport result;
        try {
            result = writeAndRecord(from, to, format, entity, again, summarize, depositSummary, zip, temporary, actor, started);
        } catch (org.springframework.dao.DuplicateKeyException | org.springframework.dao.ConcurrencyFailureException meanwhile) {
            // another export marked some of these journals after this one read them: neither sends them twice
            result = new GlExport.Refused(GlRule.EXPORTED_MEANWHILE, "another export took some of these journals while this one ran;"
                    + " nothing written: run it again for the journals left");
        }
        try {
            if (result instanceof GlExport.Exported) {
                // after the commit: a crash before this line leaves a complete .part that the next run moves into place
                Files.move(temporary, zip, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the export is recorded but " + temporary + " could not be renamed to " + zip
                    + "; rename it by hand: " + e.getMessage(), e);
        }
        return result;
    }

    /** Writes the ZIP beside its name and records the export, in one transaction. */
    private GlExport writeAndRecord(LocalDate from, LocalDate to, GlFormat format, String entity, boolean again, Summarize summarize,
                                    boolean depositSummary, Path zip, Path temporary, String actor, long started) {
        return transaction.execute(tx -> {
            try {
                Files.createDirectories(zip.toAbsolutePath().getParent());
                Run run = new Run(format, summarize, from, to, depositSummary);
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                // deflate hands over 512 bytes at a time: buffered, the file and the digest see large writes
                try (OutputStream file = new java.io.BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(temporary), sha),
                        1 << 20);
                     ZipOutputStream out = new ZipOutputStream(file)) {
                    out.setLevel(java.util.zip.Deflater.BEST_SPEED); // the files are text: fast deflate still shrinks them five-fold
                    run.write(out, entity, again);
                    if (run.refusal != null) {
                        tx.setRollbackOnly();
                        return run.refusal;
                    }
                    run.manifest(out);
                }
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    channel.force(true); // on disk before the transaction that marks its journals exported commits
                }
                LOG.debug("export: {} journals read, marked exported and written in {} ms", run.journalIds.size(),
                        (System.nanoTime() - started) / 1_000_000);
                String digest = HexFormat.of().formatHex(sha.digest());
                jdbc.sql("""
                                INSERT INTO gl_export (actor, format, date_from, date_to, entity_code, summarize, again, journals, lines,
                                                       file_name, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(actor, format.name(), from, to, entity, summarize.name(), again, run.journalIds.size(), run.totalLines,
                                zip.toAbsolutePath().toString(), digest).update();
                audit.record(actor, "gl.exported", "export:" + zip.getFileName(), Map.of("format", format.name(),
                        "journals", run.journalIds.size(), "again", again, "from", from.toString(), "to", to.toString()));
                return new GlExport.Exported(zip, run.journalIds.size(), run.totalLines, again, run.manifest);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + zip + ": " + e.getMessage(), e);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * What an earlier run left at this name, after a crash or not: a ZIP already delivered is never
     * overwritten; a complete .part whose export was committed is moved into place (the crash came
     * between the commit and the rename); any other .part is a run that never committed, and goes.
     */
    private Optional<GlExport> settleEarlierRun(Path zip, Path temporary) {
        String name = zip.toAbsolutePath().toString();
        try {
            for (Path path : List.of(zip, temporary)) {
                if (Files.exists(path) && !Files.isRegularFile(path)) {
                    // a device or a pipe would be read for ever as an earlier export: refused before anything is read
                    return Optional.of(new GlExport.Refused(GlRule.OUTPUT_NOT_A_FILE, path + " is not a file (a folder, a device or a"
                            + " pipe); an export is written to a new file: choose another name"));
                }
            }
            if (Files.exists(zip)) {
                Optional<Long> recorded = exportRecordedAs(name, sha256(zip));
                return Optional.of(new GlExport.Refused(recorded.isPresent() ? GlRule.ALREADY_EXPORTED : GlRule.OUTPUT_EXISTS, recorded
                        .map(id -> zip + " is export #" + id + ", already delivered; nothing written")
                        .orElse(zip + " exists; an export never overwrites a file: choose another name")));
            }
            if (Files.exists(temporary)) {
                Optional<Long> recorded = exportRecordedAs(name, sha256(temporary));
                if (recorded.isPresent()) {
                    Files.move(temporary, zip, StandardCopyOption.ATOMIC_MOVE);
                    LOG.info("export #{}: {} completed after an interrupted run", recorded.get(), zip);
                    return Optional.of(new GlExport.Refused(GlRule.ALREADY_EXPORTED, zip + " is export #" + recorded.get()
                            + ", committed by a run that stopped before renaming it; it is now in place"));
                }
                Files.delete(temporary);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + zip + ": " + e.getMessage(), e);
        }
    }

    private Optional<Long> exportRecordedAs(String fileName, String sha256) {
        return jdbc.sql("SELECT id FROM gl_export WHERE file_name = ? AND sha256 = ? ORDER BY id DESC LIMIT 1")
                .params(fileName, sha256).query(Long.class).optional();
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Exactly the journals written: their ids, appended in one statement, in id order (the index
     * grows at its right end). A first export inserts only: none of them was exported in this
     * transaction's snapshot, so a journal exported meanwhile by another run fails this one rather
     * than going out twice; {@code --again} updates the date of the earlier export.
     */
    private void markExported(List<Long> ids, boolean again) {
        jdbc.sql("INSERT INTO journal_export (journal_id, exported_at) SELECT id, now() FROM unnest(?::bigint[]) AS t(id)"
                        + (again ? " ON CONFLICT (journal_id) DO UPDATE SET exported_at = excluded.exported_at" : ""))
                .param(ids.stream().sorted().toArray(Long[]::new)).update();
    }

    /** One export: reads the journals in order and writes each entity's files. */
    private final class Run {
        private final GlFormat format;
        private final Summarize summarize;
        private final LocalDate from;
        private final LocalDate to;
        private final Map<String, FinancialEntity> entities = setup.entities();
        private final Map<String, List<GlFormat.ChartAccount>> charts = new HashMap<>();
        private final Map<String, Map<String, GlJournal.AccountKind>> kinds = new HashMap<>(); // entity -> account -> kind
        private final List<Long> journalIds = new ArrayList<>();
        private final List<GlExport.ManifestEntry> manifest = new ArrayList<>();
        private long totalLines;
        private volatile GlExport.Refused refusal;

        private GlFiles files;

        // the journal being read, and the summary being built
        private long currentId = -1;
        private boolean currentIsDeposit;
        private Map<String, GlJournal.AccountKind> currentKinds = Map.of();
        private GlJournal.Builder current;
        private String groupKey;
        private Summary summary;

        private final DepositEntries deposits;
        private String depositDay;

        Run(GlFormat format, Summarize summarize, LocalDate from, LocalDate to, boolean depositSummary) {
            this.deposits = depositSummary ? new DepositEntries(setup.paymentMethods().stream()
                    .map(m -> m.entity() + "/" + m.cashAccount()).collect(Collectors.toSet())) : null;
            this.format = format;
            this.summarize = summarize;
            this.from = from;
            this.to = to;
            for (Account account : setup.accounts()) {
                GlJournal.AccountKind kind = GlJournal.AccountKind.of(account.type());
                kinds.computeIfAbsent(account.entity(), e -> new HashMap<>()).put(account.code(), kind);
                charts.computeIfAbsent(account.entity(), e -> new ArrayList<>())
                        .add(new GlFormat.ChartAccount(account.code(), account.name(), kind));
            }
        }

        void write(ZipOutputStream zip, String entity, boolean again) {
            // journals in the index's order and their lines by primary key: the first rows arrive at once and the
            // files are written while the rest are read, instead of waiting for a sort of a million rows
            jdbc.sql("SET LOCAL enable_sort = off").update();
            jdbc.sql("SET LOCAL enable_hashjoin = off").update();
            jdbc.sql("SET LOCAL enable_mergejoin = off").update();
            this.files = new GlFiles(format, new GlFiles.Sink() {
                @Override
                public Writer open(String fileName) throws IOException {
                    zip.putNextEntry(new ZipEntry(fileName));
                    return new java.io.BufferedWriter(new OutputStreamWriter(new FilterOutputStream(zip) {
                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            out.write(b, off, len);
                        }

                        @Override
                        public void close() {
                            // the ZIP stays open for the next entry
                        }
                    }, StandardCharsets.UTF_8), 1 << 16);
                }

                @Override
                public void close(String fileName, Writer writer) throws IOException {
                    writer.flush();
                    zip.closeEntry();
                }
            }, (fileEntity, part, capped) -> fileEntity + "_" + from + "_" + to + (part > 1 || capped ? "_" + part : "") + "."
                    + format.extension(), e -> charts.getOrDefault(e, List.of()));
            // COPY, not a cursor: the server streams the rows while they are turned into files here
            CopyReader.read(dataSource, """
                            SELECT j.id, j.entity_code,
                                   -- the journal's own fields once, on its first line: a million rows decode half the values
                                   CASE WHEN l.line_no = 1 THEN j.journal_date END, CASE WHEN l.line_no = 1 THEN j.source END,
                                   CASE WHEN l.line_no = 1 THEN j.description END, CASE WHEN l.line_no = 1 THEN b.name END,
                                   l.account_code, l.base_debit, l.base_credit, l.description AS line_description, l.party_id,
                                   l.document_number, CASE WHEN l.line_no = 1 THEN b.batch_type END, l.payment_count, l.tax_code
                              FROM journal j
                              JOIN batch b ON b.id = j.batch_id
                              JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id
                             WHERE b.status = 'POSTED' AND j.journal_date BETWEEN CAST(? AS date) AND CAST(? AS date)
                               AND (CAST(? AS boolean) OR NOT EXISTS (SELECT 1 FROM journal_export x WHERE x.journal_id = j.id))
                               AND (? = '' OR j.entity_code = ?)
                             ORDER BY j.entity_code, j.journal_date, j.id, l.line_no""",
                    row -> {
                        if (refusal != null || writeFailure != null) {
                            return false;
                        }
                        long id = row.longValue(1);
                        if (id != currentId) {
                            finishJournal();
                            currentId = id;
                            journalIds.add(id);
                            String entityCode = row.text(2);
                            String description = row.text(5);
                            current = new GlJournal.Builder(entityCode, row.date(3), "LB-" + id,
                                    description != null ? description : row.text(4), row.text(6),
                                    entities.get(entityCode).baseCurrency());
                            currentIsDeposit = "DEPOSIT".equals(row.text(13));
                            currentKinds = kinds.getOrDefault(entityCode, Map.of());
                        }
                        String account = row.text(7);
                        String currency = current.currency;
                        current.lines.add(new GlJournal.Line(account, currentKinds.get(account),
                                Currencies.atScale(row.decimal(8), currency), Currencies.atScale(row.decimal(9), currency),
                                row.text(10), row.text(11), row.text(12), row.isNull(14) ? null : (int) row.longValue(14), row.text(15)));
                        return true;
                    }, from, to, again, entity, entity);
            // back to the planner's own choices for the rest of the transaction (the marking must not run as nested loops)
            jdbc.sql("RESET enable_sort").update();
            jdbc.sql("RESET enable_hashjoin").update();
            jdbc.sql("RESET enable_mergejoin").update();
            finishJournal();
            flushDeposits();
            flushSummary();
            handOver();
            // the connection is free while the writer finishes the last files: mark the journals meanwhile (the
            // transaction commits only after the ZIP is on disk, and a failure rolls the marks back)
            try {
                if (refusal == null && writeFailure == null) {
                    markExported(journalIds, again);
                }
            } finally {
                awaitWriter(); // never leave the writer running on a ZIP about to be closed
            }
            manifest.addAll(files.finish());
            totalLines = files.totalLines();
        }

        /** A journal read in full goes out as it is, summed, or into the day's or month's summary. */
        private void finishJournal() {
            if (current == null) {
                return;
            }
            GlJournal journal = current.build();
            current = null;
            if (deposits != null) {
                String day = journal.entity() + "/" + journal.date();
                if (!day.equals(depositDay)) {
                    flushDeposits(); // a day's deposit entries go out before the next day's journals
                    depositDay = day;
                }
                if (currentIsDeposit) {
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
                case JOURNAL -> emit(Summary.of(journal).toJournal(journal.date(), journal.reference(), journal.description(), journal.batch()));
                case DAY, MONTH -> {
                    LocalDate date = summarize == Summarize.DAY ? journal.date() : journal.date().withDayOfMonth(journal.date().lengthOfMonth());
                    String key = journal.entity() + "/" + date;
                    if (!key.equals(groupKey)) {
                        flushSummary();
                        groupKey = key;
                        summary = new Summary(journal.entity(), date, journal.currency());
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

        // the files are written by a second thread while the next rows are read: the two cores overlap
        private static final int BUNDLE = 512;
        private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gl-export-writer");
            t.setDaemon(true);
            return t;
        });
        private final java.util.concurrent.Semaphore queued = new java.util.concurrent.Semaphore(16);
        private List<GlJournal> bundle = new ArrayList<>(BUNDLE);
        private volatile RuntimeException writeFailure;

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
                if (!writer.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS)) {
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

        void manifest(ZipOutputStream zip) throws IOException {
            zip.putNextEntry(new ZipEntry("manifest.csv"));
            StringBuilder text = new StringBuilder("ENTITY,FILE,JOURNALS,LINES,DEBIT,CREDIT\r\n");
            for (GlExport.ManifestEntry entry : manifest) {
                text.append(String.join(",", entry.entity(), entry.file(), String.valueOf(entry.journals()),
                        String.valueOf(entry.lines()), entry.debit().toPlainString(), entry.credit().toPlainString())).append("\r\n");
            }
            zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    /** Lines summed per account (and tax code: a line's tax code survives the summary): net debit or net credit. */
    private static final class Summary {
        private final String entity;
        private final LocalDate date;
        private final String currency;
        private final Map<String, BigDecimal> net = new LinkedHashMap<>();
        private final Map<String, GlJournal.AccountKind> kinds = new HashMap<>();
        private long journals;

        Summary(String entity, LocalDate date, String currency) {
            this.entity = entity;
            this.date = date;
            this.currency = currency;
        }

        static Summary of(GlJournal journal) {
            Summary summary = new Summary(journal.entity(), journal.date(), journal.currency());
            summary.add(journal);
            return summary;
        }

        void add(GlJournal journal) {
            journals++;
            for (GlJournal.Line line : journal.lines()) {
                String key = line.taxCode() == null ? line.account() : line.account() + "\u0000" + line.taxCode();
                net.merge(key, line.signedAmount(), BigDecimal::add);
                kinds.put(line.account(), line.kind());
            }
        }

        GlJournal toJournal(LocalDate on, String reference, String description, String batch) {
            List<GlJournal.Line> lines = new ArrayList<>();
            net.forEach((key, amount) -> {
                if (amount.signum() != 0) {
                    int split = key.indexOf('\u0000');
                    String account = split < 0 ? key : key.substring(0, split);
                    lines.add(new GlJournal.Line(account, kinds.get(account), amount.max(BigDecimal.ZERO).setScale(amount.scale()),
                            amount.negate().max(BigDecimal.ZERO).setScale(amount.scale()), null, null, null, null,
                            split < 0 ? null : key.substring(split + 1)));
                }
            });
            return new GlJournal(entity, on, reference, description, batch, currency, lines);
        }
    }
}
