package org.ledgerbridge.imports;

import java.util.Locale;

public enum ImportStatus {
    /** written to the ledger */
    COMMITTED,
    /** at least one error; nothing written */
    REJECTED,
    /** these bytes were already committed; nothing written */
    DUPLICATE,
    /** a dry run found no error; nothing written */
    VALID;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
