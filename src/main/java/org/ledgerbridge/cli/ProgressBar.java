package org.ledgerbridge.cli;

import org.ledgerbridge.imports.ProgressListener;

import java.io.PrintStream;

/**
 * A progress bar on standard error for work that takes more than a second. On a terminal it
 * redraws one line; in a log (no terminal) it writes a line every few seconds.
 */
final class ProgressBar implements ProgressListener {

    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String label;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private boolean drawn;

    ProgressBar(Output output, String label) {
        this.err = output.err;
        this.label = label;
        this.terminal = output.terminal;
    }

    @Override
    public void progress(long rows, long bytesRead, long totalBytes) {
        long now = System.nanoTime();
        if (now - started < QUIET_NANOS || (!terminal && now - lastDrawn < LOG_EVERY_NANOS)) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        String line;
        if (totalBytes > 0) {
            int percent = (int) Math.min(100, bytesRead * 100 / totalBytes);
            int filled = percent * WIDTH / 100;
            line = String.format("%s %3d%% [%s%s] %,d rows", label, percent, "#".repeat(filled), " ".repeat(WIDTH - filled), rows);
        } else {
            line = String.format("%s %,d rows", label, rows);
        }
        if (terminal) {
            err.print("\r" + line);
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public void done(long rows) {
        if (drawn) {
            String line = String.format("%s 100%% [%s] %,d rows read in %.1f s", label, "#".repeat(WIDTH), rows,
                    (System.nanoTime() - started) / 1e9);
            err.println(terminal ? "\r" + line : line);
        }
    }
}
