package org.ledgerbridge.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger's record that journals reached the general ledger: each journal's mark
 * ({@code sent_at}, the one change a posted journal accepts) and what was sent per entity and day,
 * from which the pending summary of any range is computed and which {@link LedgerCheck} verifies.
 * Delivery says when; the ledger writes its own tables.
 */
@Component
public class SentJournals {

    private final JdbcClient jdbc;

    SentJournals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * In the caller's transaction; a journal marked before is neither marked nor added up again. Two
     * statements (the journals marked, then their totals added) where one with the marking in a
     * common table expression would do: a Citus cluster cannot join the rows an update returns.
     */
    public void record(Long[] journals) {
        Long[] marked = jdbc.sql("UPDATE journal SET sent_at = now() WHERE id = ANY(?) AND sent_at IS NULL RETURNING id")
                .param(journals).query(Long.class).list().toArray(Long[]::new);
        if (marked.length == 0) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO sent_day_total AS s (entity_code, journal_date, journals, base_debit)
                        SELECT j.entity_code, j.journal_date, count(*), coalesce(sum(t.debit), 0)
                          FROM journal j
                          CROSS JOIN LATERAL (SELECT sum(l.base_debit) AS debit FROM journal_line l WHERE l.entity_code = j.entity_code AND l.journal_id = j.id) t
                         WHERE j.id = ANY(?)
                         GROUP BY j.entity_code, j.journal_date
                        ON CONFLICT (entity_code, journal_date)
                        DO UPDATE SET journals = s.journals + excluded.journals, base_debit = s.base_debit + excluded.base_debit""")
                .param(marked).update();
    }
}
