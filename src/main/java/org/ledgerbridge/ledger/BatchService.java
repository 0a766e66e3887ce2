package org.ledgerbridge.ledger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Batches: OPEN (journals go in) -> READY (checked) -> POSTED (final, journals immutable). An OPEN
 * batch is corrected by voiding it, a POSTED one by reversing it.
 */
@Service
public class BatchService {

    private static final Pattern NUMBER_RUN = Pattern.compile("#+");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final List<BatchEffects> effects;
    private final String namePattern;

    public BatchService(JdbcClient jdbc, AuditLog audit, List<BatchEffects> effects,
                        @Value("${ledgerbridge.batch-name-pattern:AB######-#}") String namePattern) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.effects = effects;
        this.namePattern = namePattern;
    }

    /** Opens a batch named for its type (DEPOSIT-000042; an AUTO batch by the pattern, default {@code AB######-#}: AB000042-1). */
    @Transactional
    public Batch open(BatchType type, String actor) {
        long number = jdbc.sql("SELECT nextval('batch_number_seq')").query(Long.class).single();
        return open(type, nameFor(type, number), actor);
    }

    @Transactional
    public Batch open(BatchType type, String name, String actor) {
        return open(type, name, actor, null);
    }

    /** A batch an import opens: once all of an import's batches are voided or reversed, the file imports again. */
    @Transactional
    public Batch openForImport(BatchType type, long importRunId, String actor) {
        long number = jdbc.sql("SELECT nextval('batch_number_seq')").query(Long.class).single();
        return open(type, nameFor(type, number), actor, importRunId);
    }

    @Transactional
    public Batch open(BatchType type, String name, String actor, Long importRunId) {
        long id = jdbc.sql("INSERT INTO batch (name, batch_type, created_by, import_run_id) VALUES (?, ?, ?, ?) RETURNING id")
                .params(name, type.name(), actor, importRunId).query(Long.class).single();
        audit.record(actor, "batch.opened", "batch:" + id, Map.of("name", name, "type", type.name()));
        return find(id).orElseThrow();
    }

    String nameFor(BatchType type, long number) {
        return type == BatchType.AUTO ? nameFor(namePattern, number) : type.name(number);
    }

    /**
     * A batch's name from a pattern such as iMIS's {@code AB######-#}: the first run of '#' is the
     * zero-padded batch number, any later '#' the part number 1 (AB001041-1).
     */
    public static String nameFor(String pattern, long number) {
        Matcher run = NUMBER_RUN.matcher(pattern);
        if (!run.find()) {
            return pattern + number;
        }
        String padded = String.format("%0" + run.group().length() + "d", number);
        String rest = pattern.substring(run.end()).replace('#', '1');
        return pattern.substring(0, run.start()) + padded + rest;
    }

    /** Every batch, oldest first (read a page at a time). */
    public List<Batch> list() {
        return Page.all(cursor -> page(null, cursor, Page.MAX_LIMIT));
    }

    /** Batches in id order, a page at a time; only those of the given statuses when {@code statuses} is not null. */
    public Page<Batch> page(java.util.Collection<BatchStatus> statuses, String cursor, int limit) {
        long after = Page.decodeId(cursor, 0);
        String[] wanted = statuses == null ? null : statuses.stream().map(Enum::name).toArray(String[]::new);
        List<Batch> rows = withTotals(jdbc.sql(SELECT_BATCHES + " WHERE b.id > :after" + (wanted == null ? "" : " AND b.status = ANY(:statuses)")
                        + " ORDER BY b.id LIMIT :limit")
                .param("after", after).param("statuses", wanted).param("limit", limit + 1)
                .query(this::batch).list());
        return Page.of(rows, limit, b -> List.of(b.id()));
    }

    public java.util.Optional<Batch> find(long id) {
        return withTotals(jdbc.sql(SELECT_BATCHES + " WHERE b.id = :id").param("id", id).query(this::batch).list()).stream().findFirst();
    }

    /**
     * The batches with their entities and totals: a posted batch's as written when it was posted, a
     * batch not posted yet summed through its journals. Two queries over the batches' ids rather than
     * a subquery per batch, which a Citus cluster cannot run over its distributed journals.
     */
    private List<Batch> withTotals(List<Batch> batches) {
        Long[] posted = batches.stream().filter(b -> b.status() == BatchStatus.POSTED).map(Batch::id).toArray(Long[]::new);
        Long[] others = batches.stream().filter(b -> b.status() != BatchStatus.POSTED).map(Batch::id).toArray(Long[]::new);
        Map<Long, List<Object[]>> totals = new java.util.HashMap<>();
        org.springframework.jdbc.core.RowCallbackHandler collect = rs -> totals.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                .add(new Object[]{rs.getString(2), rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5)});
        if (posted.length > 0) {
            jdbc.sql("""
                    SELECT batch_id, entity_code, sum(journals), sum(base_debit), sum(base_credit)
                      FROM batch_day_total WHERE batch_id = ANY(?) GROUP BY batch_id, entity_code""").param(posted).query(collect);
        }
        if (others.length > 0) {
            jdbc.sql("""
                    SELECT j.batch_id, j.entity_code, count(*), coalesce(sum(x.debit), 0), coalesce(sum(x.credit), 0)
                      FROM journal j
                      CROSS JOIN LATERAL (SELECT sum(l.base_debit) AS debit, sum(l.base_credit) AS credit
                                            FROM journal_line l WHERE l.entity_code = j.entity_code AND l.journal_id = j.id) x
                     WHERE j.batch_id = ANY(?)
                     GROUP BY j.batch_id, j.entity_code""").param(others).query(collect);
        }
        List<Batch> summed = new ArrayList<>();
        for (Batch b : batches) {
            List<Object[]> perEntity = new ArrayList<>(totals.getOrDefault(b.id(), List.of()));
            perEntity.sort(java.util.Comparator.comparing(row -> (String) row[0]));
            long journals = 0;
            BigDecimal debit = BigDecimal.ZERO;
            BigDecimal credit = BigDecimal.ZERO;
            for (Object[] row : perEntity) {
                journals += (Long) row[1];
                debit = debit.add((BigDecimal) row[2]);
                credit = credit.add((BigDecimal) row[3]);
            }
            summed.add(new Batch(b.id(), b.name(), b.type(), b.status(), perEntity.stream().map(row -> (String) row[0]).toList(),
                    journals, Currencies.atLeastCents(debit), Currencies.atLeastCents(credit), b.createdAt(), b.reversedBy()));
        }
        return summed;
    }

    /** OPEN <-> READY, all the batches or none. */
    @Transactional
    public BatchChange changeStatus(List<Long> ids, BatchStatus target, String actor) {
        if (target != BatchStatus.READY && target != BatchStatus.OPEN) {
            return new BatchChange.Refused(PostingRule.STATUS_CHANGE_REFUSED, ids.isEmpty() ? 0 : ids.get(0),
                    "a batch's status can be set to READY or OPEN; POSTED is reached by posting");
        }
        for (long id : ids) {
            var status = statusForUpdate(id);
            if (status == null) {
                return new BatchChange.Refused(PostingRule.BATCH_NOT_FOUND, id, "no batch " + id);
            }
            if (status == BatchStatus.POSTED || status == BatchStatus.VOIDED) {
                return new BatchChange.Refused(PostingRule.STATUS_CHANGE_REFUSED, id,
                        "batch " + id + " is " + status + " and its status can no longer change");
            }
        }
        for (long id : ids) {
            jdbc.sql("UPDATE batch SET status = ? WHERE id = ? AND status <> ?").params(target.name(), id, target.name()).update();
            audit.record(actor, "batch.status", "batch:" + id, Map.of("to", target.name()));
        }
        return new BatchChange.Changed(ids, target);
    }

    /** Posts READY batches, all or none; from then on their journals never change. */
    @Transactional
    public BatchChange post(List<Long> ids, String actor) {
        for (long id : ids) {
            var status = statusForUpdate(id);
            if (status == null) {
                return new BatchChange.Refused(PostingRule.BATCH_NOT_FOUND, id, "no batch " + id);
            }
            if (status != BatchStatus.READY) {
                return new BatchChange.Refused(PostingRule.BATCH_NOT_READY, id,
                        "batch " + id + " is " + status + "; set it to READY before posting");
            }
            boolean empty = jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM journal WHERE batch_id = ?)").param(id)
                    .query(Boolean.class).single();
            if (empty) {
                return new BatchChange.Refused(PostingRule.BATCH_EMPTY, id, "batch " + id + " holds no journal");
            }
        }
        Long[] posting = ids.stream().mapToLong(Long::longValue).boxed().toArray(Long[]::new);
        // batches that `batch reverse` reversed whole, once these are posted: their effects are undone now (a
        // journal reversed on its own, in any batch, corrects the GL and leaves the subledger as it is)
        Long[] reversals = jdbc.sql("SELECT id FROM batch WHERE id = ANY(?) AND batch_type = 'REVERSAL'").param(posting)
                .query(Long.class).list().toArray(Long[]::new);
        List<Long> reversed = new ArrayList<>();
        if (reversals.length > 0) {
            List<Long> originals = jdbc.sql("""
                            SELECT DISTINCT o.batch_id FROM journal r
                              JOIN journal o ON o.entity_code = r.entity_code AND o.id = r.reverses_journal_id
                             WHERE r.batch_id = ANY(?) ORDER BY 1""").param(reversals).query(Long.class).list();
            for (long original : originals) { // reversed whole: no journal of it left without a reversal posted or posting now
                boolean whole = jdbc.sql("""
                                SELECT 1 FROM journal x
                                 WHERE x.batch_id = ?
                                   AND NOT EXISTS (SELECT 1 FROM journal y JOIN batch yb ON yb.id = y.batch_id
                                                    WHERE y.entity_code = x.entity_code AND y.reverses_journal_id = x.id
                                                      AND yb.batch_type = 'REVERSAL' AND (yb.status = 'POSTED' OR yb.id = ANY(?)))
                                 LIMIT 1""").params(original, reversals).query(Integer.class).optional().isEmpty();
                if (whole) {
                    reversed.add(original);
                }
            }
        }
        for (long original : reversed) {
            Optional<BatchChange.Refused> refusal = refusalToUndo(original);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        JournalNumbering.number(jdbc, posting);
        for (long id : ids) { // the digest read first: a Citus cluster runs no function over its journals inside an update
            String digest = jdbc.sql("SELECT batch_lines_digest(?)").param(id).query(String.class).single();
            jdbc.sql("UPDATE batch SET status = 'POSTED', posted_at = now(), posted_by = ?, posted_digest = ? WHERE id = ?")
                    .params(actor, digest, id).update();
        }
        // posted journals never change: what each batch holds per entity and day, and per account, is written once, here
        jdbc.sql("""
                        INSERT INTO batch_day_total (batch_id, entity_code, journal_date, journals, base_debit, base_credit)
                        SELECT j.batch_id, j.entity_code, j.journal_date, count(*), coalesce(sum(t.debit), 0), coalesce(sum(t.credit), 0)
                          FROM journal j
                          CROSS JOIN LATERAL (SELECT sum(l.base_debit) AS debit, sum(l.base_credit) AS credit
                                                FROM journal_line l WHERE l.entity_code = j.entity_code AND l.journal_id = j.id) t
                         WHERE j.batch_id = ANY(?)
                         GROUP BY j.batch_id, j.entity_code, j.journal_date""")
                .param(ids.stream().mapToLong(Long::longValue).boxed().toArray(Long[]::new)).update();
        jdbc.sql("""
                        INSERT INTO batch_account_total (batch_id, entity_code, account_code, base_debit, base_credit)
                        SELECT j.batch_id, l.entity_code, l.account_code, sum(l.base_debit), sum(l.base_credit)
                          FROM journal j JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id
                         WHERE j.batch_id = ANY(?)
                         GROUP BY j.batch_id, l.entity_code, l.account_code""")
                .param(ids.stream().mapToLong(Long::longValue).boxed().toArray(Long[]::new)).update();
        for (long original : reversed) {
            effects.forEach(module -> module.undo(original, actor));
            long by = jdbc.sql("""
                            SELECT r.batch_id FROM journal o JOIN journal r ON r.entity_code = o.entity_code AND r.reverses_journal_id = o.id
                             WHERE o.batch_id = ? ORDER BY r.batch_id DESC LIMIT 1""")
                    .param(original).query(Long.class).single();
            jdbc.sql("UPDATE batch SET reversed_by_batch_id = ? WHERE id = ?").params(by, original).update();
            audit.record(actor, "batch.reversed", "batch:" + original, Map.of("reversal", by));
        }
        for (long id : ids) {
            audit.record(actor, "batch.posted", "batch:" + id, Map.of());
        }
        return new BatchChange.Changed(ids, BatchStatus.POSTED);
    }

    /** The first module that cannot undo what it recorded with the batch says why; empty: all can. */
    Optional<BatchChange.Refused> refusalToUndo(long id) {
        for (BatchEffects module : effects) {
            Optional<BatchChange.Refused> refusal = module.refusalToUndo(id);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    BatchStatus statusForUpdate(long id) {
        return jdbc.sql("SELECT status FROM batch WHERE id = ? FOR UPDATE").param(id).query(String.class)
                .optional().map(BatchStatus::valueOf).orElse(null);
    }

    private static final String SELECT_BATCHES = """
            SELECT b.id, b.name, b.batch_type, b.status, b.created_at, b.reversed_by_batch_id FROM batch b""";

    /** A batch as its row says; {@link #withTotals} adds its entities and totals. */
    private Batch batch(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Batch(rs.getLong("id"), rs.getString("name"), BatchType.valueOf(rs.getString("batch_type")),
                BatchStatus.valueOf(rs.getString("status")), List.of(), 0, BigDecimal.ZERO, BigDecimal.ZERO,
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("reversed_by_batch_id", Long.class));
    }
}
