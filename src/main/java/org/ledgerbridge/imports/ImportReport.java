package org.ledgerbridge.imports;

import java.util.List;
import java.util.Map;

/** What `import` prints: CONTRACT.md, "The import report". */
public record ImportReport(String kind, String file, String sha256, boolean dryRun, ImportStatus status, long rows,
                           long accepted, List<RowProblem> errors, List<RowProblem> warnings, Map<String, Object> summary) {
}
