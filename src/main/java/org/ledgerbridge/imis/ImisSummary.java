package org.ledgerbridge.imis;

/** iMIS's GL summarisation levels: every distribution, per transaction, per day, per batch. */
public enum ImisSummary { DETAIL, TRANSACTION, DAY, BATCH }
