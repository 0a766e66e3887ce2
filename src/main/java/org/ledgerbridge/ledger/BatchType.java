package org.ledgerbridge.ledger;

/**
 * Batch types of the seeds (iMIS auto, invoice, deferred, deposit batches) plus our own. A batch's
 * name says which it is: {@code DEPOSIT-000042}; an AUTO batch is named the iMIS way
 * ({@code AB000042-1}, the ledger's batch name pattern).
 */
public enum BatchType {
    AUTO("AB"), INVOICE("INVOICE"), DEFERRED("DEFERRED"), DEPOSIT("DEPOSIT"), IMPORT("GL-IMPORT"), OPENING("OPENING"),
    REVERSAL("REVERSAL"), ADJUSTMENT("ADJUSTMENT");

    private final String namePrefix;

    BatchType(String namePrefix) {
        this.namePrefix = namePrefix;
    }

    /** The name of this type's batch number {@code number}: the prefix, a dash and six digits at least. */
    String name(long number) {
        return String.format("%s-%06d", namePrefix, number);
    }
}
