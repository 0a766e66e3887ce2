package org.ledgerbridge.imis;

import org.ledgerbridge.delivery.GlRule;
import org.ledgerbridge.delivery.GlExport;
import org.ledgerbridge.delivery.GlFiles;
import org.ledgerbridge.delivery.GlFormat;
import org.ledgerbridge.delivery.GlJournal;
import org.ledgerbridge.imports.MappingProfile;
import org.ledgerbridge.imports.ProgressListener;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.RowProblem;
import org.ledgerbridge.ledger.BatchService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * `convert imis`: the iMIS auto-batch export in, one GL import file per financial entity and
 * batch out ({@code <ENTITY>_<BATCH NAME>.<ext>}), each balancing on its own. Nothing is written
 * when the file is refused; files are written beside their names and moved into place at the end.
 * No database is needed.
 */
public final class ImisConverter {

    private ImisConverter() {
    }

    /** A file written, as the report lists it. */
    public record FileReport(String entity, String batch, String file, long lines, BigDecimal debit, BigDecimal credit) {
    }

    public sealed interface Conversion permits Converted, Rejected {
    }

    /**
     * @param interEntity amounts per pair of entities: "PSAB -> BMC" 500.00 means PSAB received 500.00 that belongs to BMC
     */
    public record Converted(List<FileReport> files, long linesConverted, long linesSkipped, Map<String, BigDecimal> interEntity)
            implements Conversion {
    }

    public record Rejected(List<RowProblem> errors) implements Conversion {
    }

    /**
     * Converts the chosen batches. An export in transaction order (batch, transaction, line) is
     * converted as it is read; at the first line out of that order, what was written is dropped
     * and the export is read again and sorted (see {@link TransactionOrder}): the same files either way.
     */
    public static Conversion convert(Path file, Set<String> batches, GlFormat format, ImisSummary level, String namePattern,
                                     ImisChart chart, MappingProfile mapping, Path outDir, ProgressListener progress) {
        try {
            return convert(file, batches, format, level, namePattern, chart, mapping, outDir, progress, false);
        } catch (TransactionOrder.NotInOrder notSorted) {
            return convert(file, batches, format, level, namePattern, chart, mapping, outDir, progress, true);
        }
    }

    private static Conversion convert(Path file, Set<String> batches, GlFormat format, ImisSummary level, String namePattern,
                                      ImisChart chart, MappingProfile mapping, Path outDir, ProgressListener progress, boolean sort) {
        RowErrors errors = new RowErrors();
        List<Path> written = new ArrayList<>();
        Writers writers = new Writers(format, namePattern, chart, outDir, written);
        AutoBatches autoBatches = new AutoBatches(batches, chart, level, writers::journal);
        try {
            Files.createDirectories(outDir);
            if (sort) {
                try (LineSorter sorter = new LineSorter(LineSorter.IN_MEMORY, LineSorter.CHUNK)) {
                    ImisFile.read(file, mapping, errors, progress, line -> {
                        if (autoBatches.wants(line.batch())) {
                            sorter.add(line);
                        } else {
                            autoBatches.accept(line); // counted as skipped
                        }
                    });
                    sorter.drainTo(autoBatches::accept);
                }
            } else {
                ImisFile.read(file, mapping, errors, progress, TransactionOrder.checked(autoBatches::accept));
            }
            autoBatches.finish();
            List<FileReport> reports = writers.finish();
            List<RowProblem> problems = new ArrayList<>(errors.errors());
            problems.addAll(autoBatches.problems(errors.any()));
            if (writers.refusal != null) {
                problems.add(new RowProblem(0, null, writers.refusal.code(), writers.refusal.message()));
            }
            for (Path part : written) {
                if (Files.exists(partTarget(part))) {
                    problems.add(new RowProblem(0, null, GlRule.OUTPUT_EXISTS, partTarget(part) + " exists; a conversion never overwrites a "
                            + "file: choose another output folder or remove it"));
                }
            }
            if (!problems.isEmpty()) {
                deleteAll(written);
                problems.sort((a, b) -> Long.compare(a.row(), b.row()));
                return new Rejected(problems);
            }
            for (Path part : written) {
                Files.move(part, partTarget(part), StandardCopyOption.ATOMIC_MOVE);
            }
            return new Converted(reports, autoBatches.selectedLines(), autoBatches.skippedLines(), autoBatches.interEntity());
        } catch (TransactionOrder.NotInOrder notSorted) {
            writers.abandon();
            deleteAll(written);
            throw notSorted;
        } catch (IOException | UncheckedIOException e) {
            writers.abandon();
            deleteAll(written);
            return new Rejected(List.of(new RowProblem(0, null, ImisRule.FILE_UNREADABLE_OR_OUTPUT_UNWRITABLE, e.getMessage())));
        }
    }

    /**
     * The files of a conversion: one per batch and entity, written by a thread of their own while
     * the next lines are read (the two cores overlap), in the order the journals come.
     */
    private static final class Writers {
        private final GlFormat format;
        private final String namePattern;
        private final ImisChart chart;
        private final Path outDir;
        private final List<Path> written;
        private final Map<String, GlFiles> files = new LinkedHashMap<>();
        private final java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "imis-writer");
            t.setDaemon(true);
            return t;
        });
        // journals go to the writer thread in bundles: one hand-over per journal costs more than writing it
        private static final int BUNDLE = 512;
        private final java.util.concurrent.Semaphore queued = new java.util.concurrent.Semaphore(16);
        private List<Object[]> bundle = new ArrayList<>(BUNDLE);
        private volatile GlExport.Refused refusal;
        private volatile RuntimeException failure;

        Writers(GlFormat format, String namePattern, ImisChart chart, Path outDir, List<Path> written) {
            this.format = format;
            this.namePattern = namePattern;
            this.chart = chart;
            this.outDir = outDir;
            this.written = written;
        }

        void journal(String batch, GlJournal journal) {
            bundle.add(new Object[]{batch, journal});
            if (bundle.size() == BUNDLE) {
                handOver();
            }
        }

        private void handOver() {
            List<Object[]> journals = bundle;
            bundle = new ArrayList<>(BUNDLE);
            queued.acquireUninterruptibly();
            thread.execute(() -> {
                try {
                    for (Object[] entry : journals) {
                        if (refusal != null || failure != null) {
                            break;
                        }
                        write((String) entry[0], (GlJournal) entry[1]);
                    }
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    queued.release();
                }
            });
        }

        private final Map<String, String> batchNames = new java.util.HashMap<>();

        private void write(String batch, GlJournal journal) {
            String batchName = batchNames.computeIfAbsent(batch,
                    b -> BatchService.nameFor(namePattern, Long.parseLong(b.replaceAll("\\D", "0"))));
            GlFiles entityFiles = files.computeIfAbsent(batchName + "\u0000" + journal.entity(), k -> new GlFiles(format,
                    new Folder(outDir, written), (entity, part, capped) -> entity + "_" + batchName + (part > 1 ? "_" + part : "") + "."
                    + format.extension(), entity -> chart.accountsOf(entity)));
            entityFiles.write(journal).ifPresent(refused -> refusal = refused);
        }

        /** Waits for the writer, finishes every file, and lists them. */
        List<FileReport> finish() {
            handOver();
            thread.shutdown();
            try {
                if (!thread.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS)) {
                    throw new IllegalStateException("the files were not written within an hour");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (failure != null) {
                throw failure;
            }
            List<FileReport> reports = new ArrayList<>();
            files.forEach((key, entityFiles) -> {
                String batchName = key.substring(0, key.indexOf('\u0000'));
                for (GlExport.ManifestEntry entry : entityFiles.finish()) {
                    reports.add(new FileReport(entry.entity(), batchName, entry.file(), entry.lines(), entry.debit(), entry.credit()));
                }
            });
            reports.sort(java.util.Comparator.comparing(FileReport::batch).thenComparing(FileReport::entity));
            return reports;
        }

        /** Stops the writer and waits for it, so that no file appears after its parts were deleted. */
        void abandon() {
            thread.shutdownNow();
            try {
                thread.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Path partTarget(Path part) {
        String name = part.getFileName().toString();
        return part.resolveSibling(name.substring(1, name.length() - ".part".length()));
    }

    private static void deleteAll(List<Path> written) {
        for (Path path : written) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a stray .part file names itself
            }
        }
    }

    /** Files in a folder, written as hidden ".NAME.part" until all are complete. */
    private record Folder(Path dir, List<Path> written) implements GlFiles.Sink {
        @Override
        public Writer open(String fileName) throws IOException {
            Path part = dir.resolve("." + fileName + ".part");
            written.add(part);
            return new java.io.BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(part), StandardCharsets.UTF_8), 1 << 16);
        }

        @Override
        public void close(String fileName, Writer writer) throws IOException {
            writer.close();
        }
    }
}
