package org.ledgerbridge.ledger;

import java.util.List;

/** The outcome of a batch status change or post: all the batches changed, or none and why. */
public sealed interface BatchChange permits BatchChange.Changed, BatchChange.Refused {

    record Changed(List<Long> batchIds, BatchStatus status) implements BatchChange {
    }

    /** {@code code}: BATCH_NOT_FOUND, BATCH_NOT_READY, BATCH_EMPTY, STATUS_CHANGE_REFUSED. */
    record Refused(String code, long batchId, String message) implements BatchChange {
    }
}
