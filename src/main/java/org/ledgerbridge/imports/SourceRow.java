package org.ledgerbridge.imports;

import java.time.LocalDate;
import java.util.Optional;

/** One data row of an import file, addressed by canonical column names. */
public interface SourceRow {

    /** 1-based row as a spreadsheet shows it; the header is row 1. */
    long number();

    /** The trimmed cell, or "" when the cell is empty or the optional column is absent. */
    String get(String column);

    /** Whether the file has this (optional) column at all. */
    boolean has(String column);

    /** The date of a cell that is a typed date in the file (an XLSX date cell); empty for text. */
    Optional<LocalDate> typedDate(String column);

    /** How this file's dates and numbers are written. */
    MappingProfile mapping();
}
