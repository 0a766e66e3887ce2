package org.ledgerbridge.ledger;

/** OPEN -> READY -> POSTED, as in iMIS's Set Status / Post Selected; an OPEN batch may be VOIDED. */
public enum BatchStatus { OPEN, READY, POSTED, VOIDED }
