package org.ledgerbridge.imports;

import java.time.LocalDate;
import java.util.Map;

/**
 * @param asOf     the business date ("today") for rules such as "due date not in the past"
 * @param maxRows  optional cap on data rows, for those who want the vendor's 500-line limit
 * @param mapping  how the file's columns, dates and numbers differ from the canonical layout
 * @param flags    kind-specific switches, e.g. {@code allow-overpayment}
 */
public record ImportOptions(boolean dryRun, LocalDate asOf, String actor, Long maxRows, MappingProfile mapping,
                            Map<String, String> flags, ProgressListener progress) {

    public ImportOptions {
        mapping = mapping == null ? MappingProfile.NONE : mapping;
        flags = flags == null ? Map.of() : Map.copyOf(flags);
        progress = progress == null ? ProgressListener.NONE : progress;
    }

    public static ImportOptions of(LocalDate asOf, String actor) {
        return new ImportOptions(false, asOf, actor, null, null, Map.of(), null);
    }

    public ImportOptions dryRun(boolean dryRun) {
        return new ImportOptions(dryRun, asOf, actor, maxRows, mapping, flags, progress);
    }

    public ImportOptions withMapping(MappingProfile mapping) {
        return new ImportOptions(dryRun, asOf, actor, maxRows, mapping, flags, progress);
    }

    public ImportOptions withMaxRows(Long maxRows) {
        return new ImportOptions(dryRun, asOf, actor, maxRows, mapping, flags, progress);
    }

    public ImportOptions withFlag(String flag, String value) {
        var more = new java.util.HashMap<>(flags);
        more.put(flag, value);
        return new ImportOptions(dryRun, asOf, actor, maxRows, mapping, more, progress);
    }

    /**
     * The options some kinds read, as every adapter (CLI, screen, API) takes them: payments'
     * allow-overpayment and action, imis's batch numbers, gl-accounts's target.
     */
    public ImportOptions withKindOptions(boolean allowOverpayment, String action, java.util.List<String> batches, String target) {
        return withFlag("allow-overpayment", String.valueOf(allowOverpayment))
                .withFlag("action", action == null || action.isBlank() ? "insert" : action.strip())
                .withFlag("batch", batches == null ? "" : String.join(",", batches.stream().map(String::strip)
                        .filter(b -> !b.isEmpty()).toList()))
                .withFlag("target", target == null ? "" : target.strip());
    }

    public ImportOptions withProgress(ProgressListener progress) {
        return new ImportOptions(dryRun, asOf, actor, maxRows, mapping, flags, progress);
    }

    public boolean flag(String flag) {
        return Boolean.parseBoolean(flags.getOrDefault(flag, "false"));
    }
}
