package org.ledgerbridge.delivery;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One way journals reach a general ledger, one class per {@link GlTarget.Type}: what the GL can
 * tell of a journal before it is sent, sending journals with their keys ({@code lb-<journal id>}),
 * and asking whether the GL has one. The rules around it (validate first, each journal once,
 * UNCERTAIN until reconciled) are {@link GlSending}'s, the same for every connector.
 */
interface GlConnector {

    /** What the GL says of one journal before it is sent: accounts it does not hold, its own refusals. */
    interface Check {
        List<GlSending.Problem> problems(long id, GlJournal journal);
    }

    /** Where a send records, as it goes, the journals that reached the GL (SENT) or may have (UNCERTAIN). */
    interface Deliveries {
        void record(Collection<Long> ids, String status);
    }

    Check check(GlTarget target);

    /** Sends the journals (already validated, none sent before); {@code alreadySent} is only reported back. */
    GlSending.Sending send(Map<Long, GlJournal> journals, GlTarget target, Deliveries deliveries, List<Long> alreadySent);

    /** Whether the GL has each journal; a journal the GL cannot be asked about now is absent from the answer. */
    Map<Long, Boolean> has(List<Long> ids, GlTarget target);
}
