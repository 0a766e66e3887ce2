package org.ledgerbridge.imports;

/** Told how far a long import has come; the CLI draws a bar, the web UI a progress element. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (rows, bytesRead, totalBytes) -> { };

    /** @param totalBytes the file's size, or 0 when unknown (XLSX) */
    void progress(long rows, long bytesRead, long totalBytes);

    /** Called once when the last row was read. */
    default void done(long rows) {
    }
}
