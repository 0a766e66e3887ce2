package org.ledgerbridge.imports;

import java.util.Map;
import java.util.regex.Pattern;

/** The rules of a key column (a code, an id, a number): the characters it may hold, unique in the file and the ledger. */
public final class KeyRules {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]+");

    private KeyRules() {
    }

    /** A required code: letters, digits, '_', '.', '-'; codes end up in GL files and file names. */
    public static String code(SourceRow row, String column, int maxLength, RowErrors errors) {
        String value = Cells.required(row, column, maxLength, errors);
        if (value != null && !CODE.matcher(value).matches()) {
            errors.error(column, ImportRule.INVALID_CODE, "'" + value + "' may hold only letters, digits, '_', '.' and '-'");
            return null;
        }
        return value;
    }

    /**
     * DUPLICATE_IN_FILE when an earlier row had the key, ALREADY_EXISTS when the ledger has it.
     * {@code seen} remembers the first row of each key.
     */
    public static void uniqueInLedgerAndFile(String key, String what, boolean inLedger, Map<String, Long> seen, SourceRow row,
                                      String column, RowErrors errors) {
        Long first = seen.putIfAbsent(key, row.number());
        if (first != null) {
            errors.error(column, ImportRule.DUPLICATE_IN_FILE, what + " appears again; first on row " + first);
        } else if (inLedger) {
            errors.error(column, ImportRule.ALREADY_EXISTS, what + " is already in the ledger");
        }
    }
}
