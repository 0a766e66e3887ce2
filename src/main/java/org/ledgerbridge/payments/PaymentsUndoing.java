package org.ledgerbridge.payments;

import org.ledgerbridge.ledger.BatchChange;
import org.ledgerbridge.ledger.BatchEffects;
import org.ledgerbridge.receivables.Documents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a payments batch is voided or reversed, its payments never happened: the invoices they paid
 * are open again by what they paid, and the payments, their applications and their credits go.
 * A credit that was applied to an invoice since holds the batch back until that is undone.
 */
@Component
class PaymentsUndoing implements BatchEffects {

    private final JdbcClient jdbc;
    private final Documents documents;

    PaymentsUndoing(JdbcClient jdbc, Documents documents) {
        this.jdbc = jdbc;
        this.documents = documents;
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
                .query((rs, n) -> new BatchChange.Refused(PaymentRule.CREDIT_ALREADY_APPLIED, batch, "the credit of payment " + rs.getString(1)
                        + " (" + rs.getString(2) + ") was applied to invoices since (" + rs.getBigDecimal(3).stripTrailingZeros().toPlainString()
                        + "); reverse or void the batch of that credit application first"))
                .optional();
    }

    // A batch's payments are those of its import (the payments' key) in that batch: read along the key,
    // never the whole table. What they did to documents is undone by the receivables, whose tables those are.
    @Override
    public void undo(long batch, String actor) {
        List<String> entities = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        jdbc.sql("SELECT entity_code, number FROM payment WHERE import_run_id = (SELECT import_run_id FROM batch WHERE id = :batch) "
                        + "AND batch_id = :batch")
                .param("batch", batch)
                .query(rs -> {
                    entities.add(rs.getString(1));
                    numbers.add(rs.getString(2));
                });
        documents.undoPayments(entities.toArray(String[]::new), numbers.toArray(String[]::new));
        jdbc.sql("DELETE FROM payment WHERE import_run_id = (SELECT import_run_id FROM batch WHERE id = :batch) AND batch_id = :batch")
                .param("batch", batch).update();
        // "pay later" rows belong to the import, not to a batch: they go with its last batch
        jdbc.sql("""
                        DELETE FROM order_reference o USING batch b
                         WHERE b.id = :batch AND o.import_run_id = b.import_run_id AND last_live_batch_of_its_import(:batch)""")
                .param("batch", batch).update();
    }
}
