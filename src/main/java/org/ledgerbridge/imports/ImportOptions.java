package org.ledgerbridge.imports;

import java.time.LocalDate;
import java.util.Map;

/**
 * @param asOf    the business date ("today") for rules such as "due date not in the past"
 * @param maxRows optional cap on data rows, for those who want the vendor's 500-line limit
 * @param flags   kind-specific switches, e.g. {@code allow-overpayment}
 */
public record ImportOptions(boolean dryRun, LocalDate asOf, String actor, Long maxRows, Map<String, String> flags) {

    public ImportOptions {
        flags = flags == null ? Map.of() : Map.copyOf(flags);
    }

    public static ImportOptions of(LocalDate asOf, String actor) {
        return new ImportOptions(false, asOf, actor, null, Map.of());
    }

    public ImportOptions dryRun(boolean dryRun) {
        return new ImportOptions(dryRun, asOf, actor, maxRows, flags);
    }
}
