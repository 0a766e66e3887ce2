package org.ledgerbridge.delivery;

import org.ledgerbridge.delivery.internal.ExportZip;
import org.ledgerbridge.ledger.AuditLog;
import org.ledgerbridge.ledger.LedgerSetup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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
                ExportRun run = new ExportRun(setup, format, summarize, from, to, depositSummary);
                String digest;
                try (ExportZip out = new ExportZip(temporary)) {
                    run.write(dataSource, jdbc, out.files(), entity, again, ids -> markExported(ids, again));
                    if (run.refusal != null) {
                        tx.setRollbackOnly();
                        return run.refusal;
                    }
                    out.manifest(run.manifest);
                    out.close();
                    digest = out.sha256Hex();
                }
                ExportZip.forceToDisk(temporary); // on disk before the transaction that marks its journals exported commits
                LOG.debug("export: {} journals read, marked exported and written in {} ms", run.journals.size(),
                        (System.nanoTime() - started) / 1_000_000);
                jdbc.sql("""
                                INSERT INTO gl_export (actor, format, date_from, date_to, entity_code, summarize, again, journals, lines,
                                                       file_name, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(actor, format.name(), from, to, entity, summarize.name(), again, run.journals.size(), run.totalLines,
                                zip.toAbsolutePath().toString(), digest).update();
                audit.record(actor, "gl.exported", "export:" + zip.getFileName(), Map.of("format", format.name(),
                        "journals", run.journals.size(), "again", again, "from", from.toString(), "to", to.toString()));
                return new GlExport.Exported(zip, run.journals.size(), run.totalLines, again, run.manifest);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + zip + ": " + e.getMessage(), e);
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
                Optional<Long> recorded = exportRecordedAs(name, ExportZip.sha256Hex(zip));
                return Optional.of(new GlExport.Refused(recorded.isPresent() ? GlRule.ALREADY_EXPORTED : GlRule.OUTPUT_EXISTS, recorded
                        .map(id -> zip + " is export #" + id + ", already delivered; nothing written")
                        .orElse(zip + " exists; an export never overwrites a file: choose another name")));
            }
            if (Files.exists(temporary)) {
                Optional<Long> recorded = exportRecordedAs(name, ExportZip.sha256Hex(temporary));
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

    /**
     * Exactly the journals written, marked in one statement, in id order (the index grows at its
     * right end). A first export only inserts: a journal another run exported after this one read it
     * is a duplicate key, and this run fails as a whole rather than send it twice; {@code --again}
     * updates the date of the earlier export.
     */
    private void markExported(List<ExportRun.WrittenJournal> journals, boolean again) {
        long started = System.nanoTime();
        List<ExportRun.WrittenJournal> inIdOrder = journals.stream().sorted(Comparator.comparingLong(ExportRun.WrittenJournal::id)).toList();
        try {
            jdbc.sql("INSERT INTO journal_export (entity_code, journal_id, exported_at) SELECT e, id, now() FROM unnest(?::text[], ?::bigint[]) AS t(e, id)"
                            + (again ? " ON CONFLICT ON CONSTRAINT journal_export_pkey DO UPDATE SET exported_at = excluded.exported_at" : ""))
                    .params(inIdOrder.stream().map(ExportRun.WrittenJournal::entity).toArray(String[]::new),
                            inIdOrder.stream().map(ExportRun.WrittenJournal::id).toArray(Long[]::new))
                    .update();
        } catch (org.springframework.jdbc.UncategorizedSQLException e) {
            // a Citus cluster passes on a duplicate key met while it copies the rows to a worker without its SQL state
            if (e.getSQLException() != null && String.valueOf(e.getSQLException().getMessage())
                    .contains("duplicate key value violates unique constraint \"journal_export_pkey")) {
                throw new org.springframework.dao.DuplicateKeyException("a journal was exported meanwhile", e);
            }
            throw e;
        }
        LOG.debug("export: {} journals marked in {} ms", journals.size(), (System.nanoTime() - started) / 1_000_000);
    }
}
