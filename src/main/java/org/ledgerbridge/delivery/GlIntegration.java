package org.ledgerbridge.delivery;

import org.ledgerbridge.ledger.PerEntity;
import org.ledgerbridge.ledger.ErrorCode;
import org.ledgerbridge.ledger.PostingRule;
import org.ledgerbridge.ledger.AuditLog;
import org.ledgerbridge.ledger.SentJournals;
import org.ledgerbridge.ledger.Currencies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.ledgerbridge.ledger.Page;
import org.ledgerbridge.storage.CopyReader;
import java.util.Map;

/**
 * The GL Integration screen of seed 001 (MiMembership): the journals of posted batches not yet
 * sent to the general ledger, the oldest of them, the transactions not yet posted, and "Mark as
 * sent to GL" for journals keyed into the GL by hand. Backdated journals (dated on or before a day
 * already sent) are flagged, where the seed only warns in prose.
 */
@Service
public class GlIntegration {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final org.springframework.transaction.PlatformTransactionManager transactions;
    private final javax.sql.DataSource dataSource;
    private final SentJournals sentJournals;

    public GlIntegration(JdbcClient jdbc, AuditLog audit, org.springframework.transaction.PlatformTransactionManager transactions,
                         javax.sql.DataSource dataSource, SentJournals sentJournals) {
        this.sentJournals = sentJournals;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** @param number the journal's number within its entity, as staff call it ("PSAB-42") */
    public record PendingJournal(long id, Long number, String entity, LocalDate date, String batch, BigDecimal debit, BigDecimal credit,
                                 boolean backdated) {

        public String label() {
            return number == null ? String.valueOf(id) : entity + "-" + number;
        }
    }

    /** Per entity: the journals waiting in the range and their base-currency totals. */
    public record EntityPending(String entity, String currency, long journals, BigDecimal debit, BigDecimal credit) {
    }

    /**
     * The GL integration summary: the oldest posted journal not sent (null when all were sent), the
     * journals of batches not posted yet (OPEN or READY), the range shown, and what waits in it.
     */
    public record Summary(LocalDate oldestNotSent, long unpostedTransactions, LocalDate from, LocalDate to, long journals,
                          List<EntityPending> entities) {
    }

    /** A summary and the first page (or the page after a cursor) of the journals waiting in its range. */
    public record Pending(Summary summary, Page<PendingJournal> page) {
    }

    /** The oldest posted journal not sent (null when all were sent) and the journals of batches not posted yet. */
    public record Backlog(LocalDate oldestNotSent, long unpostedTransactions) {
    }

    public Backlog backlog() {
        // the not-sent index in date order, stopping at the first journal of a posted batch
        LocalDate oldest = jdbc.sql("""
                        SELECT j.journal_date FROM journal j JOIN batch b ON b.id = j.batch_id
                         WHERE b.status = 'POSTED' AND j.sent_at IS NULL ORDER BY j.journal_date LIMIT 1""")
                .query(LocalDate.class).optional().orElse(null);
        // the batches not posted are a short list; with none, no journal is read at all
        Long[] open = jdbc.sql("SELECT id FROM batch WHERE status IN ('OPEN', 'READY')").query(Long.class).list().toArray(Long[]::new);
        long unposted = open.length == 0 ? 0
                : jdbc.sql("SELECT count(*) FROM journal WHERE batch_id = ANY(?)").param(open).query(Long.class).single();
        return new Backlog(oldest, unposted);
    }

    /**
     * The range starts by default at the oldest journal not sent, so that none is silently
     * skipped, and ends at the business date.
     */
    public Summary summary(LocalDate from, LocalDate to, LocalDate asOf) {
        Backlog backlog = backlog();
        LocalDate start = from != null ? from : backlog.oldestNotSent() != null ? backlog.oldestNotSent() : asOf;
        LocalDate end = to != null ? to : asOf;
        // what was posted in the range less what was sent of it: two sums over a few rows per entity and day
        List<EntityPending> entities = jdbc.sql("""
                        SELECT e.code, e.base_currency, p.journals - coalesce(s.journals, 0), p.debit - coalesce(s.debit, 0)
                          FROM financial_entity e
                          JOIN (SELECT t.entity_code, sum(t.journals) AS journals, sum(t.base_debit) AS debit
                                  FROM batch_day_total t JOIN batch b ON b.id = t.batch_id
                                 WHERE b.status = 'POSTED' AND t.journal_date BETWEEN :from AND :to
                                 GROUP BY t.entity_code) p ON p.entity_code = e.code
                          LEFT JOIN (SELECT entity_code, sum(journals) AS journals, sum(base_debit) AS debit
                                       FROM sent_day_total WHERE journal_date BETWEEN :from AND :to
                                      GROUP BY entity_code) s ON s.entity_code = e.code
                         WHERE p.journals - coalesce(s.journals, 0) > 0
                         ORDER BY e.code""")
                .param("from", start).param("to", end)
                .query((rs, n) -> {
                    BigDecimal amount = Currencies.atScale(rs.getBigDecimal(4), rs.getString(2));
                    // posted journals balance in the base currency (the database refuses any other): credit = debit
                    return new EntityPending(rs.getString(1), rs.getString(2), rs.getLong(3), amount, amount);
                })
                .list();
        return new Summary(backlog.oldestNotSent(), backlog.unpostedTransactions(), start, end,
                entities.stream().mapToLong(EntityPending::journals).sum(), entities);
    }

    /** The summary and one page of the journals waiting in its range. */
    public Pending pending(LocalDate from, LocalDate to, LocalDate asOf, String cursor, int limit) {
        Summary summary = summary(from, to, asOf);
        return new Pending(summary, journals(summary.from(), summary.to(), cursor, limit));
    }

    /**
     * Posted journals not sent, dated in the range, oldest first, a page at a time along the
     * not-sent index. Backdated: dated on or before the latest journal of its entity already sent,
     * one figure per entity read once per page.
     */
    public Page<PendingJournal> journals(LocalDate from, LocalDate to, String cursor, int limit) {
        Map<String, LocalDate> latestSent = latestSentPerEntity();
        List<String> after = cursor == null ? null : Page.decode(cursor, 2);
        var statement = jdbc.sql(PENDING + (after == null ? "" : " AND (j.journal_date, j.id) > (CAST(? AS date), CAST(? AS bigint))")
                        + " ORDER BY j.journal_date, j.id LIMIT ?");
        try {
            statement = after == null ? statement.params(from, to, limit + 1)
                    : statement.params(from, to, LocalDate.parse(after.get(0)), Long.parseLong(after.get(1)), limit + 1);
        } catch (RuntimeException e) {
            throw new Page.BadCursor();
        }
        List<PendingJournal> rows = statement.query((rs, n) -> pendingJournal(rs.getLong(1), rs.getObject(8, Long.class), rs.getString(2),
                rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), latestSent))
                .list();
        return Page.of(rows, limit, j -> List.of(j.date(), j.id()));
    }

    private static final String PENDING = """
            SELECT j.id, j.entity_code, j.journal_date, b.name, e.base_currency, t.debit, t.credit, jn.number
              FROM journal j
              LEFT JOIN posted_journal_number jn ON jn.entity_code = j.entity_code AND jn.journal_id = j.id
              JOIN batch b ON b.id = j.batch_id
              JOIN financial_entity e ON e.code = j.entity_code
              CROSS JOIN LATERAL (SELECT sum(l.base_debit) AS debit, sum(l.base_credit) AS credit
                                    FROM journal_line l WHERE l.entity_code = j.entity_code AND l.journal_id = j.id) t
             WHERE b.status = 'POSTED' AND j.sent_at IS NULL AND j.journal_date BETWEEN CAST(? AS date) AND CAST(? AS date)""";

    /** A row of the pending list; backdated when dated on or before the latest day of its entity already sent. */
    private static PendingJournal pendingJournal(long id, Long number, String entity, LocalDate date, String batch, String currency, BigDecimal debit,
                                                 BigDecimal credit, Map<String, LocalDate> latestSent) {
        LocalDate sent = latestSent.get(entity);
        return new PendingJournal(id, number, entity, date, batch, Currencies.atScale(debit, currency), Currencies.atScale(credit, currency),
                sent != null && !date.isAfter(sent));
    }

    /**
     * Every journal waiting in the range, oldest first, handed over one by one as PostgreSQL
     * streams them (COPY, in a read-only transaction): for reports that write them all as they
     * come, faster than page after page, and in memory one at a time.
     */
    public long eachJournal(LocalDate from, LocalDate to, java.util.function.Consumer<PendingJournal> each) {
        Map<String, LocalDate> latestSent = latestSentPerEntity();
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return readOnly.execute(tx -> CopyReader.read(dataSource, PENDING + " ORDER BY j.journal_date, j.id", row -> {
                    each.accept(pendingJournal(row.longValue(1), row.isNull(8) ? null : row.longValue(8), row.text(2), row.date(3), row.text(4), row.text(5), row.decimal(6),
                            row.decimal(7), latestSent));
                    return true;
                }, from, to));
    }

    /** The ids of the posted journals not sent in the range, after a journal (date, id), at most {@code limit}: a chunk of "all". */
    public List<IdAndDate> chunk(LocalDate from, LocalDate to, IdAndDate after, int limit) {
        return jdbc.sql("""
                        SELECT j.id, j.journal_date FROM journal j JOIN batch b ON b.id = j.batch_id
                         WHERE b.status = 'POSTED' AND j.sent_at IS NULL AND j.journal_date BETWEEN ? AND ?
                           AND (j.journal_date, j.id) > (?, ?)
                         ORDER BY j.journal_date, j.id LIMIT ?""")
                .params(from, to, after == null ? LocalDate.of(1, 1, 1) : after.date(), after == null ? 0L : after.id(), limit)
                .query((rs, n) -> new IdAndDate(rs.getLong(1), rs.getObject(2, LocalDate.class))).list();
    }

    public record IdAndDate(long id, LocalDate date) {
    }

    /** Per entity, the date of the latest journal already sent (absent when none was): one index probe per entity. */
    public Map<String, LocalDate> latestSentPerEntity() {
        Map<String, LocalDate> latest = new java.util.HashMap<>();
        for (String entity : jdbc.sql("SELECT code FROM financial_entity").query(String.class).list()) {
            jdbc.sql("SELECT journal_date FROM journal WHERE entity_code = ? AND sent_at IS NOT NULL ORDER BY journal_date DESC LIMIT 1")
                    .param(entity).query(LocalDate.class).optional().ifPresent(date -> latest.put(entity, date));
        }
        return latest;
    }

    /** The outcome of mark-sent: all the journals marked, or none and why. */
    public sealed interface MarkSent permits MarkSent.Marked, MarkSent.Refused {
        record Marked(List<Long> journals) implements MarkSent {
        }

        /** {@code code}: REASON_REQUIRED, UNKNOWN_JOURNAL, NOT_POSTED, UNBALANCED, ALREADY_SENT. */
        record Refused(ErrorCode code, long journal, String message) implements MarkSent {
        }
    }

    /**
     * "Mark as sent to GL" (seed 001): for balanced journals keyed into the GL by hand, or not
     * meant for it. Audited with who and why; all the journals or none.
     */
    @Transactional
    public MarkSent markSent(List<Long> ids, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            return new MarkSent.Refused(PostingRule.REASON_REQUIRED, 0, "say why the journals are marked as sent without being sent");
        }
        for (long id : ids) {
            // the journal's entity first: a row is locked where its entity's rows are (on a Citus cluster, one shard)
            java.util.Optional<String> entity = jdbc.sql("SELECT entity_code FROM journal WHERE id = ?").param(id).query(String.class).optional();
            var state = entity.flatMap(e -> jdbc.sql("""
                            SELECT b.status, j.sent_at IS NOT NULL AS sent
                              FROM journal j JOIN batch b ON b.id = j.batch_id WHERE j.entity_code = ? AND j.id = ? FOR UPDATE OF j""")
                    .params(e, id).query((rs, n) -> new Object[]{rs.getString(1), rs.getBoolean(2), null}).optional());
            if (state.isPresent()) { // summed on its own: a locking query with a subquery is not one a Citus shard can answer
                state.get()[2] = jdbc.sql("SELECT sum(base_debit) = sum(base_credit) FROM journal_line WHERE entity_code = ? AND journal_id = ?")
                        .params(entity.get(), id).query(Boolean.class).single();
            }
            if (state.isEmpty()) {
                return new MarkSent.Refused(PostingRule.UNKNOWN_JOURNAL, id, "no journal " + id);
            }
            if (!"POSTED".equals(state.get()[0])) {
                return new MarkSent.Refused(GlRule.NOT_POSTED, id, "journal " + id + " is in a " + state.get()[0]
                        + " batch; only posted journals reach the GL");
            }
            if (!Boolean.TRUE.equals(state.get()[2])) {
                return new MarkSent.Refused(PostingRule.UNBALANCED, id, "journal " + id + " does not balance and cannot be marked as sent");
            }
            if ((Boolean) state.get()[1]) {
                return new MarkSent.Refused(GlRule.ALREADY_SENT, id, "journal " + id + " was already sent or marked as sent");
            }
        }
        return marked(ids, reason, actor);
    }

    /**
     * Mark as sent every posted journal not sent in the range (a GL history keyed by hand), in one
     * set-based statement; audited per journal with who and why. Posted journals balance (the
     * database refuses to post one that does not), so the per-journal balance check of
     * {@link #markSent} is not repeated here.
     */
    @Transactional
    public MarkSent markSentRange(LocalDate from, LocalDate to, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            return new MarkSent.Refused(PostingRule.REASON_REQUIRED, 0, "say why the journals are marked as sent without being sent");
        }
        record Pending(LocalDate date, long id) {
        }
        List<Long> ids = PerEntity.ask(jdbc.sql("SELECT code FROM financial_entity").query(String.class).list(), null, entity -> jdbc.sql("""
                        SELECT j.journal_date, j.id FROM journal j JOIN batch b ON b.id = j.batch_id
                         WHERE j.entity_code = ? AND b.status = 'POSTED' AND j.sent_at IS NULL AND j.journal_date BETWEEN ? AND ?
                         ORDER BY j.journal_date, j.id FOR UPDATE OF j""")
                        .params(entity, from, to).query((rs, n) -> new Pending(rs.getObject(1, LocalDate.class), rs.getLong(2))).list())
                .stream().sorted(java.util.Comparator.comparing(Pending::date).thenComparingLong(Pending::id)).map(Pending::id).toList();
        return marked(ids, reason, actor);
    }

    /** The journals are marked as sent by hand: their mark, the delivery record with who and why, one audit event each. */
    private MarkSent marked(List<Long> ids, String reason, String actor) {
        Long[] journals = ids.toArray(Long[]::new);
        sentJournals.record(journals);
        jdbc.sql("""
                        INSERT INTO gl_delivery (journal_id, status, actor, reason)
                        SELECT id, 'MARKED_SENT', ?, ? FROM unnest(?::bigint[]) AS t(id)""")
                .params(actor, reason, journals).update();
        audit.recordEach(actor, "gl.marked-sent", ids.stream().map(id -> "journal:" + id).toList(),
                java.util.Collections.nCopies(ids.size(), Map.of("reason", reason)));
        return new MarkSent.Marked(ids);
    }
}
