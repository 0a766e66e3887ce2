package org.ledgerbridge.imports;

/** A canonical column of an import file (CONTRACT.md, "Input files"). */
public record ImportColumn(String name, boolean required) {

    public static ImportColumn required(String name) {
        return new ImportColumn(name, true);
    }

    public static ImportColumn optional(String name) {
        return new ImportColumn(name, false);
    }
}
