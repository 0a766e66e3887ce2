package org.ledgerbridge.ledger;

/**
 * A journal that the caller's own checks let through was refused by the posting rules: the import
 * pipeline turns it into an error of the file (its code and message), never a crash.
 */
public final class PostingRefusedException extends RuntimeException {

    private final Posting.Refused refusal;

    public PostingRefusedException(Posting.Refused refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    public Posting.Refused refusal() {
        return refusal;
    }
}
