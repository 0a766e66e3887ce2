package org.ledgerbridge.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * Verifies the ledger's invariants from the stored data itself, trusting neither the Java code
 * nor the triggers: a restored backup or a hand-edited database is checked the same way.
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
                    violations.add(new Violation("JOURNAL_UNBALANCED", "journal:" + rs.getLong(1),
                            "journal " + rs.getLong(1) + " in " + rs.getString(2) + ": debit " + rs.getBigDecimal(3).toPlainString()
                                    + ", credit " + rs.getBigDecimal(4).toPlainString()));
                });
        jdbc.sql("""
                        SELECT journal_id, sum(base_debit), sum(base_credit) FROM journal_line
                         GROUP BY journal_id HAVING sum(base_debit) <> sum(base_credit) ORDER BY 1""")
                .query(rs -> {
                    violations.add(new Violation("JOURNAL_UNBALANCED_IN_BASE_CURRENCY", "journal:" + rs.getLong(1),
                            "journal " + rs.getLong(1) + " in base currency: debit " + rs.getBigDecimal(2).toPlainString()
                                    + ", credit " + rs.getBigDecimal(3).toPlainString()));
                });
        jdbc.sql("""
                        SELECT l.entity_code, sum(l.base_debit), sum(l.base_credit)
                          FROM journal_line l JOIN journal j ON j.entity_code = l.entity_code AND j.id = l.journal_id
                          JOIN batch b ON b.id = j.batch_id WHERE b.status = 'POSTED'
                         GROUP BY l.entity_code HAVING sum(l.base_debit) <> sum(l.base_credit) ORDER BY 1""")
                .query(rs -> {
                    violations.add(new Violation("TRIAL_BALANCE_NOT_ZERO", "entity:" + rs.getString(1),
                            "posted trial balance of " + rs.getString(1) + ": debit " + rs.getBigDecimal(2).toPlainString()
                                    + ", credit " + rs.getBigDecimal(3).toPlainString()));
                });
        jdbc.sql("""
                        SELECT j.id FROM journal j JOIN batch b ON b.id = j.batch_id
                         WHERE b.status = 'POSTED' AND NOT EXISTS (SELECT 1 FROM journal_line l WHERE l.journal_id = j.id)
                         ORDER BY 1""")
                .query(rs -> {
                    violations.add(new Violation("EMPTY_JOURNAL", "journal:" + rs.getLong(1),
                            "posted journal " + rs.getLong(1) + " has no lines"));
                });
        jdbc.sql("""
                        SELECT id, name FROM batch
                         WHERE status = 'POSTED' AND posted_digest IS DISTINCT FROM batch_lines_digest(id) ORDER BY id""")
                .query(rs -> {
                    violations.add(new Violation("POSTED_JOURNAL_CHANGED", "batch:" + rs.getLong(1),
                            "the journals of posted batch " + rs.getString(2) + " differ from what was posted"));
                });
        return violations;
    }
}
