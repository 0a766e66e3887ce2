package org.ledgerbridge.receivables;

import org.ledgerbridge.ledger.ErrorCode;
/** The outcome of releasing or editing documents: done (with counts), or refused and why. */
public sealed interface DocumentChange permits DocumentChange.Done, DocumentChange.Refused {

    /**
     * @param changed  documents released (or edited)
     * @param closed   of those, closed at once because nothing was left open (a historical document)
     * @param onHold   ON_HOLD documents that were not released
     */
    record Done(long changed, long closed, long onHold) implements DocumentChange {
    }

    /** {@code code}: UNKNOWN_DOCUMENT, MIGRATION_MODE_OFF, MIGRATION_MODE_ON, NOT_A_MIGRATED_DOCUMENT, ALREADY_RELEASED, NOT_RELEASED, NOTHING_TO_RELEASE. */
    record Refused(ErrorCode code, String message) implements DocumentChange {
    }
}
