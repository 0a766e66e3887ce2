package org.ledgerbridge.payments;

import org.ledgerbridge.receivables.DocumentDeletions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A deleted document takes the purchase orders of the "pay later" rows that named it along. */
@Component
class OrderReferencesOfDeletedDocuments implements DocumentDeletions {

    private final JdbcClient jdbc;

    OrderReferencesOfDeletedDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void deleted(String entity, String module, String number) {
        jdbc.sql("DELETE FROM order_reference WHERE entity_code = ? AND module = ? AND document_number = ?")
                .params(entity, module, number).update();
    }
}
