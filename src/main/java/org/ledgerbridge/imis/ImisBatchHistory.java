package org.ledgerbridge.imis;

import org.ledgerbridge.ledger.ErrorCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What the ledger already did with an iMIS batch: converting a batch that `import imis` posted,
 * or whose journals went to the GL, and importing those files into the GL too would post it
 * twice. A converter's warning, not a refusal: the accountant may be re-creating a lost file.
 */
@Service
public class ImisBatchHistory {

    private final JdbcClient jdbc;

    public ImisBatchHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param code BATCH_ALREADY_IMPORTED or BATCH_ALREADY_SENT */
    public record Warning(String batch, ErrorCode code, String message) {
    }

    /** A warning for each of {@code batches} the ledger holds. */
    public List<Warning> warnings(Collection<String> batches) {
        record Posted(String batch, long ledgerBatch, String ledgerBatchName) {
        }
        List<Posted> posted = jdbc.sql("""
                        SELECT p.batch_num, b.id, b.name || ' (' || b.status || ')'
                          FROM (SELECT DISTINCT batch_num, journal_batch FROM imis_line_posted WHERE batch_num = ANY(?)) p
                          JOIN batch b ON b.id = p.journal_batch
                         ORDER BY p.batch_num, b.name""")
                .param(batches.toArray(String[]::new))
                .query((rs, n) -> new Posted(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .list();
        Set<Long> wentToTheGl = posted.isEmpty() ? Set.of() : Set.copyOf(jdbc.sql("""
                        SELECT DISTINCT j.batch_id FROM journal j
                          LEFT JOIN journal_export x ON x.entity_code = j.entity_code AND x.journal_id = j.id
                         WHERE j.batch_id = ANY(?) AND (j.sent_at IS NOT NULL OR x.journal_id IS NOT NULL)""")
                .param(posted.stream().map(Posted::ledgerBatch).distinct().toArray(Long[]::new))
                .query(Long.class).list());
        return posted.stream().map(p -> wentToTheGl.contains(p.ledgerBatch())
                ? new Warning(p.batch(), ImisRule.BATCH_ALREADY_SENT, "iMIS batch " + p.batch() + " is in the ledger as "
                        + p.ledgerBatchName() + " and its journals went to the GL: importing these files into the GL would post it twice")
                : new Warning(p.batch(), ImisRule.BATCH_ALREADY_IMPORTED, "iMIS batch " + p.batch() + " is in the ledger as "
                        + p.ledgerBatchName() + ": its journals go to the GL from there; importing these files into the GL as well would post "
                        + "it twice")).toList();
    }
}
