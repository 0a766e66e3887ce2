package org.ledgerbridge.imports;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A downloadable template of every import kind: its header row and one example row, with each
 * column's rules (a comment block above the header of a CSV file, a second sheet of an XLSX
 * workbook). The columns, examples and rules are in {@code import/columns.csv}, read without a
 * ledger (no database is started for `template`); a test holds them equal to each import's own
 * columns. The examples fit the sample ledger.
 */
public final class ImportTemplates {

    public enum Format {
        CSV("text/csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A column of a kind as its template describes it. */
    public record Column(String name, boolean required, String example, String rules) {
    }

    private static final Map<String, List<Column>> KINDS = read();

    private ImportTemplates() {
    }

    /** Every import kind with a template, in the order of the file. */
    public static List<String> kinds() {
        return List.copyOf(KINDS.keySet());
    }

    /** The kind's columns in the order of its file, with example and rules; empty for a kind that does not exist. */
    public static Optional<List<Column>> columns(String kind) {
        return Optional.ofNullable(KINDS.get(kind));
    }

    public static String fileName(String kind, Format format) {
        return kind + "-template." + format.extension();
    }

    /** Writes the template; false when there is no such kind (nothing written). */
    public static boolean write(String kind, Format format, OutputStream out) throws IOException {
        Optional<List<Column>> columns = columns(kind);
        if (columns.isEmpty()) {
            return false;
        }
        if (format == Format.CSV) {
            csv(kind, columns.get(), out);
        } else {
            xlsx(kind, columns.get(), out);
        }
        return true;
    }

    /** Lines starting with # above the header describe the columns; the import skips them. */
    private static void csv(String kind, List<Column> columns, OutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        text.write("# LedgerBridge import template: " + kind + ". Keep the header row, replace the example row with yours;\n");
        text.write("# these lines starting with # may stay or go. Columns:\n");
        for (Column column : columns) {
            text.write("# " + column.name() + " (" + (column.required() ? "required" : "optional") + "): "
                    + column.rules().replace('\n', ' ').replace('"', '\'') + "\n");
        }
        CsvWriter csv = CsvWriter.builder().lineDelimiter(de.siegmar.fastcsv.writer.LineDelimiter.LF).build(text);
        csv.writeRecord(columns.stream().map(Column::name).toList());
        csv.writeRecord(columns.stream().map(Column::example).toList());
        csv.flush();
        text.flush();
    }

    private static void xlsx(String kind, List<Column> columns, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "LedgerBridge", "1.0");
        Worksheet file = workbook.newWorksheet(kind);
        Worksheet rules = workbook.newWorksheet("Columns");
        rules.value(0, 0, "COLUMN");
        rules.value(0, 1, "REQUIRED");
        rules.value(0, 2, "EXAMPLE");
        rules.value(0, 3, "RULES");
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            file.value(0, c, column.name());
            file.value(1, c, column.example()); // as text: a date or code stays as written
            rules.value(c + 1, 0, column.name());
            rules.value(c + 1, 1, column.required() ? "yes" : "no");
            rules.value(c + 1, 2, column.example());
            rules.value(c + 1, 3, column.rules());
        }
        workbook.finish();
    }

    private static Map<String, List<Column>> read() {
        Map<String, List<Column>> kinds = new LinkedHashMap<>();
        try (Reader in = new InputStreamReader(new ClassPathResource("import/columns.csv").getInputStream(), StandardCharsets.UTF_8);
             CsvReader<NamedCsvRecord> rows = CsvReader.builder().ofNamedCsvRecord(in)) {
            for (NamedCsvRecord row : rows) {
                kinds.computeIfAbsent(row.getField("KIND"), k -> new ArrayList<>()).add(new Column(row.getField("COLUMN"),
                        "yes".equals(row.getField("REQUIRED")), row.getField("EXAMPLE"), row.getField("RULES")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the import templates' column descriptions are unreadable", e);
        }
        return kinds;
    }
}
