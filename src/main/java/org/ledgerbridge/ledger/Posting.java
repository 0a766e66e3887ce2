package org.ledgerbridge.ledger;

import java.util.List;

/** The outcome of handing journals to the posting service: all posted, or none and why. */
public sealed interface Posting permits Posting.Posted, Posting.Refused {

    record Posted(List<Long> journalIds) implements Posting {
    }

    /**
     * @param journalIndex 0-based position of the refused journal in the request
     * @param lineNo       1-based line of that journal, or 0 when the journal as a whole is refused
     */
    record Refused(PostingRule rule, int journalIndex, int lineNo, String message) implements Posting {
    }
}
