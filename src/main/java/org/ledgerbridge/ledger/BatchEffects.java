package org.ledgerbridge.ledger;

import java.util.Optional;

/**
 * What a module recorded along with a batch's journals (payments and their applications, credits
 * applied, iMIS lines posted, the import that opened it). When the batch is voided, or when the
 * batch reversing all its journals is posted, each module undoes its part in the same transaction,
 * so that the subledger is as if the batch had never been.
 */
public interface BatchEffects {

    /** Why this module's part of the batch cannot be undone now (a credit it made was applied since), or empty. */
    default Optional<BatchChange.Refused> refusalToUndo(long batchId) {
        return Optional.empty();
    }

    /** Undoes this module's part of the batch; called after every module said it can. */
    void undo(long batchId, String actor);
}
