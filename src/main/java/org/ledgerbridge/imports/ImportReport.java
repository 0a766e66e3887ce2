package org.ledgerbridge.imports;

import org.ledgerbridge.ledger.ErrorCode;
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

    /** The JSON report of CONTRACT.md, as `import --json` prints it and the API answers. */
    public java.util.Map<String, Object> contractJson() {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("kind", kind);
        json.put("file", file);
        json.put("sha256", sha256);
        json.put("dryRun", dryRun);
        json.put("status", status.label());
        json.put("rows", rows);
        json.put("accepted", accepted);
        json.put("errors", errors);
        json.put("warnings", warnings);
        json.put("summary", summary);
        json.put("durationMs", durationMillis);
        return json;
    }

    ImportReport finished(long millis, java.util.Set<ErrorCode> ledgerRuleCodes) {
        boolean refused = errors.stream().anyMatch(e -> ledgerRuleCodes.contains(e.code()));
        return new ImportReport(kind, file, sha256, dryRun, status, rows, accepted, errors, warnings, summary, millis, refused);
    }
}
