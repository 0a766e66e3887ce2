package org.ledgerbridge.ledger;

/**
 * Published, inside its transaction, when an OPEN batch is about to be voided: a module that
 * changed its own records along with the batch's journals (the payments' applications) undoes
 * them in the same transaction, so that voiding removes every effect of the batch.
 */
public record BatchVoiding(long batchId, String actor) {
}
