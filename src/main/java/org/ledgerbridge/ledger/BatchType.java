package org.ledgerbridge.ledger;

/** Batch types of the seeds (iMIS auto, invoice, deferred, deposit batches) plus our own. */
public enum BatchType { AUTO, INVOICE, DEFERRED, DEPOSIT, IMPORT, OPENING, REVERSAL, ADJUSTMENT }
