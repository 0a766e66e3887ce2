package org.ledgerbridge.payments;

import org.ledgerbridge.ledger.BatchChange;
import org.ledgerbridge.ledger.BatchEffects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * When a payments batch is voided or reversed, its payments never happened: the invoices they paid
 * are open again by what they paid, and the payments, their applications and their credits go.
 * A credit that was applied to an invoice since holds the batch back until that is undone.
 */
@Component
class PaymentsUndoing implements BatchEffects {

    private final JdbcClient jdbc;

    PaymentsUndoing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<BatchChange.Refused> refusalToUndo(long batch) {
        return jdbc.sql("""
                        SELECT p.number, p.party_id, p.unapplied - d.open_balance AS used
                          FROM payment p JOIN document d ON d.entity_code = p.entity_code AND d.module = 'AR' AND d.number = p.number
                         WHERE p.import_run_id = (SELECT import_run_id FROM batch WHERE id = :batch) AND p.batch_id = :batch
                           AND d.open_balance < p.unapplied
                         ORDER BY p.row_no LIMIT 1""")
                .param("batch", batch)
                .query((rs, n) -> new BatchChange.Refused("CREDIT_ALREADY_APPLIED", batch, "the credit of payment " + rs.getString(1)
                        + " (" + rs.getString(2) + ") was applied to invoices since (" + rs.getBigDecimal(3).stripTrailingZeros().toPlainString()
                        + "); reverse or void the batch of that credit application first"))
                .optional();
    }

    // A batch's payments are those of its import (the payments' key) in that batch: read along the key,
    // never the whole table.
    @Override
    public void undo(long batch, String actor) {
        jdbc.sql("""
                        UPDATE document d
                           SET open_balance = d.open_balance + paid.amount, status = 'OPEN'
                          FROM (SELECT a.entity_code, a.document_number, sum(a.amount) AS amount
                                  FROM application a JOIN payment p ON a.reference = p.number
                                 WHERE p.import_run_id = (SELECT import_run_id FROM batch WHERE id = :batch) AND p.batch_id = :batch
                                   AND a.kind = 'PAYMENT' AND a.module = 'AR'
                                 GROUP BY a.entity_code, a.document_number) paid
                         WHERE d.entity_code = paid.entity_code AND d.module = 'AR' AND d.number = paid.document_number""")
                .param("batch", batch).update();
        jdbc.sql("""
                        DELETE FROM application a USING payment p
                         WHERE p.import_run_id = (SELECT import_run_id FROM batch WHERE id = :batch) AND p.batch_id = :batch
                           AND a.kind = 'PAYMENT' AND a.reference = p.number""")
                .param("batch", batch).update();
        // what a credit's own document says the payment applied, along the documents' applications
        jdbc.sql("""
                        DELETE FROM application a USING payment p
                         WHERE p.import_run_id = (SELECT import_run_id FROM batch WHERE id = :batch) AND p.batch_id = :batch
                           AND a.kind = 'PAYMENT' AND a.entity_code = p.entity_code AND a.module = 'AR' AND a.document_number = p.number""")
                .param("batch", batch).update();
        jdbc.sql("""
                        DELETE FROM document d USING payment p
                         WHERE p.import_run_id = (SELECT import_run_id FROM batch WHERE id = :batch) AND p.batch_id = :batch
                           AND d.entity_code = p.entity_code AND d.module = 'AR' AND d.number = p.number""")
                .param("batch", batch).update();
        jdbc.sql("DELETE FROM payment WHERE import_run_id = (SELECT import_run_id FROM batch WHERE id = :batch) AND batch_id = :batch")
                .param("batch", batch).update();
        // "pay later" rows belong to the import, not to a batch: they go with its last batch
        jdbc.sql("""
                        DELETE FROM order_reference o USING batch b
                         WHERE b.id = :batch AND o.import_run_id = b.import_run_id AND last_live_batch_of_its_import(:batch)""")
                .param("batch", batch).update();
    }
}
