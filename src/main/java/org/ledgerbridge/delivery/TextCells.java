package org.ledgerbridge.delivery;

/**
 * Text leaving in a file a spreadsheet may open must not start a formula: a cell beginning with
 * =, +, -, @, tab or a line break is prefixed with an apostrophe (OWASP "CSV injection"), and line
 * breaks inside a cell become spaces. Amounts are never passed through here: they stay numbers.
 */
public final class TextCells {

    private TextCells() {
    }

    public static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String flat = oneLine(text);
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' || first == '\n') {
            return "'" + flat;
        }
        return flat;
    }

    /**
     * Line breaks become spaces, nothing else changes: for formats a GL reads but a spreadsheet
     * does not open (Ledger, Beancount, IIF), where "- October dues" must arrive as written.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        return text.indexOf('\r') < 0 && text.indexOf('\n') < 0 ? text : text.replace('\r', ' ').replace('\n', ' ');
    }

    /** Safe, and cut to the target's field length. */
    public static String safe(String text, int maxLength) {
        String safe = safe(text);
        return safe.length() <= maxLength ? safe : safe.substring(0, maxLength);
    }
}
