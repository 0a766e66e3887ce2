package org.ledgerbridge.storage;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Streams rows into a table with PostgreSQL's COPY, in chunks: memory stays bounded however
 * large the file, and between chunks the transaction's connection is free for other statements.
 * Must be used inside a transaction: the rows become visible only when it commits.
 */
public final class CopyWriter implements AutoCloseable {

    private static final int CHUNK_BYTES = 4 << 20;

    private final DataSource dataSource;
    private final String copySql;
    private final StringBuilder buffer = new StringBuilder(CHUNK_BYTES + 4096);
    private long rows;

    /** @param table the table and its columns, e.g. {@code party (party_id, name, kind, entity_code)} */
    public CopyWriter(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.copySql = "COPY " + table + " FROM STDIN";
    }

    public CopyWriter row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            appendValue(values[i]);
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= CHUNK_BYTES) {
            flush();
        }
        return this;
    }

    public long rows() {
        return rows;
    }

    public void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new ByteArrayInputStream(bytes));
            buffer.setLength(0);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into " + copySql + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    @Override
    public void close() {
        flush();
    }

    private void appendValue(Object value) {
        if (value == null) {
            buffer.append("\\N");
            return;
        }
        if (value instanceof BigDecimal amount) {
            buffer.append(amount.toPlainString());
            return;
        }
        if (value instanceof LocalDate || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            buffer.append(value);
            return;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }
}
