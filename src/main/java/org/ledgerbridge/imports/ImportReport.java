package org.ledgerbridge.imports;

import java.util.List;
import java.util.Map;

/** What `import` prints: CONTRACT.md, "The import report". */
public record ImportReport(String kind, String file, String sha256, boolean dryRun, ImportStatus status, long rows,
                           long accepted, List<RowProblem> errors, List<RowProblem> warnings, Map<String, Object> summary,
                           long durationMillis) {

    ImportReport withDuration(long millis) {
        return new ImportReport(kind, file, sha256, dryRun, status, rows, accepted, errors, warnings, summary, millis);
    }
}
