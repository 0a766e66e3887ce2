package org.ledgerbridge.imports;

/** One data row of an import file, addressed by canonical column names. */
public interface SourceRow {

    /** 1-based row as a spreadsheet shows it; the header is row 1. */
    long number();

    /** The trimmed cell, or "" when the cell is empty or the optional column is absent. */
    String get(String column);

    /** Whether the file has this (optional) column at all. */
    boolean has(String column);
}
