package org.ledgerbridge.delivery;

/**
 * Text leaving for a spreadsheet or a GL import must not start a formula: a cell beginning with
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
        String flat = text.indexOf('\r') < 0 && text.indexOf('\n') < 0 ? text : text.replace('\r', ' ').replace('\n', ' ');
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' || first == '\n') {
            return "'" + flat;
        }
        return flat;
    }

    /** Safe, and cut to the target's field length. */
    public static String safe(String text, int maxLength) {
        String safe = safe(text);
        return safe.length() <= maxLength ? safe : safe.substring(0, maxLength);
    }
}
