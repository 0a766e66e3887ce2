package org.ledgerbridge.imis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Collects lines and gives them back in transaction order. Every {@link #CHUNK} lines are sorted
 * on a thread of their own while the next are read; a sorted chunk stays in memory while
 * {@code inMemory} lines allow it and goes to a run on disk past that; the chunks and runs are
 * merged at the end.
 */
final class LineSorter implements AutoCloseable {

    /**
     * Lines held in memory before sorted runs go to disk: about 230 bytes each once the texts an
     * export repeats are kept once (measured at a million lines), so half the heap.
     */
    static final int IN_MEMORY = (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 2 / 250);

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

    LineSorter(int inMemory, int chunk) {
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
            return SortedRun.write(run, sorted);
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

    /** Sorted lines, one at a time: a chunk in memory or a run on disk. */
    interface Source {
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
    record Keyed(ImisLine line, long batch, long transaction, boolean numeric) {

        static Keyed of(ImisLine line) {
            long batch = plainNumber(line.batch());
            long transaction = plainNumber(line.transaction());
            return new Keyed(line, batch, transaction, batch >= 0 && transaction >= 0);
        }

        static int compare(Keyed a, Keyed b) {
            if (!a.numeric || !b.numeric) {
                return TransactionOrder.LINES.compare(a.line, b.line);
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
            if (text.isEmpty() || text.length() > 18 || (text.charAt(0) == '0' && text.length() > 1) || !TransactionOrder.isDigits(text)) {
                return -1;
            }
            return Long.parseLong(text);
        }
    }
}
