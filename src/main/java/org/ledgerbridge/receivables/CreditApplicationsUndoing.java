package org.ledgerbridge.receivables;

import org.ledgerbridge.ledger.BatchEffects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A batch of credit applications voided or reversed: both documents of each application are open again by its amount. */
@Component
class CreditApplicationsUndoing implements BatchEffects {

    private final JdbcClient jdbc;

    CreditApplicationsUndoing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void undo(long batchId, String actor) {
        jdbc.sql("""
                        UPDATE document d SET open_balance = d.open_balance + a.amount, status = 'OPEN'
                          FROM (SELECT entity_code, module, document_number, sum(amount) AS amount FROM application
                                 WHERE batch_id = ? AND kind = 'CREDIT' GROUP BY 1, 2, 3) a
                         WHERE d.entity_code = a.entity_code AND d.module = a.module AND d.number = a.document_number""")
                .param(batchId).update();
        jdbc.sql("DELETE FROM application WHERE batch_id = ? AND kind = 'CREDIT'").param(batchId).update();
    }
}
