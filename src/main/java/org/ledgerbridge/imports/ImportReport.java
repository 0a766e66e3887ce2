package org.ledgerbridge.imports;

import java.util.List;
import java.util.Map;

/**
 * What `import` prints: CONTRACT.md, "The import report".
 *
 * @param refusedByLedgerRule the file was turned down by a rule of the ledger rather than for its
 *                            content (e.g. documents while migration mode is off): exit code 3
 */
public record ImportReport(String kind, String file, String sha256, boolean dryRun, ImportStatus status, long rows,
                           long accepted, List<RowProblem> errors, List<RowProblem> warnings, Map<String, Object> summary,
                           long durationMillis, boolean refusedByLedgerRule) {

    ImportReport finished(long millis, java.util.Set<String> ledgerRuleCodes) {
        boolean refused = errors.stream().anyMatch(e -> ledgerRuleCodes.contains(e.code()));
        return new ImportReport(kind, file, sha256, dryRun, status, rows, accepted, errors, warnings, summary, millis, refused);
    }
}
