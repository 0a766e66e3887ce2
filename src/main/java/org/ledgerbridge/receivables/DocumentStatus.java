package org.ledgerbridge.receivables;

/** ON_HOLD and BALANCED are the migration-mode statuses of seed 002; a released document is OPEN or CLOSED. */
public enum DocumentStatus { ON_HOLD, BALANCED, OPEN, CLOSED }
