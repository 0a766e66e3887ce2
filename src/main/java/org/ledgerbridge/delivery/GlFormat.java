package org.ledgerbridge.delivery;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One GL import layout. A file is written as header, journals, footer; the exporter starts a new
 * file (never inside a journal) when the format caps its lines per file. Each implementation names
 * the vendor documentation its layout follows.
 */
public interface GlFormat {

    /** The name of `--format`. */
    String name();

    String extension();

    /** Most lines one file may hold (0: no limit). */
    default int maxLinesPerFile() {
        return 0;
    }

    /** Most lines one journal may hold (0: no limit); a longer journal is refused, not truncated. */
    default int maxLinesPerJournal() {
        return 0;
    }

    /** @param accounts the entity's chart, for formats that declare accounts first (Beancount) */
    default void header(Writer out, String entity, List<ChartAccount> accounts) throws IOException {
    }

    void journal(Writer out, GlJournal journal, int sequence) throws IOException;

    /** @param undeclared accounts the file used that the header did not declare (no chart was known) */
    default void footer(Writer out, List<ChartAccount> undeclared) throws IOException {
    }

    /** An account of the entity's chart, as a format may need to declare it. */
    record ChartAccount(String code, String name, GlJournal.AccountKind kind) {
    }
}
