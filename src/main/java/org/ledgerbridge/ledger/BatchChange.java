package org.ledgerbridge.ledger;

import java.util.List;

/** The outcome of a batch status change or post: all the batches changed, or none and why. */
public sealed interface BatchChange permits BatchChange.Changed, BatchChange.Reversing, BatchChange.Refused {

    record Changed(List<Long> batchIds, BatchStatus status) implements BatchChange {
    }

    /** The reversing journals of {@code batchIds} wait in the OPEN batch {@code reversalBatchId}, to be set READY and posted. */
    record Reversing(List<Long> batchIds, long reversalBatchId, String reversalBatchName, long journals) implements BatchChange {
    }

    /** {@code code}: BATCH_NOT_FOUND, BATCH_NOT_OPEN, BATCH_NOT_READY, BATCH_NOT_POSTED, BATCH_EMPTY,
     * BATCH_ALREADY_REVERSED, REVERSAL_OF_REVERSAL, REASON_REQUIRED, STATUS_CHANGE_REFUSED, CREDIT_ALREADY_APPLIED,
     * CLOSED_PERIOD, INACTIVE_ACCOUNT. */
    record Refused(ErrorCode code, long batchId, String message) implements BatchChange {
    }
}
