package org.ledgerbridge.imis;

import org.ledgerbridge.ledger.ErrorCode;

/** The iMIS codes: why a batch of an iMIS GL export is not converted or imported, and what is warned of. */
public enum ImisRule implements ErrorCode {
    /** Say which iMIS batch to import (its number). */
    BATCH_REQUIRED,
    /** The batch named is not in the file. */
    BATCH_NOT_IN_FILE,
    /** The batch does not net to zero (per entity and in all). */
    BATCH_DOES_NOT_BALANCE,
    /** A transaction spans entities but an entity has no INTER_ENTITY account. */
    INTER_ENTITY_ACCOUNT_MISSING,
    /** The iMIS batch was imported into the ledger and posted already. */
    IMIS_BATCH_ALREADY_POSTED,
    /** A warning: the iMIS batch is in the ledger already; importing its files into the GL as well would post it twice. */
    BATCH_ALREADY_IMPORTED,
    /** A warning: the iMIS batch is in the ledger and its journals went to the GL already. */
    BATCH_ALREADY_SENT,
    /** The export could not be read, or the output folder not written. */
    FILE_UNREADABLE_OR_OUTPUT_UNWRITABLE
}
