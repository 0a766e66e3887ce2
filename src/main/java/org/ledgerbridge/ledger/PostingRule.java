package org.ledgerbridge.ledger;

/**
 * The ledger's codes: why a journal is refused for posting, why a batch's change is refused, and
 * what the books' check finds broken. The names are stable codes for scripts and tests.
 */
public enum PostingRule implements ErrorCode {
    /** The journals name a batch the ledger does not have. */
    UNKNOWN_BATCH,
    /** The batch is no longer open: journals are added to an OPEN batch only. */
    BATCH_NOT_OPEN,
    /** The journal names a financial entity the ledger does not have. */
    UNKNOWN_ENTITY,
    /** A journal without lines; or, found by the check, a posted journal without lines. */
    EMPTY_JOURNAL,
    /** A line names an account that is not in the entity's chart. */
    UNKNOWN_ACCOUNT,
    /** A line names an inactive account. */
    INACTIVE_ACCOUNT,
    /** A line names a customer or vendor the ledger does not have. */
    UNKNOWN_PARTY,
    /** A line's currency is not an ISO 4217 currency. */
    UNKNOWN_CURRENCY,
    /** A line's amount has more decimals than its currency allows. */
    AMOUNT_EXCEEDS_CURRENCY_SCALE,
    /** A line has no amount, or both a debit and a credit, or a negative one. */
    INVALID_LINE_AMOUNT,
    /** A journal's exchange rate is zero or negative. */
    INVALID_EXCHANGE_RATE,
    /** Debits and credits of a journal differ (in one of its currencies). */
    UNBALANCED,
    /** Debits and credits of a journal differ once converted to the entity's base currency. */
    UNBALANCED_IN_BASE_CURRENCY,
    /** The journal is dated in a period whose books are closed. */
    CLOSED_PERIOD,
    /** No journal has that id. */
    UNKNOWN_JOURNAL,
    /** Only a posted journal is reversed. */
    REVERSAL_OF_UNPOSTED_JOURNAL,
    /** The journal was reversed already. */
    ALREADY_REVERSED,
    /** The change (a void, a reversal, a deletion, a mark as sent) needs a reason, for the audit log. */
    REASON_REQUIRED,

    // a batch's life
    /** No batch has that id. */
    BATCH_NOT_FOUND,
    /** Only a POSTED batch is reversed; one not posted yet is voided instead. */
    BATCH_NOT_POSTED,
    /** The batch is itself a reversal; to post the original again, import its file again. */
    REVERSAL_OF_REVERSAL,
    /** The batch was reversed already, by the batch named in the message. */
    BATCH_ALREADY_REVERSED,
    /** A batch's status is set to READY or OPEN only; POSTED is reached by posting. */
    STATUS_CHANGE_REFUSED,
    /** A batch is posted from READY only. */
    BATCH_NOT_READY,
    /** The batch holds no journal, so there is nothing to post. */
    BATCH_EMPTY,

    // what the books' check finds
    /** A posted journal does not balance in one of its currencies. */
    JOURNAL_UNBALANCED,
    /** A posted journal does not balance in its entity's base currency. */
    JOURNAL_UNBALANCED_IN_BASE_CURRENCY,
    /** An entity's posted trial balance does not add up to zero. */
    TRIAL_BALANCE_NOT_ZERO,
    /** The journals of a posted batch differ from the fingerprint taken when it was posted. */
    POSTED_JOURNAL_CHANGED,
    /** The totals kept for a posted batch differ from what its journals add up to. */
    BATCH_TOTALS_DIFFER,
    /** The totals kept of what was sent to the GL differ from the journals marked as sent. */
    SENT_TOTALS_DIFFER,
    /** An entity's posted journal numbers have a gap or a repeat. */
    JOURNAL_NUMBERS_NOT_CONSECUTIVE
}
