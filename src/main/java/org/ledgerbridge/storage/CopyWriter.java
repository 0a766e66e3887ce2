package org.ledgerbridge.storage;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Streams rows into a table with PostgreSQL's COPY, in chunks of a few MB: memory stays bounded
 * however large the file. Must be used inside a transaction: rows become visible when it commits.
 *
 * <p>Chunks are sent by one background thread per transaction, in the order they are handed
 * over, while the caller goes on reading and validating the next rows: on two cores the parsing
 * and the database's work overlap. Every writer of the transaction shares that thread, so a
 * chunk of documents always reaches the database before a later chunk of their applications.
 * {@link #close()} waits until everything was sent; use the connection for other statements only
 * after that.
 */
public final class CopyWriter implements AutoCloseable {

    private static final int CHUNK_BYTES = 4 << 20;

    private final DataSource dataSource;
    private final String copySql;
    private final Runnable beforeFlush;
    // the rows in COPY's text format, UTF-8; taken at the first row, then swapped for a recycled
    // one at each flush: a new 4 MB array per chunk (and two copies of it) was a "humongous"
    // allocation that started a concurrent GC cycle every few chunks (5 s of GC threads' CPU in a
    // 1,000,000-payment import)
    private byte[] buffer;
    private int length;
    private long rows;

    /** @param table the table and its columns, e.g. {@code party (party_id, name, kind, entity_code)} */
    public CopyWriter(DataSource dataSource, String table) {
        this(dataSource, table, () -> { });
    }

    /** @param beforeFlush runs before each chunk is handed over, e.g. to send the rows this one refers to first */
    public CopyWriter(DataSource dataSource, String table, Runnable beforeFlush) {
        this.dataSource = dataSource;
        this.copySql = "COPY " + table + " FROM STDIN";
        this.beforeFlush = beforeFlush;
    }

    public CopyWriter row(Object... values) {
        rowInGroup(values);
        endGroup();
        return this;
    }

    /**
     * A row that must reach the database in the same COPY statement as the rows around it (the
     * lines of one journal: the database checks each statement's journals balance). Call
     * {@link #endGroup()} after the group's last row.
     */
    public CopyWriter rowInGroup(Object... values) {
        if (buffer == null) {
            buffer = new byte[CHUNK_BYTES + (64 << 10)];
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                appendByte('\t');
            }
            appendValue(values[i]);
        }
        appendByte('\n');
        rows++;
        return this;
    }

    /** A chunk may end here. */
    public void endGroup() {
        if (length >= CHUNK_BYTES) {
            flush();
        }
    }

    public long rows() {
        return rows;
    }

    /** Hands the buffered rows to the transaction's COPY thread. */
    public void flush() {
        if (length == 0) {
            return;
        }
        beforeFlush.run();
        Sender sender = Sender.of(dataSource);
        byte[] chunk = buffer;
        int chunkLength = length;
        buffer = sender.recycledBuffer(chunk.length);
        length = 0;
        sender.send(copySql, chunk, chunkLength);
    }

    /**
     * Waits until every chunk handed over so far (by any writer of the transaction) is in the
     * database, so that the caller may use the connection for other statements.
     */
    public void awaitSent() {
        Sender.of(dataSource).awaitAll();
    }

    /** Sends what is left and waits until the database has every row of the transaction's writers. */
    @Override
    public void close() {
        flush();
        Sender.of(dataSource).awaitAll();
    }

    private void appendValue(Object value) {
        if (value == null) {
            appendByte('\\');
            appendByte('N');
        } else if (value instanceof BigDecimal amount && amount.scale() >= 0 && amount.scale() <= 18 && amount.precision() <= 18) {
            ensureRoom(CopyDigits.MAX_LENGTH);
            length = CopyDigits.decimal(buffer, length, CopyDigits.unscaled(amount), amount.scale());
        } else if (value instanceof BigDecimal amount) {
            appendAscii(amount.toPlainString());
        } else if (value instanceof Long || value instanceof Integer) {
            ensureRoom(CopyDigits.MAX_LENGTH);
            length = CopyDigits.decimal(buffer, length, ((Number) value).longValue(), 0);
        } else if (value instanceof LocalDate date && date.getYear() >= 1000 && date.getYear() <= 9999) {
            ensureRoom(CopyDigits.MAX_LENGTH);
            length = CopyDigits.date(buffer, length, date);
        } else if (value instanceof LocalDate || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            appendAscii(value.toString());
        } else {
            appendText(value.toString());
        }
    }

    /** Text as COPY reads it: backslash, tab, newline and carriage return escaped, UTF-8. */
    private void appendText(String text) {
        int n = text.length();
        ensureRoom(2 * n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) { // rare: encode the whole value; UTF-8's multi-byte sequences never hold an ASCII byte
                appendEscapedUtf8(text.getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        for (int i = 0; i < n; i++) {
            appendEscaped((byte) text.charAt(i));
        }
    }

    private void appendEscapedUtf8(byte[] utf8) {
        ensureRoom(2 * utf8.length);
        for (byte b : utf8) {
            appendEscaped(b);
        }
    }

    private void appendEscaped(byte b) {
        switch (b) {
            case '\\' -> { buffer[length++] = '\\'; buffer[length++] = '\\'; }
            case '\t' -> { buffer[length++] = '\\'; buffer[length++] = 't'; }
            case '\n' -> { buffer[length++] = '\\'; buffer[length++] = 'n'; }
            case '\r' -> { buffer[length++] = '\\'; buffer[length++] = 'r'; }
            default -> buffer[length++] = b;
        }
    }

    /** Numbers, dates, booleans and enum names: ASCII with nothing to escape. */
    private void appendAscii(String text) {
        int n = text.length();
        ensureRoom(n);
        for (int i = 0; i < n; i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
    }

    private void appendByte(char c) {
        ensureRoom(1);
        buffer[length++] = (byte) c;
    }

    private void ensureRoom(int bytes) {
        if (length + bytes > buffer.length) { // a group larger than the slack after the chunk size
            buffer = Arrays.copyOf(buffer, Math.max(length + bytes, buffer.length + (buffer.length >> 1)));
        }
    }

    /** The one COPY thread of a transaction. */
    private static final class Sender {
        private static final int CHUNKS_IN_FLIGHT = 2;

        private final Connection connection;
        private final ExecutorService thread;
        // at most two chunks wait in line: memory stays bounded when the database is the slower side
        private final Semaphore inFlight = new Semaphore(CHUNKS_IN_FLIGHT);
        private Future<?> last;

        private Sender(Connection connection, ExecutorService thread) {
            this.connection = connection;
            this.thread = thread;
        }

        static Sender of(DataSource dataSource) {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                throw new IllegalStateException("a CopyWriter writes inside a transaction");
            }
            Object key = Sender.class.getName() + "@" + System.identityHashCode(dataSource);
            Sender sender = (Sender) TransactionSynchronizationManager.getResource(key);
            if (sender == null) {
                ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "copy-sender");
                    t.setDaemon(true);
                    return t;
                });
                Sender created = new Sender(DataSourceUtils.getConnection(dataSource), executor);
                TransactionSynchronizationManager.bindResource(key, created);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(key);
                        executor.shutdownNow();
                    }
                });
                sender = created;
            }
            return sender;
        }

        // chunk buffers whose rows are in the database, for the writers' next chunks
        private final ConcurrentLinkedQueue<byte[]> recycled = new ConcurrentLinkedQueue<>();

        byte[] recycledBuffer(int size) {
            byte[] buffer = recycled.poll();
            return buffer != null && buffer.length >= size ? buffer : new byte[size];
        }

        synchronized void send(String copySql, byte[] chunk, int length) {
            if (last != null && last.isDone()) {
                get(last); // surface a failed chunk as soon as possible
            }
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending rows to the database", e);
            }
            last = thread.submit(() -> {
                try {
                    copy(copySql, chunk, length);
                    recycled.offer(chunk);
                } finally {
                    inFlight.release();
                }
            });
        }

        synchronized void awaitAll() {
            if (last != null) {
                get(last); // one thread, in order: the last chunk done means all are
            }
        }

        private void copy(String copySql, byte[] chunk, int length) {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn(copySql, new ByteArrayInputStream(chunk, 0, length), 1 << 20);
            } catch (Exception e) {
                String table = copySql.substring("COPY ".length(), copySql.indexOf(' ', "COPY ".length()));
                throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
            }
        }

        private static void get(Future<?> future) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending rows to the database", e);
            }
        }
    }
}
