package org.ledgerbridge.delivery;

import org.ledgerbridge.ledger.AuditLog;
import org.ledgerbridge.ledger.Currencies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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

    public GlIntegration(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record PendingJournal(long id, String entity, LocalDate date, String batch, BigDecimal debit, BigDecimal credit,
                                 boolean backdated) {
    }

    /**
     * @param oldestNotSent          the date of the oldest posted journal not sent, or null when all were sent
     * @param unpostedTransactions   journals in batches not posted yet (OPEN or READY)
     */
    public record Pending(LocalDate oldestNotSent, long unpostedTransactions, LocalDate from, LocalDate to,
                          List<PendingJournal> journals) {
    }

    /**
     * Journals of posted batches not sent, dated in the range. The range starts by default at the
     * oldest journal not sent, so that none is silently skipped, and ends at the business date.
     */
    /** The oldest posted journal not sent (null when all were sent) and the journals of batches not posted yet. */
    public record Backlog(LocalDate oldestNotSent, long unpostedTransactions) {
    }

    public Backlog backlog() {
        LocalDate oldest = jdbc.sql("""
                        SELECT min(j.journal_date) FROM journal j JOIN batch b ON b.id = j.batch_id
                         WHERE b.status = 'POSTED' AND j.sent_at IS NULL""")
                .query(LocalDate.class).optional().orElse(null);
        long unposted = jdbc.sql("""
                        SELECT count(*) FROM journal j JOIN batch b ON b.id = j.batch_id WHERE b.status IN ('OPEN', 'READY')""")
                .query(Long.class).single();
        return new Backlog(oldest, unposted);
    }

    public Pending pending(LocalDate from, LocalDate to, LocalDate asOf) {
        Backlog backlog = backlog();
        LocalDate oldest = backlog.oldestNotSent();
        long unposted = backlog.unpostedTransactions();
        LocalDate start = from != null ? from : oldest != null ? oldest : asOf;
        LocalDate end = to != null ? to : asOf;
        List<PendingJournal> journals = jdbc.sql("""
                        SELECT j.id, j.entity_code, j.journal_date, b.name, e.base_currency,
                               sum(l.base_debit) AS debit, sum(l.base_credit) AS credit,
                               j.journal_date <= (SELECT max(s.journal_date) FROM journal s
                                                   WHERE s.entity_code = j.entity_code AND s.sent_at IS NOT NULL) AS backdated
                          FROM journal j
                          JOIN batch b ON b.id = j.batch_id
                          JOIN financial_entity e ON e.code = j.entity_code
                          JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id
                         WHERE b.status = 'POSTED' AND j.sent_at IS NULL AND j.journal_date BETWEEN ? AND ?
                         GROUP BY j.id, j.entity_code, j.journal_date, b.name, e.base_currency
                         ORDER BY j.journal_date, j.id""")
                .params(start, end)
                .query((rs, n) -> new PendingJournal(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                        Currencies.atScale(rs.getBigDecimal("debit"), rs.getString(5)),
                        Currencies.atScale(rs.getBigDecimal("credit"), rs.getString(5)), rs.getBoolean("backdated")))
                .list();
        return new Pending(oldest, unposted, start, end, journals);
    }

    /** The outcome of mark-sent: all the journals marked, or none and why. */
    public sealed interface MarkSent permits MarkSent.Marked, MarkSent.Refused {
        record Marked(List<Long> journals) implements MarkSent {
        }

        /** {@code code}: REASON_REQUIRED, UNKNOWN_JOURNAL, NOT_POSTED, UNBALANCED, ALREADY_SENT. */
        record Refused(String code, long journal, String message) implements MarkSent {
        }
    }

    /**
     * "Mark as sent to GL" (seed 001): for balanced journals keyed into the GL by hand, or not
     * meant for it. Audited with who and why; all the journals or none.
     */
    @Transactional
    public MarkSent markSent(List<Long> ids, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            return new MarkSent.Refused("REASON_REQUIRED", 0, "say why the journals are marked as sent without being sent");
        }
        for (long id : ids) {
            var state = jdbc.sql("""
                            SELECT b.status, j.sent_at IS NOT NULL AS sent,
                                   (SELECT sum(base_debit) = sum(base_credit) FROM journal_line l
                                     WHERE l.entity_code = j.entity_code AND l.journal_id = j.id) AS balanced
                              FROM journal j JOIN batch b ON b.id = j.batch_id WHERE j.id = ? FOR UPDATE OF j""")
                    .param(id).query((rs, n) -> new Object[]{rs.getString(1), rs.getBoolean(2), rs.getObject(3)}).optional();
            if (state.isEmpty()) {
                return new MarkSent.Refused("UNKNOWN_JOURNAL", id, "no journal " + id);
            }
            if (!"POSTED".equals(state.get()[0])) {
                return new MarkSent.Refused("NOT_POSTED", id, "journal " + id + " is in a " + state.get()[0]
                        + " batch; only posted journals reach the GL");
            }
            if (!Boolean.TRUE.equals(state.get()[2])) {
                return new MarkSent.Refused("UNBALANCED", id, "journal " + id + " does not balance and cannot be marked as sent");
            }
            if ((Boolean) state.get()[1]) {
                return new MarkSent.Refused("ALREADY_SENT", id, "journal " + id + " was already sent or marked as sent");
            }
        }
        Long[] journals = ids.toArray(Long[]::new);
        jdbc.sql("UPDATE journal SET sent_at = now() WHERE id = ANY(?)").param(journals).update();
        jdbc.sql("""
                        INSERT INTO gl_delivery (journal_id, status, actor, reason)
                        SELECT id, 'MARKED_SENT', ?, ? FROM unnest(?::bigint[]) AS t(id)""")
                .params(actor, reason, journals).update();
        audit.recordEach(actor, "gl.marked-sent", ids.stream().map(id -> "journal:" + id).toList(),
                java.util.Collections.nCopies(ids.size(), Map.of("reason", reason)));
        return new MarkSent.Marked(ids);
    }
}
