package org.ledgerbridge.delivery;

import org.ledgerbridge.ledger.ErrorCode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/** The outcome of `export gl`. */
public sealed interface GlExport permits GlExport.Exported, GlExport.Refused {

    /** One file of the ZIP, as the manifest lists it. */
    record ManifestEntry(String entity, String file, long journals, long lines, BigDecimal debit, BigDecimal credit) {
    }

    record Exported(Path zip, long journals, long lines, boolean again, List<ManifestEntry> files) implements GlExport {
    }

    /** {@code code}: UNKNOWN_FORMAT, INVALID_RANGE, JOURNAL_TOO_LONG_FOR_FORMAT, NOT_VALID_FOR_FORMAT. */
    record Refused(ErrorCode code, String message) implements GlExport {
    }
}
