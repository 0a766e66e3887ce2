package org.ledgerbridge.delivery.formats;

import java.io.IOException;
import java.io.Writer;

/** RFC 4180 quoting for the CSV layouts: a field is quoted when it holds a comma, quote or line break. */
final class CsvLine {

    private CsvLine() {
    }

    static void write(Writer out, Object... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String field = fields[i] == null ? "" : fields[i] instanceof java.math.BigDecimal amount ? amount.toPlainString()
                    : fields[i].toString();
            if (needsQuotes(field)) {
                out.write('"');
                out.write(field.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(field);
            }
        }
        out.write("\r\n");
    }

    private static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
