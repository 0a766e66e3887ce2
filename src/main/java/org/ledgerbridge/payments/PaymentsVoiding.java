package org.ledgerbridge.payments;

import org.ledgerbridge.ledger.BatchVoiding;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When an OPEN payments batch is voided, its payments never happened: the invoices they paid are
 * open again by what they paid, and the payments, their applications and their credits go.
 */
@Component
class PaymentsVoiding {

    private final JdbcClient jdbc;

    PaymentsVoiding(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Payments are found by batch without an index on purpose: voiding is rare and reads the batch's
    // payments once, while an index entry per payment would cost every payments import (docs/benchmarks.md,
    // "Payments: the floor"). A million-payment ledger voids a batch in seconds.
    @EventListener
    void undoPaymentsOf(BatchVoiding voiding) {
        long batch = voiding.batchId();
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
    }
}
