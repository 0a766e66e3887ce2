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
                         WHERE p.batch_id = ? AND d.open_balance < p.unapplied
                         ORDER BY p.number LIMIT 1""")
                .param(batch)
                .query((rs, n) -> new BatchChange.Refused("CREDIT_ALREADY_APPLIED", batch, "the credit of payment " + rs.getString(1)
                        + " (" + rs.getString(2) + ") was applied to invoices since (" + rs.getBigDecimal(3).stripTrailingZeros().toPlainString()
                        + "); reverse or void the batch of that credit application first"))
                .optional();
    }

    // Payments are found by batch without an index on purpose: voiding is rare and reads the batch's
    // payments once, while an index entry per payment would cost every payments import (docs/benchmarks.md,
    // "Payments: the floor"). A million-payment ledger voids a batch in seconds.
    @Override
    public void undo(long batch, String actor) {
        jdbc.sql("""
                        UPDATE document d
                           SET open_balance = d.open_balance + paid.amount, status = 'OPEN'
                          FROM (SELECT a.entity_code, a.document_number, sum(a.amount) AS amount
                                  FROM application a JOIN payment p ON a.reference = p.number
                                 WHERE p.batch_id = ? AND a.kind = 'PAYMENT' AND a.module = 'AR'
                                 GROUP BY a.entity_code, a.document_number) paid
                         WHERE d.entity_code = paid.entity_code AND d.module = 'AR' AND d.number = paid.document_number""")
                .param(batch).update();
        jdbc.sql("""
                        DELETE FROM application a USING payment p
                         WHERE p.batch_id = ? AND a.kind = 'PAYMENT'
                           AND (a.reference = p.number OR (a.entity_code = p.entity_code AND a.document_number = p.number))""")
                .param(batch).update();
        jdbc.sql("""
                        DELETE FROM document d USING payment p
                         WHERE p.batch_id = ? AND d.entity_code = p.entity_code AND d.module = 'AR' AND d.number = p.number""")
                .param(batch).update();
        jdbc.sql("DELETE FROM payment WHERE batch_id = ?").param(batch).update();
        // "pay later" rows belong to the import, not to a batch: they go with its last batch
        jdbc.sql("""
                        DELETE FROM order_reference o USING batch b
                         WHERE b.id = :batch AND o.import_run_id = b.import_run_id AND last_live_batch_of_its_import(:batch)""")
                .param("batch", batch).update();
    }
}
