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
        jdbc.sql("""
                        UPDATE import_run r SET status = 'undone'
                          FROM batch b
                         WHERE b.id = :batch AND r.id = b.import_run_id AND r.status = 'committed'
                           AND last_live_batch_of_its_import(:batch)
                        RETURNING r.id""")
                .param("batch", batchId).query(Long.class).list()
                .forEach(run -> audit.record(actor, "import.undone", "import:" + run, Map.of("batch", batchId)));
    }
}
