package org.ledgerbridge.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/** The numbers staff see on posted journals: per entity, in posting order, without gaps. */
final class JournalNumbering {

    private JournalNumbering() {
    }

    /**
     * Gives the journals of the batches being posted the next numbers of their entity, in id order:
     * the numbers staff see, without gaps. The entity's counter row stays locked until the posting
     * commits (entities locked in code order, so two postings never wait on each other in a circle).
     */
    static void number(JdbcClient jdbc, Long[] batches) {
        // an entity at a time, each statement within one entity (on a Citus cluster, one shard)
        record Count(String entity, long journals) {
        }
        List<Count> counts = jdbc.sql("""
                        SELECT entity_code, count(*) FROM journal WHERE batch_id = ANY(?) GROUP BY entity_code ORDER BY entity_code""")
                .param(batches).query((rs, n) -> new Count(rs.getString(1), rs.getLong(2))).list();
        for (Count count : counts) {
            long last = jdbc.sql("""
                            INSERT INTO journal_number AS c (entity_code, last_number) VALUES (?, ?)
                            ON CONFLICT (entity_code) DO UPDATE SET last_number = c.last_number + excluded.last_number
                            RETURNING c.last_number""")
                    .params(count.entity(), count.journals()).query(Long.class).single();
            jdbc.sql("""
                            INSERT INTO posted_journal_number (journal_id, entity_code, number)
                            SELECT j.id, j.entity_code, ? + row_number() OVER (ORDER BY j.id)
                              FROM journal j WHERE j.entity_code = ? AND j.batch_id = ANY(?)""")
                    .params(last - count.journals(), count.entity(), batches).update();
        }
    }
}
