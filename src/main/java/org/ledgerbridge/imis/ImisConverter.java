package org.ledgerbridge.imis;

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

    public static Conversion convert(Path file, Set<String> batches, GlFormat format, ImisSummary level, String namePattern,
                                     ImisChart chart, MappingProfile mapping, Path outDir, ProgressListener progress) {
        RowErrors errors = new RowErrors();
        AutoBatches autoBatches = new AutoBatches(batches, chart);
        try {
            ImisFile.read(file, mapping, errors, progress, autoBatches::accept);
        } catch (IOException e) {
            return new Rejected(List.of(new RowProblem(0, null, "FILE_UNREADABLE", "cannot read " + file + ": " + e.getMessage())));
        }
        List<RowProblem> problems = new ArrayList<>(errors.errors());
        problems.addAll(autoBatches.problems());
        if (!problems.isEmpty()) {
            problems.sort((a, b) -> Long.compare(a.row(), b.row()));
            return new Rejected(problems);
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(outDir);
            List<FileReport> reports = new ArrayList<>();
            for (String batch : new TreeSet<>(autoBatches.batches())) {
                String batchName = BatchService.nameFor(namePattern, Long.parseLong(batch.replaceAll("\\D", "0")));
                Map<String, List<GlJournal>> journals = autoBatches.journals(batch, level);
                GlFiles files = new GlFiles(format, new Folder(outDir, written), (entity, part, capped) -> entity + "_" + batchName
                        + (part > 1 ? "_" + part : "") + "." + format.extension(), entity -> chartOf(journals.get(entity)));
                for (List<GlJournal> entityJournals : journals.values()) {
                    for (GlJournal journal : entityJournals) {
                        var refusal = files.write(journal);
                        if (refusal.isPresent()) {
                            deleteAll(written);
                            return new Rejected(List.of(new RowProblem(0, null, refusal.get().code(), refusal.get().message())));
                        }
                    }
                }
                for (GlExport.ManifestEntry entry : files.finish()) {
                    reports.add(new FileReport(entry.entity(), batchName, entry.file(), entry.lines(), entry.debit(), entry.credit()));
                }
            }
            for (Path part : written) {
                Files.move(part, partTarget(part), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Converted(reports, autoBatches.selectedLines(), autoBatches.skippedLines(), autoBatches.interEntity());
        } catch (IOException | UncheckedIOException e) {
            deleteAll(written);
            return new Rejected(List.of(new RowProblem(0, null, "OUTPUT_UNWRITABLE", "cannot write into " + outDir + ": " + e.getMessage())));
        }
    }

    /** The accounts a file uses, for formats that declare them first. */
    private static List<GlFormat.ChartAccount> chartOf(List<GlJournal> journals) {
        Map<String, GlFormat.ChartAccount> accounts = new LinkedHashMap<>();
        if (journals != null) {
            journals.forEach(j -> j.lines().forEach(l -> accounts.putIfAbsent(l.account(),
                    new GlFormat.ChartAccount(l.account(), l.account(), l.kind()))));
        }
        return List.copyOf(accounts.values());
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
            return Files.newBufferedWriter(part, StandardCharsets.UTF_8);
        }

        @Override
        public void close(String fileName, Writer writer) throws IOException {
            writer.close();
        }
    }
}
