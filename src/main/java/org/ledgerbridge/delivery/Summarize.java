package org.ledgerbridge.delivery;

/** How much of the detail reaches the GL, like iMIS's GL export options. */
public enum Summarize {
    /** every journal and line as posted */
    DETAIL,
    /** every journal, its lines summed per account */
    JOURNAL,
    /** one entry per entity and day, summed per account */
    DAY,
    /** one entry per entity and month (dated the month's last day), summed per account */
    MONTH
}
