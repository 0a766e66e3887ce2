package org.ledgerbridge.ledger;

/** A way of being paid (VISA, a cheque account) and where its cash lands. */
public record PaymentMethod(String id, String entity, String cashAccount) {
}
