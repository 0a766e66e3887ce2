package org.ledgerbridge.storage;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the rows of a query with PostgreSQL's {@code COPY (query) TO STDOUT}: the server sends
 * rows without pausing while they are read here, where a cursor stops it every few thousand rows
 * until the client asks for more. A million-line read is a second faster this way, and the
 * server may use parallel workers, which it never does for a cursor.
 *
 * <p>COPY takes no bound parameters. The query's {@code ?} stand for values that travel as bound
 * parameters of {@code quote_literal} and come back as the literals the server quoted; only those
 * are put into the SQL text. They arrive as text: cast them ({@code CAST(? AS date)}); a null
 * parameter arrives as the empty string.
 */
public final class CopyReader {

    /**
     * Takes one row; answers false when it wants no more. The rest is still read, unparsed, and
     * dropped: cancelling a COPY would abort the caller's transaction.
     */
    @FunctionalInterface
    public interface RowHandler {
        boolean row(Row row);
    }

    private CopyReader() {
    }

    /** Reads every row of {@code query} inside the caller's transaction; the number of rows the server sent. */
    public static long read(DataSource dataSource, String query, RowHandler handler, Object... parameters) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a CopyReader reads inside a transaction");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            String copy = "COPY (" + bindAsLiterals(connection, query, parameters) + ") TO STDOUT";
            CopyOut out = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy);
            Row row = new Row();
            long rows = 0;
            boolean reading = true;
            byte[] bytes;
            RuntimeException failed = null;
            while ((bytes = out.readFromCopy()) != null) {
                rows++;
                try {
                    reading = reading && handler.row(row.of(bytes));
                } catch (RuntimeException e) {
                    // the rest is read and dropped before the failure is passed on: a COPY left half-read keeps
                    // the connection busy, and the caller's rollback would wait for it forever
                    failed = e;
                    reading = false;
                }
            }
            if (failed != null) {
                throw failed;
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("reading with COPY failed: " + e.getMessage(), e);
        }
    }

    /**
     * COPY takes no bind parameters: each {@code ?} becomes a literal the server quoted itself
     * ({@code quote_literal}, one round trip), so that the query carries its values wherever it runs
     * (on a Citus cluster the workers run parts of it). A null is passed as the empty string.
     */
    private static String bindAsLiterals(Connection connection, String query, Object[] parameters) throws SQLException {
        List<String> literals = new ArrayList<>(parameters.length);
        if (parameters.length > 0) {
            StringBuilder quote = new StringBuilder("SELECT ");
            for (int i = 1; i <= parameters.length; i++) {
                quote.append(i > 1 ? ", " : "").append("quote_literal(CAST(? AS text))");
            }
            try (PreparedStatement statement = connection.prepareStatement(quote.toString())) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i] == null ? "" : parameters[i].toString());
                }
                try (ResultSet quoted = statement.executeQuery()) {
                    quoted.next();
                    for (int i = 1; i <= parameters.length; i++) {
                        literals.add(quoted.getString(i));
                    }
                }
            }
        }
        StringBuilder sql = new StringBuilder(query.length() + 16 * parameters.length);
        int used = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '?') {
                if (used == literals.size()) {
                    used++;
                    break;
                }
                sql.append(literals.get(used++));
            } else {
                sql.append(c);
            }
        }
        if (used != parameters.length) {
            throw new IllegalArgumentException("the query has " + (used > parameters.length ? "more" : String.valueOf(used))
                    + " parameters, " + parameters.length + " given");
        }
        return sql.toString();
    }

    /**
     * One row in COPY's text format: fields separated by tabs, {@code \N} for null, backslash
     * escapes for backslash, tab, newline and the other control characters. Valid until the next
     * row is read.
     */
    public static final class Row {
        private byte[] bytes;
        private int[] starts = new int[16];
        private int[] ends = new int[16];
        private int fields;

        private Row of(byte[] row) {
            bytes = row;
            fields = 0;
            int start = 0;
            int end = row.length > 0 && row[row.length - 1] == '\n' ? row.length - 1 : row.length;
            for (int i = 0; i <= end; i++) {
                if (i == end || row[i] == '\t') {
                    if (fields == starts.length) {
                        starts = java.util.Arrays.copyOf(starts, fields * 2);
                        ends = java.util.Arrays.copyOf(ends, fields * 2);
                    }
                    starts[fields] = start;
                    ends[fields++] = i;
                    start = i + 1;
                }
            }
            return this;
        }

        public int fields() {
            return fields;
        }

        /** @param column 1-based, as in JDBC */
        public boolean isNull(int column) {
            int s = starts[column - 1];
            return ends[column - 1] - s == 2 && bytes[s] == '\\' && bytes[s + 1] == 'N';
        }

        public String text(int column) {
            if (isNull(column)) {
                return null;
            }
            int s = starts[column - 1];
            int e = ends[column - 1];
            for (int i = s; i < e; i++) {
                if (bytes[i] == '\\') {
                    return unescape(s, e);
                }
            }
            return new String(bytes, s, e - s, StandardCharsets.UTF_8);
        }

        public long longValue(int column) {
            int s = starts[column - 1];
            int e = ends[column - 1];
            boolean negative = bytes[s] == '-';
            long value = 0;
            for (int i = negative ? s + 1 : s; i < e; i++) {
                value = value * 10 + (bytes[i] - '0');
            }
            return negative ? -value : value;
        }

        /** A {@code date} in ISO style (pgjdbc sets DateStyle ISO on every connection). */
        public LocalDate date(int column) {
            if (isNull(column)) {
                return null;
            }
            int s = starts[column - 1];
            if (ends[column - 1] - s != 10) {
                return LocalDate.parse(text(column)); // a year beyond 9999 or before the era
            }
            return LocalDate.of(digits(s, 4), digits(s + 5, 2), digits(s + 8, 2));
        }

        public BigDecimal decimal(int column) {
            if (isNull(column)) {
                return null;
            }
            int s = starts[column - 1];
            char[] chars = new char[ends[column - 1] - s];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) bytes[s + i];
            }
            return new BigDecimal(chars);
        }

        private int digits(int from, int count) {
            int value = 0;
            for (int i = from; i < from + count; i++) {
                value = value * 10 + (bytes[i] - '0');
            }
            return value;
        }

        private String unescape(int s, int e) {
            byte[] out = new byte[e - s];
            int n = 0;
            for (int i = s; i < e; i++) {
                byte b = bytes[i];
                if (b != '\\' || i + 1 == e) {
                    out[n++] = b;
                    continue;
                }
                byte next = bytes[++i];
                out[n++] = switch (next) {
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'v' -> 0x0B;
                    default -> next; // backslash itself; COPY TO writes no other escapes
                };
            }
            return new String(out, 0, n, StandardCharsets.UTF_8);
        }
    }
}
