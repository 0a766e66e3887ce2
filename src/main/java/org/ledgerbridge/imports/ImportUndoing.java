package org.ledgerbridge.imports;

import org.ledgerbridge.ledger.AuditLog;
import org.ledgerbridge.ledger.BatchEffects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * An import all of whose batches are voided or reversed no longer counts as imported: its run is
 * 'undone', and the same bytes (the same iMIS batch) import again.
 */
@Component
class ImportUndoing implements BatchEffects {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ImportUndoing(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public void undo(long batchId, String actor) {
        // the batch being undone is not VOIDED nor marked reversed yet: it is left out of "every other batch"
        jdbc.sql("""
                        UPDATE import_run r SET status = 'undone'
                          FROM batch b
                         WHERE b.id = ? AND r.id = b.import_run_id AND r.status = 'committed'
                           AND NOT EXISTS (SELECT 1 FROM batch o
                                            WHERE o.import_run_id = r.id AND o.id <> b.id
                                              AND o.status <> 'VOIDED' AND o.reversed_by_batch_id IS NULL)
                        RETURNING r.id""")
                .param(batchId).query(Long.class).list()
                .forEach(run -> audit.record(actor, "import.undone", "import:" + run, Map.of("batch", batchId)));
    }
}
