package org.ledgerbridge.imports;

import java.time.LocalDate;
import java.util.Optional;

/** One data row of an import file, addressed by canonical column names. */
public interface SourceRow {

    /** 1-based row as a spreadsheet shows it; the header is row 1. */
    long number();

    /**
     * The first data row of the file, where a refusal of the whole file (a missing option, a ledger
     * rule) is told once: not always row 2, since a template's comment lines may come before.
     */
    boolean first();

    /** The trimmed cell, or "" when the cell is empty or the optional column is absent. */
    String get(String column);

    /** Whether the file has this (optional) column at all. */
    boolean has(String column);

    /** The date of a cell that is a typed date in the file (an XLSX date cell); empty for text. */
    Optional<LocalDate> typedDate(String column);

    /** How this file's dates and numbers are written. */
    MappingProfile mapping();

    /** A row that is not read from a file (an edit through a command or a screen), checked by an import's own rules. */
    static SourceRow of(java.util.Map<String, String> cells) {
        return new SourceRow() {
            @Override
            public long number() {
                return 0;
            }

            @Override
            public boolean first() {
                return true;
            }

            @Override
            public String get(String column) {
                String value = cells.get(column);
                return value == null ? "" : value.strip();
            }

            @Override
            public boolean has(String column) {
                return cells.containsKey(column);
            }

            @Override
            public Optional<LocalDate> typedDate(String column) {
                return Optional.empty();
            }

            @Override
            public MappingProfile mapping() {
                return MappingProfile.NONE;
            }
        };
    }
}
