package org.ledgerbridge.ledger;

/** Why the posting service refuses a journal. The names are stable codes for scripts and tests. */
public enum PostingRule {
    UNKNOWN_BATCH,
    BATCH_NOT_OPEN,
    UNKNOWN_ENTITY,
    EMPTY_JOURNAL,
    UNKNOWN_ACCOUNT,
    INACTIVE_ACCOUNT,
    UNKNOWN_PARTY,
    UNKNOWN_CURRENCY,
    AMOUNT_EXCEEDS_CURRENCY_SCALE,
    INVALID_LINE_AMOUNT,
    INVALID_EXCHANGE_RATE,
    UNBALANCED,
    UNBALANCED_IN_BASE_CURRENCY,
    CLOSED_PERIOD,
    UNKNOWN_JOURNAL,
    REVERSAL_OF_UNPOSTED_JOURNAL,
    ALREADY_REVERSED,
    REASON_REQUIRED
}
