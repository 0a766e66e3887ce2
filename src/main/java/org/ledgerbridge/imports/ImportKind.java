package org.ledgerbridge.imports;

import org.ledgerbridge.ledger.ErrorCode;
import java.util.List;
import java.util.Map;

/**
 * One kind of import file. The pipeline reads, maps and reports; the kind declares its columns,
 * validates one row at a time against what it read of the ledger when the session opened, and
 * writes validated rows through the owning module's service.
 */
public interface ImportKind<R> {

    /** The KIND of `ledgerbridge import KIND FILE`. */
    String name();

    List<ImportColumn> columns();

    /**
     * Which part of a file this import takes, when a kind imports part of it (iMIS: the batches):
     * the same bytes commit once per kind and variant.
     */
    default String variant(ImportOptions options) {
        return "";
    }

    /** Error codes that mean "a rule of the ledger refuses this file" (exit 3) rather than "bad input" (exit 1). */
    default java.util.Set<ErrorCode> ledgerRuleCodes() {
        return java.util.Set.of();
    }

    /** Opened inside the import's transaction: read what validation needs here, once. */
    Session<R> open(ImportOptions options, long importRunId);

    interface Session<R> {

        /** The validated record, or null when the row has errors (reported to {@code errors}). */
        R validate(SourceRow row, RowErrors errors);

        /** Rules over the whole file (e.g. totals per group), after the last row. */
        default void endOfFile(RowErrors errors) {
        }

        /**
         * Called for each accepted row, in a dry run too: where the totals that the preview and the
         * summary both show are added up, so that the preview tells what the commit will do.
         */
        default void accepted(R record) {
        }

        /** Called for each valid row while the file has no error so far, never in a dry run. */
        void write(R record);

        /** After the last row of a valid dry run: the totals the preview shows (by default the rows to add). */
        default Map<String, Object> preview() {
            return Map.of();
        }

        /** After the last row of a valid file: finish writing; the summary of the report. */
        Map<String, Object> commit();
    }
}
