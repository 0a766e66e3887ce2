package org.ledgerbridge.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * Verifies the ledger's invariants from the stored data itself, trusting neither the Java code
 * nor the triggers: a restored backup or a hand-edited database is checked the same way. It reads
 * every line on purpose (no index makes a whole-ledger check cheaper than one pass).
 */
@Service
public class LedgerCheck {

    private final JdbcClient jdbc;

    public LedgerCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Violation> run() {
        List<Violation> violations = new ArrayList<>();
        jdbc.sql("""
                        SELECT journal_id, currency, sum(debit) AS debit, sum(credit) AS credit FROM journal_line
                         GROUP BY journal_id, currency HAVING sum(debit) <> sum(credit) ORDER BY 1, 2""")
                .query(rs -> {
                    violations.add(new Violation(PostingRule.JOURNAL_UNBALANCED, "journal:" + rs.getLong(1),
                            "journal " + rs.getLong(1) + " in " + rs.getString(2) + ": debit " + rs.getBigDecimal(3).toPlainString()
                                    + ", credit " + rs.getBigDecimal(4).toPlainString()));
                });
        jdbc.sql("""
                        SELECT journal_id, sum(base_debit), sum(base_credit) FROM journal_line
                         GROUP BY journal_id HAVING sum(base_debit) <> sum(base_credit) ORDER BY 1""")
                .query(rs -> {
                    violations.add(new Violation(PostingRule.JOURNAL_UNBALANCED_IN_BASE_CURRENCY, "journal:" + rs.getLong(1),
                            "journal " + rs.getLong(1) + " in base currency: debit " + rs.getBigDecimal(2).toPlainString()
                                    + ", credit " + rs.getBigDecimal(3).toPlainString()));
                });
        jdbc.sql("""
                        SELECT l.entity_code, sum(l.base_debit), sum(l.base_credit)
                          FROM journal_line l JOIN journal j ON j.entity_code = l.entity_code AND j.id = l.journal_id
                          JOIN batch b ON b.id = j.batch_id WHERE b.status = 'POSTED'
                         GROUP BY l.entity_code HAVING sum(l.base_debit) <> sum(l.base_credit) ORDER BY 1""")
                .query(rs -> {
                    violations.add(new Violation(PostingRule.TRIAL_BALANCE_NOT_ZERO, "entity:" + rs.getString(1),
                            "posted trial balance of " + rs.getString(1) + ": debit " + rs.getBigDecimal(2).toPlainString()
                                    + ", credit " + rs.getBigDecimal(3).toPlainString()));
                });
        jdbc.sql("""
                        SELECT j.id FROM journal j JOIN batch b ON b.id = j.batch_id
                         WHERE b.status = 'POSTED' AND NOT EXISTS (SELECT 1 FROM journal_line l WHERE l.entity_code = j.entity_code AND l.journal_id = j.id)
                         ORDER BY 1""")
                .query(rs -> {
                    violations.add(new Violation(PostingRule.EMPTY_JOURNAL, "journal:" + rs.getLong(1),
                            "posted journal " + rs.getLong(1) + " has no lines"));
                });
        jdbc.sql("""
                        SELECT id, name FROM batch
                         WHERE status = 'POSTED' AND posted_digest IS DISTINCT FROM batch_lines_digest(id) ORDER BY id""")
                .query(rs -> {
                    violations.add(new Violation(PostingRule.POSTED_JOURNAL_CHANGED, "batch:" + rs.getLong(1),
                            "the journals of posted batch " + rs.getString(2) + " differ from what was posted"));
                });
        // the totals the batch list, dashboard and trial balance read are what the posted lines add up to
        jdbc.sql("""
                        WITH lines AS (SELECT j.batch_id, l.entity_code, l.account_code, sum(l.base_debit) AS debit,
                                              sum(l.base_credit) AS credit
                                         FROM batch b JOIN journal j ON j.batch_id = b.id JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id
                                        WHERE b.status = 'POSTED'
                                        GROUP BY j.batch_id, l.entity_code, l.account_code)
                        SELECT DISTINCT coalesce(x.batch_id, t.batch_id) FROM lines x
                          FULL JOIN batch_account_total t
                            ON t.batch_id = x.batch_id AND t.entity_code = x.entity_code AND t.account_code = x.account_code
                         WHERE x.debit IS DISTINCT FROM t.base_debit OR x.credit IS DISTINCT FROM t.base_credit
                        UNION
                        SELECT coalesce(x.batch_id, t.batch_id)
                          FROM (SELECT j.batch_id, j.entity_code, j.journal_date, count(*) AS journals, sum(s.debit) AS debit,
                                       sum(s.credit) AS credit
                                  FROM batch b JOIN journal j ON j.batch_id = b.id
                                  CROSS JOIN LATERAL (SELECT sum(l.base_debit) AS debit, sum(l.base_credit) AS credit
                                                        FROM journal_line l WHERE l.entity_code = j.entity_code AND l.journal_id = j.id) s
                                 WHERE b.status = 'POSTED' GROUP BY j.batch_id, j.entity_code, j.journal_date) x
                          FULL JOIN batch_day_total t
                            ON t.batch_id = x.batch_id AND t.entity_code = x.entity_code AND t.journal_date = x.journal_date
                         WHERE x.journals IS DISTINCT FROM t.journals OR x.debit IS DISTINCT FROM t.base_debit
                            OR x.credit IS DISTINCT FROM t.base_credit
                         ORDER BY 1""")
                .query(rs -> {
                    violations.add(new Violation(PostingRule.BATCH_TOTALS_DIFFER, "batch:" + rs.getLong(1),
                            "the totals kept for posted batch " + rs.getLong(1) + " differ from what its journals add up to"));
                });
        jdbc.sql("""
                        SELECT coalesce(x.entity_code, t.entity_code), coalesce(x.journal_date, t.journal_date)
                          FROM (SELECT j.entity_code, j.journal_date, count(*) AS journals, sum(s.debit) AS debit
                                  FROM journal j
                                  CROSS JOIN LATERAL (SELECT sum(l.base_debit) AS debit FROM journal_line l WHERE l.entity_code = j.entity_code AND l.journal_id = j.id) s
                                 WHERE j.sent_at IS NOT NULL GROUP BY j.entity_code, j.journal_date) x
                          FULL JOIN sent_day_total t ON t.entity_code = x.entity_code AND t.journal_date = x.journal_date
                         WHERE coalesce(x.journals, 0) <> coalesce(t.journals, 0) OR coalesce(x.debit, 0) <> coalesce(t.base_debit, 0)
                         ORDER BY 1, 2""")
                .query(rs -> {
                    violations.add(new Violation(PostingRule.SENT_TOTALS_DIFFER, "entity:" + rs.getString(1),
                            "the totals kept of what was sent to the GL for " + rs.getString(1) + " on " + rs.getObject(2, java.time.LocalDate.class)
                                    + " differ from the journals marked as sent"));
                });
        // posted journals are numbered 1..n per entity, each number once, up to the counter posting takes the next from
        jdbc.sql("""
                        SELECT coalesce(x.entity_code, c.entity_code), coalesce(x.journals, 0), coalesce(x.numbers, 0),
                               coalesce(x.highest, 0), coalesce(c.last_number, 0)
                          FROM (SELECT j.entity_code, count(*) AS journals, count(DISTINCT n.number) AS numbers, max(n.number) AS highest
                                  FROM journal j JOIN batch b ON b.id = j.batch_id
                                  LEFT JOIN posted_journal_number n ON n.journal_id = j.id AND n.entity_code = j.entity_code
                                 WHERE b.status = 'POSTED' GROUP BY j.entity_code) x
                          FULL JOIN journal_number c ON c.entity_code = x.entity_code
                         WHERE coalesce(x.journals, 0) <> coalesce(x.numbers, 0) OR coalesce(x.highest, 0) <> coalesce(x.journals, 0)
                            OR coalesce(c.last_number, 0) <> coalesce(x.journals, 0)
                         ORDER BY 1""")
                .query(rs -> {
                    violations.add(new Violation(PostingRule.JOURNAL_NUMBERS_NOT_CONSECUTIVE, "entity:" + rs.getString(1),
                            "the " + rs.getLong(2) + " posted journals of " + rs.getString(1) + " carry " + rs.getLong(3)
                                    + " different numbers up to " + rs.getLong(4) + " (last number given: " + rs.getLong(5)
                                    + "); they should be numbered 1 to " + rs.getLong(2)));
                });
        return violations;
    }
}
