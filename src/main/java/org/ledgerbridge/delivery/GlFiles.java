package org.ledgerbridge.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes journals into one file per entity in a format, starting a new file before the format's
 * line cap (never inside a journal) and refusing a journal the format cannot take. Journals arrive
 * grouped by entity. Used by the GL export (files in a ZIP) and the iMIS converter (files in a folder).
 */
public final class GlFiles {

    /** Where the files go. */
    public interface Sink {
        Writer open(String fileName) throws IOException;

        void close(String fileName, Writer writer) throws IOException;
    }

    /** The file name of an entity's file; {@code part} is 1 unless the format caps lines per file. */
    public interface Naming {
        String fileName(String entity, int part, boolean capped);
    }

    private final GlFormat format;
    private final Sink sink;
    private final Naming naming;
    private final Function<String, List<GlFormat.ChartAccount>> charts;
    private final List<GlExport.ManifestEntry> manifest = new ArrayList<>();
    private Writer out;
    private String entity;
    private String fileName;
    private int part;
    private int sequence;
    private long journals;
    private long lines;
    private long totalLines;
    private BigDecimal debit = BigDecimal.ZERO;
    private BigDecimal credit = BigDecimal.ZERO;
    private final java.util.Map<String, GlFormat.ChartAccount> used = new java.util.LinkedHashMap<>();
    private java.util.Set<String> declared = java.util.Set.of();

    public GlFiles(GlFormat format, Sink sink, Naming naming, Function<String, List<GlFormat.ChartAccount>> charts) {
        this.format = format;
        this.sink = sink;
        this.naming = naming;
        this.charts = charts;
    }

    /** Writes the journal; a refusal means nothing more should be written. */
    public Optional<GlExport.Refused> write(GlJournal journal) {
        if (journal.lines().isEmpty()) {
            return Optional.empty(); // a summary whose lines cancel out leaves nothing to import
        }
        if (format.maxLinesPerJournal() > 0 && journal.lines().size() > format.maxLinesPerJournal()) {
            return Optional.of(new GlExport.Refused(GlRule.JOURNAL_TOO_LONG_FOR_FORMAT, "journal " + journal.reference() + " of "
                    + journal.entity() + " has " + journal.lines().size() + " lines; " + format.name() + " takes at most "
                    + format.maxLinesPerJournal() + " per entry (summarise, or choose another format)"));
        }
        try {
            if (!journal.entity().equals(entity)) {
                closeFile();
                entity = journal.entity();
                part = 1;
                openFile();
            } else if (format.maxLinesPerFile() > 0 && lines > 0 && lines + journal.lines().size() > format.maxLinesPerFile()) {
                closeFile();
                part++;
                openFile();
            }
            try {
                format.journal(out, journal, ++sequence);
            } catch (IllegalArgumentException notValidForTarget) {
                return Optional.of(new GlExport.Refused(GlRule.NOT_VALID_FOR_FORMAT, "journal " + journal.reference() + " of "
                        + journal.entity() + " cannot be written as " + format.name() + ": " + notValidForTarget.getMessage()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (GlJournal.Line line : journal.lines()) {
            if (!declared.contains(line.account())) {
                used.putIfAbsent(line.account(), new GlFormat.ChartAccount(line.account(), line.account(), line.kind()));
            }
        }
        journals++;
        lines += journal.lines().size();
        totalLines += journal.lines().size();
        debit = debit.add(journal.debit());
        credit = credit.add(journal.credit());
        return Optional.empty();
    }

    /** Finishes the last file; the manifest of every file written. */
    public List<GlExport.ManifestEntry> finish() {
        try {
            closeFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(manifest);
    }

    public long totalLines() {
        return totalLines;
    }

    private void openFile() throws IOException {
        fileName = naming.fileName(entity, part, format.maxLinesPerFile() > 0);
        out = sink.open(fileName);
        sequence = 0;
        journals = 0;
        lines = 0;
        debit = BigDecimal.ZERO;
        credit = BigDecimal.ZERO;
        List<GlFormat.ChartAccount> chart = charts.apply(entity);
        declared = new java.util.HashSet<>();
        chart.forEach(a -> declared.add(a.code()));
        used.clear();
        format.header(out, entity, chart);
    }

    private void closeFile() throws IOException {
        if (out == null) {
            return;
        }
        format.footer(out, List.copyOf(used.values()));
        out.flush();
        sink.close(fileName, out);
        manifest.add(new GlExport.ManifestEntry(entity, fileName, journals, lines, debit, credit));
        out = null;
    }
}
