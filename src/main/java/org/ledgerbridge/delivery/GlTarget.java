package org.ledgerbridge.delivery;

/**
 * Where journals are delivered (`gl target add`): {@code file} writes import files of a format into
 * a folder (a Sage import folder, say), {@code ledger} appends to an hledger/Ledger journal whose
 * `account` directives are the GL's chart, {@code http} posts journals as JSON to a GL's API.
 */
public record GlTarget(String name, Type type, String format, String path, String url, java.time.LocalDate closedThrough) {

    public enum Type { file, ledger, http }
}
