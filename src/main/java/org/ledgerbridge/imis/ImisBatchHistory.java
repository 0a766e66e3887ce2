package org.ledgerbridge.imis;

import org.ledgerbridge.ledger.ErrorCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.List;

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
        return jdbc.sql("""
                        SELECT p.batch_num, b.name, b.status,
                               EXISTS (SELECT 1 FROM journal j WHERE j.batch_id = b.id AND j.sent_at IS NOT NULL) AS sent,
                               EXISTS (SELECT 1 FROM journal j JOIN journal_export x ON x.journal_id = j.id WHERE j.batch_id = b.id)
                                   AS exported
                          FROM (SELECT DISTINCT batch_num, journal_batch FROM imis_line_posted WHERE batch_num = ANY(?)) p
                          JOIN batch b ON b.id = p.journal_batch
                         ORDER BY p.batch_num, b.name""")
                .param(batches.toArray(String[]::new))
                .query((rs, n) -> {
                    String batch = rs.getString("batch_num");
                    String ledgerBatch = rs.getString("name") + " (" + rs.getString("status") + ")";
                    if (rs.getBoolean("sent") || rs.getBoolean("exported")) {
                        return new Warning(batch, ImisRule.BATCH_ALREADY_SENT, "iMIS batch " + batch + " is in the ledger as "
                                + ledgerBatch + " and its journals went to the GL: importing these files into the GL would post it twice");
                    }
                    return new Warning(batch, ImisRule.BATCH_ALREADY_IMPORTED, "iMIS batch " + batch + " is in the ledger as "
                            + ledgerBatch + ": its journals go to the GL from there; importing these files into the GL as well would post "
                            + "it twice");
                })
                .list();
    }
}
