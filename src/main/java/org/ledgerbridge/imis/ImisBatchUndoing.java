package org.ledgerbridge.imis;

import org.ledgerbridge.ledger.BatchEffects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An iMIS batch whose ledger batch is voided or reversed was never posted: the same iMIS batch imports again. */
@Component
class ImisBatchUndoing implements BatchEffects {

    private final JdbcClient jdbc;

    ImisBatchUndoing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void undo(long batchId, String actor) {
        jdbc.sql("DELETE FROM imis_line_posted WHERE journal_batch = ?").param(batchId).update();
    }
}
