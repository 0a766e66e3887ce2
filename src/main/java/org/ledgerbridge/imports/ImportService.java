package org.ledgerbridge.imports;

import org.ledgerbridge.ledger.ErrorCode;

import org.ledgerbridge.imports.internal.FileFacts;
import org.ledgerbridge.ledger.AuditLog;
import org.ledgerbridge.ledger.PostingRefusedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The import pipeline shared by every kind: identify the file, read it as a stream, match its
 * header, validate every row (all errors in one pass), and commit all or nothing in one
 * transaction. The same bytes commit once per kind.
 */
@Service
public class ImportService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImportService.class);
    private static final int STORED_ERRORS = 1000;

    private final Map<String, ImportKind<?>> kinds;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditLog audit;

    public ImportService(List<ImportKind<?>> kinds, JdbcClient jdbc, PlatformTransactionManager transactions, AuditLog audit) {
        this.kinds = kinds.stream().collect(Collectors.toMap(ImportKind::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.audit = audit;
    }

    public List<String> kinds() {
        return List.copyOf(kinds.keySet());
    }

    public Optional<ImportKind<?>> kind(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    /** An import as its run record keeps it (committed or rejected; dry runs leave none). */
    public record ImportRun(long id, String kind, String fileName, String variant, String actor, OffsetDateTime startedAt,
                            OffsetDateTime finishedAt, String status, long rows, long accepted, int errors, String summary) {
    }

    /** The latest import runs, newest first. */
    public List<ImportRun> recentRuns(int limit) {
        return runs(null, limit).items();
    }

    /** Import runs, newest first, a page at a time along the primary key. */
    public org.ledgerbridge.ledger.Page<ImportRun> runs(String cursor, int limit) {
        long before = org.ledgerbridge.ledger.Page.decodeId(cursor, Long.MAX_VALUE);
        List<ImportRun> rows = jdbc.sql("""
                        SELECT id, kind, file_name, variant, actor, started_at, finished_at, status, rows, accepted,
                               jsonb_array_length(errors), summary::text
                          FROM import_run WHERE id < ? ORDER BY id DESC LIMIT ?""")
                .params(before, limit + 1)
                .query((rs, n) -> new ImportRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class), rs.getString(8), rs.getLong(9),
                        rs.getLong(10), rs.getInt(11), rs.getString(12)))
                .list();
        return org.ledgerbridge.ledger.Page.of(rows, limit, run -> List.of(run.id()));
    }

    public ImportReport run(String kindName, Path file, ImportOptions options) {
        ImportKind<?> kind = kind(kindName).orElseThrow(() -> new IllegalArgumentException(
                "unknown import kind '" + kindName + "'; one of " + String.join(", ", kinds.keySet())));
        return runKind(kind, file, options);
    }

    private <R> ImportReport runKind(ImportKind<R> kind, Path file, ImportOptions options) {
        OffsetDateTime started = OffsetDateTime.now();
        long startNanos = System.nanoTime();
        String fileName = file.getFileName().toString();
        FileFacts facts;
        try {
            facts = FileFacts.of(file);
        } catch (IOException e) {
            return fileLevel(kind, fileName, "", options, ImportRule.FILE_UNREADABLE, "cannot read " + file + ": " + e.getMessage());
        }
        LOG.debug("{}: {} bytes identified in {} ms", fileName, facts.bytes(), (System.nanoTime() - startNanos) / 1_000_000);
        String variant = kind.variant(options);
        if (alreadyCommitted(kind.name(), facts.sha256(), variant)) {
            return duplicate(kind, fileName, facts, options);
        }
        Run<R> run = new Run<>(kind, fileName, facts, options);
        try {
            ImportReport report = transaction.execute(tx -> {
                long runId = options.dryRun() ? 0 : jdbc.sql("""
                                INSERT INTO import_run (kind, file_name, sha256, variant, actor, started_at, status, rows, accepted)
                                VALUES (?, ?, ?, ?, ?, ?, 'committed', 0, 0) RETURNING id""")
                        .params(kind.name(), fileName, facts.sha256(), variant, options.actor(), started)
                        .query(Long.class).single();
                ImportReport result = run.execute(file, runId);
                if (result.status() != ImportStatus.COMMITTED) {
                    tx.setRollbackOnly();
                    return result;
                }
                jdbc.sql("UPDATE import_run SET rows = ?, accepted = ?, summary = ?::jsonb, finished_at = clock_timestamp() WHERE id = ?")
                        .params(result.rows(), result.accepted(), JSON.writeValueAsString(result.summary()), runId)
                        .update();
                audit.record(options.actor(), "import.committed", "import:" + runId,
                        Map.of("kind", kind.name(), "file", fileName, "sha256", facts.sha256(), "rows", result.rows()));
                return result;
            });
            if (report.status() == ImportStatus.REJECTED) {
                recordRejected(report, options, started);
            }
            if (report.status() == ImportStatus.COMMITTED && report.rows() >= 10_000) {
                // fresh statistics after a bulk load: the next statements plan for the tables as they are now
                jdbc.sql("ANALYZE").update();
            }
            long millis = (System.nanoTime() - startNanos) / 1_000_000;
            LOG.debug("{}: {} {} rows in {} ms", fileName, report.status().label(), report.rows(), millis);
            return report.finished(millis, kind.ledgerRuleCodes());
        } catch (DuplicateKeyException raced) {
            // another import of the same bytes committed first
            return duplicate(kind, fileName, facts, options);
        }
    }

    private boolean alreadyCommitted(String kind, String sha256, String variant) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM import_run WHERE kind = ? AND sha256 = ? AND variant = ? AND status = 'committed')")
                .params(kind, sha256, variant).query(Boolean.class).single();
    }

    private ImportReport duplicate(ImportKind<?> kind, String fileName, FileFacts facts, ImportOptions options) {
        long previous = jdbc.sql("SELECT id FROM import_run WHERE kind = ? AND sha256 = ? AND variant = ? AND status = 'committed'")
                .params(kind.name(), facts.sha256(), kind.variant(options)).query(Long.class).optional().orElse(0L);
        return new ImportReport(kind.name(), fileName, facts.sha256(), options.dryRun(), ImportStatus.DUPLICATE, 0, 0,
                List.of(), List.of(), Map.of("alreadyImportedAs", previous), 0, false);
    }

    private ImportReport fileLevel(ImportKind<?> kind, String fileName, String sha, ImportOptions options, ErrorCode code, String message) {
        return new ImportReport(kind.name(), fileName, sha, options.dryRun(), ImportStatus.REJECTED, 0, 0,
                List.of(new RowProblem(0, null, code, message)), List.of(), Map.of(), 0, false);
    }

    private void recordRejected(ImportReport report, ImportOptions options, OffsetDateTime started) {
        if (options.dryRun()) {
            return;
        }
        List<RowProblem> kept = report.errors().subList(0, Math.min(STORED_ERRORS, report.errors().size()));
        transaction.executeWithoutResult(tx -> jdbc.sql("""
                        INSERT INTO import_run (kind, file_name, sha256, actor, started_at, status, rows, accepted, errors)
                        VALUES (?, ?, ?, ?, ?, 'rejected', ?, 0, ?::jsonb)""")
                .params(report.kind(), report.file(), report.sha256(), options.actor(), started, report.rows(),
                        JSON.writeValueAsString(kept))
                .update());
    }

    /** One pass over one file. */
    private static final class Run<R> {
        private final ImportKind<R> kind;
        private final String fileName;
        private final FileFacts facts;
        private final ImportOptions options;
        private final RowErrors problems = new RowErrors();

        Run(ImportKind<R> kind, String fileName, FileFacts facts, ImportOptions options) {
            this.kind = kind;
            this.fileName = fileName;
            this.facts = facts;
            this.options = options;
        }

        ImportReport execute(Path file, long runId) {
            long accepted = 0;
            Map<String, Object> summary = Map.of();
            try (TabularFile table = TabularFile.open(file, facts, kind.columns(), options.mapping(), problems, options.progress(),
                    options.maxRows())) {
                if (problems.any()) {
                    return report(0, 0, summary);
                }
                ImportKind.Session<R> session = kind.open(options, runId);
                SourceRow row;
                while ((row = table.next()) != null) {
                    R record = session.validate(row, problems);
                    if (record != null && !problems.currentRowHasErrors()) {
                        accepted++;
                        session.accepted(record);
                        if (!problems.any() && !options.dryRun()) {
                            try {
                                session.write(record);
                            } catch (PostingRefusedException refused) {
                                // a posting rule the kind's validation did not foresee: an error of this row, not a crash
                                problems.error(null, refused.refusal().rule(), refused.getMessage());
                            }
                        }
                    }
                }
                if (table.rows() == 0 && !problems.any()) {
                    problems.errorAt(0, null, ImportRule.NO_DATA_ROWS, "the file has a header but no data rows");
                }
                session.endOfFile(problems);
                if (problems.any()) {
                    return report(table.rows(), 0, summary);
                }
                if (options.dryRun()) {
                    Map<String, Object> preview = session.preview();
                    return report(table.rows(), accepted, preview.isEmpty() ? Map.of("rowsToAdd", accepted) : preview);
                }
                try {
                    summary = session.commit();
                } catch (PostingRefusedException refused) {
                    problems.errorAt(0, null, refused.refusal().rule(), refused.getMessage());
                    return report(table.rows(), 0, Map.of());
                }
                return report(table.rows(), accepted, summary);
            } catch (java.nio.charset.CharacterCodingException e) {
                problems.errorAt(0, null, ImportRule.INVALID_ENCODING, fileName + " holds bytes that are no character in UTF-8 nor in "
                        + "Windows-1252: it is not a text CSV file (or it was damaged)");
                return report(0, 0, summary);
            } catch (IOException e) {
                problems.errorAt(0, null, ImportRule.FILE_UNREADABLE, "cannot read " + fileName + ": " + e.getMessage());
                return report(0, 0, summary);
            }
        }

        private ImportReport report(long rows, long accepted, Map<String, Object> summary) {
            ImportStatus status = problems.any() ? ImportStatus.REJECTED
                    : options.dryRun() ? ImportStatus.VALID : ImportStatus.COMMITTED;
            List<RowProblem> errors = new ArrayList<>(problems.errors());
            errors.sort((a, b) -> Long.compare(a.row(), b.row()));
            Map<String, Object> fullSummary = new LinkedHashMap<>(summary);
            if (problems.count() > errors.size()) {
                fullSummary.put("errorsNotListed", problems.count() - errors.size());
            }
            return new ImportReport(kind.name(), fileName, facts.sha256(), options.dryRun(), status, rows,
                    status == ImportStatus.REJECTED ? 0 : accepted, errors, List.copyOf(problems.warnings()), fullSummary, 0, false);
        }
    }
}
