package org.ledgerbridge.imis;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The order an export's lines are taken in: batch, transaction, line number (numbers compared as
 * numbers), then the row of the file. An export already in that order streams a line at a time;
 * any other (sorted by account, by date, shuffled) is sorted first: in memory up to a bound, past
 * it in sorted runs on disk that are merged. Either way the same lines give the same journals in
 * the same order, so a shuffled export converts to the very bytes of the sorted one.
 */
final class TransactionOrder {

    /**
     * Lines held in memory before sorted runs go to disk: about 230 bytes each once the texts an
     * export repeats are kept once (measured at a million lines), so half the heap.
     */
    static final int IN_MEMORY = (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 2 / 250);

    private static final Comparator<String> NUMBERS_AS_NUMBERS = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (isDigits(a) && isDigits(b)) {
            int x = leadingZeros(a);
            int y = leadingZeros(b);
            int byLength = Integer.compare(a.length() - x, b.length() - y);
            if (byLength != 0) {
                return byLength;
            }
            for (int i = x, j = y; i < a.length(); i++, j++) {
                if (a.charAt(i) != b.charAt(j)) {
                    return Character.compare(a.charAt(i), b.charAt(j));
                }
            }
            return a.compareTo(b); // 0042 and 42 are two transactions: never mixed
        }
        return a.compareTo(b);
    };

    /** A transaction's key and its line number: lines with the same key may come in any row order. */
    static final Comparator<ImisLine> KEY = Comparator.comparing(ImisLine::batch, NUMBERS_AS_NUMBERS)
            .thenComparing(ImisLine::transaction, NUMBERS_AS_NUMBERS)
            .thenComparingLong(ImisLine::lineNumber);

    static final Comparator<ImisLine> LINES = KEY.thenComparingLong(ImisLine::row);

    private TransactionOrder() {
    }

    /** A line came before the one read ahead of it: the export must be sorted. */
    static final class NotInOrder extends RuntimeException {
        NotInOrder() {
            super(null, null, false, false);
        }
    }

    /** Passes each line on while they come in transaction order; throws {@link NotInOrder} at the first that does not. */
    static Consumer<ImisLine> checked(Consumer<ImisLine> each) {
        return new Consumer<>() {
            private ImisLine previous;

            @Override
            public void accept(ImisLine line) {
                if (previous != null && KEY.compare(previous, line) > 0) {
                    throw new NotInOrder();
                }
                previous = line;
                each.accept(line);
            }
        };
    }

    /**
     * Collects lines and gives them back in transaction order. Every {@link #CHUNK} lines are sorted
     * on a thread of their own while the next are read; a sorted chunk stays in memory while
     * {@code inMemory} lines allow it and goes to a run on disk past that; the chunks and runs are
     * merged at the end.
     */
    static final class Sorter implements AutoCloseable {
        static final int CHUNK = 1 << 17;
        private final int inMemory;
        private final int chunk;
        private final List<Future<Source>> sources = new ArrayList<>();
        private final List<Path> runs = java.util.Collections.synchronizedList(new ArrayList<>());
        private final ExecutorService sorting = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "imis-sort");
            t.setDaemon(true);
            return t;
        });
        private List<Keyed> lines = new ArrayList<>();
        private long kept;
        // an export repeats its batches, dates, entities, accounts, products and customers: each kept once
        private final Shared<String> batches = new Shared<>(1_000);
        private final Shared<String> transactions = new Shared<>(0); // a transaction's few lines come apart: not worth a lookup
        private final Shared<LocalDate> dates = new Shared<>(10_000);
        private final Shared<String> types = new Shared<>(1_000);
        private final Shared<String> sourceSystems = new Shared<>(1_000);
        private final Shared<String> customers = new Shared<>(200_000);
        private final Shared<String> references = new Shared<>(10_000);
        private final Shared<String> products = new Shared<>(10_000);
        private final Shared<String> descriptions = new Shared<>(10_000);
        private final Shared<String> entities = new Shared<>(1_000);
        private final Shared<String> accounts = new Shared<>(10_000);

        Sorter(int inMemory, int chunk) {
            this.inMemory = inMemory;
            this.chunk = chunk;
        }

        void add(ImisLine line) {
            lines.add(kept(line));
            if (lines.size() == chunk) {
                handOver();
            }
        }

        /** The line as it is kept: its texts shared with the lines before it. */
        private Keyed kept(ImisLine line) {
            return Keyed.of(new ImisLine(line.row(), batches.of(line.batch()), transactions.of(line.transaction()), line.lineNumber(),
                    dates.of(line.date()), types.of(line.type()), sourceSystems.of(line.sourceSystem()), customers.of(line.customerId()),
                    references.of(line.invoiceReference()), products.of(line.productCode()), descriptions.of(line.description()),
                    entities.of(line.entity()), accounts.of(line.account()), line.amount()));
        }

        /** One column's values, each kept once up to a bound (past it, new values are kept as they come). */
        private static final class Shared<T> {
            private final int bound;
            private final java.util.Map<T, T> values = new java.util.HashMap<>();

            Shared(int bound) {
                this.bound = bound;
            }

            T of(T value) {
                if (bound == 0) {
                    return value;
                }
                T known = values.size() < bound ? values.putIfAbsent(value, value) : values.get(value);
                return known == null ? value : known;
            }
        }

        private void handOver() {
            Keyed[] sorted = lines.toArray(Keyed[]::new);
            lines = new ArrayList<>();
            boolean keep = kept + sorted.length <= inMemory;
            if (keep) {
                kept += sorted.length;
            }
            sources.add(sorting.submit(() -> {
                java.util.Arrays.sort(sorted, Keyed::compare);
                return keep ? new InMemory(sorted) : spill(sorted);
            }));
        }

        /** Every line collected, in transaction order. */
        void drainTo(Consumer<ImisLine> each) {
            handOver();
            sorting.shutdown();
            PriorityQueue<Source> heads = new PriorityQueue<>((a, b) -> Keyed.compare(a.head(), b.head()));
            try {
                for (Future<Source> source : sources) {
                    Source sorted = source.get();
                    if (sorted.next()) {
                        heads.add(sorted);
                    } else {
                        sorted.close();
                    }
                }
                while (!heads.isEmpty()) {
                    Source source = heads.poll();
                    each.accept(source.head().line());
                    if (source.next()) {
                        heads.add(source);
                    } else {
                        source.close();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof UncheckedIOException u ? u : new IllegalStateException(e.getCause());
            } finally {
                heads.forEach(Source::close);
            }
        }

        private Source spill(Keyed[] sorted) {
            try {
                Path run = Files.createTempFile("ledgerbridge-imis-run", ".bin");
                runs.add(run);
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                    for (Keyed line : sorted) {
                        write(out, line.line());
                    }
                }
                return new Run(run);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            sorting.shutdownNow();
            try {
                sorting.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Path run : runs) {
                try {
                    Files.deleteIfExists(run);
                } catch (IOException ignored) {
                    // a temporary file left behind names itself
                }
            }
        }
    }

    /** Sorted lines, one at a time: a chunk in memory or a run on disk. */
    private interface Source {
        boolean next();

        Keyed head();

        default void close() {
        }
    }

    private static final class InMemory implements Source {
        private final Keyed[] lines;
        private int at = -1;

        InMemory(Keyed[] lines) {
            this.lines = lines;
        }

        @Override
        public boolean next() {
            if (at >= 0) {
                lines[at] = null; // given out: garbage now
            }
            return ++at < lines.length;
        }

        @Override
        public Keyed head() {
            return lines[at];
        }
    }

    /**
     * A line with its batch and transaction as numbers when they are plain numbers (no leading
     * zero, at most 18 digits, as iMIS writes them): compared without looking at the text.
     */
    private record Keyed(ImisLine line, long batch, long transaction, boolean numeric) {

        static Keyed of(ImisLine line) {
            long batch = plainNumber(line.batch());
            long transaction = plainNumber(line.transaction());
            return new Keyed(line, batch, transaction, batch >= 0 && transaction >= 0);
        }

        static int compare(Keyed a, Keyed b) {
            if (!a.numeric || !b.numeric) {
                return LINES.compare(a.line, b.line);
            }
            int c = Long.compare(a.batch, b.batch);
            if (c == 0) {
                c = Long.compare(a.transaction, b.transaction);
            }
            if (c == 0) {
                c = Long.compare(a.line.lineNumber(), b.line.lineNumber());
            }
            return c != 0 ? c : Long.compare(a.line.row(), b.line.row());
        }

        /** The number a text of digits is, or -1. */
        private static long plainNumber(String text) {
            if (text.isEmpty() || text.length() > 18 || (text.charAt(0) == '0' && text.length() > 1) || !isDigits(text)) {
                return -1;
            }
            return Long.parseLong(text);
        }
    }

    /** One sorted run on disk, read a line at a time. */
    private static final class Run implements Source {
        private final Path path;
        private DataInputStream in;
        private Keyed head;

        Run(Path path) {
            this.path = path;
        }

        @Override
        public boolean next() {
            try {
                if (in == null) {
                    in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
                }
                head = Keyed.of(read(in));
                return true;
            } catch (EOFException end) {
                head = null;
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Keyed head() {
            return head;
        }

        @Override
        public void close() {
            try {
                if (in != null) {
                    in.close();
                }
            } catch (IOException ignored) {
                // read to the end already
            }
        }
    }

    private static void write(DataOutputStream out, ImisLine line) throws IOException {
        out.writeLong(line.row());
        text(out, line.batch());
        text(out, line.transaction());
        out.writeLong(line.lineNumber());
        out.writeLong(line.date().toEpochDay());
        for (String text : new String[]{line.type(), line.sourceSystem(), line.customerId(), line.invoiceReference(),
                line.productCode(), line.description(), line.entity(), line.account(), line.amount().toString()}) {
            text(out, text);
        }
    }

    private static ImisLine read(DataInputStream in) throws IOException {
        long row = in.readLong();
        String batch = text(in);
        String transaction = text(in);
        long lineNumber = in.readLong();
        LocalDate date = LocalDate.ofEpochDay(in.readLong());
        return new ImisLine(row, batch, transaction, lineNumber, date, text(in), text(in), text(in), text(in), text(in), text(in),
                text(in), text(in), new BigDecimal(text(in)));
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int leadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return i;
    }
}
