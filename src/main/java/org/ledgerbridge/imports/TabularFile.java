package org.ledgerbridge.imports;

import org.ledgerbridge.imports.internal.CsvRows;
import org.ledgerbridge.imports.internal.FileFacts;
import org.ledgerbridge.imports.internal.HeaderedRow;
import org.ledgerbridge.imports.internal.XlsxSafety;
import org.ledgerbridge.imports.internal.TabularRows;
import org.ledgerbridge.imports.internal.XlsxRows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV or XLSX file read as rows of canonical columns, streamed: the header matched (missing
 * required columns are errors on row 1, unknown ones warnings), blank and ragged rows reported as
 * errors and skipped. Everything that reads an input file goes through here, the import pipeline
 * and the iMIS converter alike.
 */
public final class TabularFile implements AutoCloseable {

    /** More columns than any import kind has, by far: a header this wide is a wrong or hostile file. */
    static final int MOST_COLUMNS = 1_000;

    private final TabularRows source;
    private final FileFacts facts;
    private final RowErrors errors;
    private final ProgressListener progress;
    private final Long maxRows;
    private final List<String> header;
    private final HeaderedRow row;
    private long rows;

    private TabularFile(TabularRows source, FileFacts facts, RowErrors errors, ProgressListener progress, Long maxRows,
                        List<String> header, Map<String, Integer> positions, MappingProfile mapping) {
        this.source = source;
        this.facts = facts;
        this.errors = errors;
        this.progress = progress;
        this.maxRows = maxRows;
        this.header = header;
        this.row = positions == null ? null : new HeaderedRow(positions, source, mapping);
    }

    /** The raw facts of a file: its SHA-256, encoding, whether it is a workbook. */
    public static String sha256(Path file) throws IOException {
        return FileFacts.of(file).sha256();
    }

    /**
     * Opens the file and matches its header; problems go to {@code errors}. When the header is
     * unusable {@link #next()} returns null at once.
     */
    public static TabularFile open(Path file, List<ImportColumn> columns, MappingProfile mapping, RowErrors errors,
                                   ProgressListener progress, Long maxRows) throws IOException {
        return open(file, FileFacts.of(file), columns, mapping, errors, progress, maxRows);
    }

    /** With the file's facts known already (the pipeline identified the file): one pass over its bytes fewer. */
    static TabularFile open(Path file, FileFacts facts, List<ImportColumn> columns, MappingProfile mapping, RowErrors errors,
                            ProgressListener progress, Long maxRows) throws IOException {
        if (refusedBeforeOpening(file, facts, errors)) {
            return new TabularFile(TabularRows.NONE, facts, errors, progress, maxRows, List.of(), null, mapping);
        }
        TabularRows source;
        if (facts.xlsx()) {
            try {
                source = new XlsxRows(file);
            } catch (IOException | RuntimeException e) {
                errors.errorAt(0, null, ImportRule.MALFORMED_XLSX, "the file is not a readable XLSX workbook: " + e.getMessage());
                return new TabularFile(TabularRows.NONE, facts, errors, progress, maxRows, List.of(), null, mapping);
            }
        } else {
            source = new CsvRows(file, facts);
        }
        try {
            List<String> header = HeaderedRow.trimTrailingEmpty(source.next());
            while (header != null && !header.isEmpty() && header.get(0).startsWith("#")) {
                header = HeaderedRow.trimTrailingEmpty(source.next()); // a template's comment block: what each column takes
            }
            if (header == null || header.stream().allMatch(String::isBlank)) {
                errors.errorAt(1, null, ImportRule.MISSING_HEADER, "the file is empty; the first row must name the columns");
                return new TabularFile(source, facts, errors, progress, maxRows, List.of(), null, mapping);
            }
            if (header.size() > MOST_COLUMNS) {
                errors.errorAt(1, null, ImportRule.TOO_MANY_COLUMNS, "the header has " + header.size() + " columns; an import file has at most "
                        + MOST_COLUMNS);
                return new TabularFile(source, facts, errors, progress, maxRows, List.of(), null, mapping);
            }
            Map<String, Integer> positions = matchHeader(header, columns, mapping, errors);
            return new TabularFile(source, facts, errors, progress, maxRows, header, errors.any() ? null : positions, mapping);
        } catch (TabularRows.MalformedFileException e) {
            errors.errorAt(e.row(), null, facts.xlsx() ? ImportRule.MALFORMED_XLSX : ImportRule.MALFORMED_CSV, "the file cannot be read from row "
                    + e.row() + ": " + e.getMessage());
            return new TabularFile(source, facts, errors, progress, maxRows, List.of(), null, mapping);
        }
    }

    /**
     * The checks made before a file is opened, for the import and for the preview's first rows alike:
     * a text file must be CSV text, a workbook must not be a zip bomb or an attack. True when refused.
     */
    private static boolean refusedBeforeOpening(Path file, FileFacts facts, RowErrors errors) throws IOException {
        if (!facts.xlsx()) {
            return notText(file, facts, errors);
        }
        var unsafe = XlsxSafety.check(file);
        unsafe.ifPresent(problem -> errors.errorAt(0, null, problem.code(), problem.message()));
        return unsafe.isPresent();
    }

    /** A file that is no CSV text in UTF-8 or Windows-1252: one file-level error, with the row where it shows. */
    private static boolean notText(Path file, FileFacts facts, RowErrors errors) throws IOException {
        if (facts.utf16Bom()) {
            errors.errorAt(1, null, ImportRule.UNSUPPORTED_ENCODING, "the file is UTF-16 text; save it as \"CSV UTF-8\" (or a Windows CSV) "
                    + "and import that");
            return true;
        }
        if (facts.nulOffset() >= 0) {
            errors.errorAt(FileFacts.lineAt(file, facts.nulOffset()), null, ImportRule.BINARY_CONTENT, "the file holds a NUL byte (at byte "
                    + facts.nulOffset() + "): it is not a text CSV file, or it was damaged");
            return true;
        }
        if (facts.utf8Bom() && !facts.utf8()) {
            errors.errorAt(FileFacts.lineAt(file, facts.invalidUtf8Offset()), null, ImportRule.INVALID_ENCODING, "the file starts with a UTF-8 "
                    + "byte-order mark but holds bytes that are not UTF-8 (at byte " + facts.invalidUtf8Offset()
                    + "): two encodings were mixed; save it again as \"CSV UTF-8\"");
            return true;
        }
        return false;
    }

    /**
     * The header and the first rows as they stand in the file (cells as text, nothing validated),
     * for a preview screen; an unreadable file gives what could be read.
     */
    public static List<List<String>> firstRows(Path file, int limit) throws IOException {
        FileFacts facts = FileFacts.of(file);
        List<List<String>> rows = new java.util.ArrayList<>();
        // a workbook that would inflate to gigabytes, or a file that is no text, shows no rows here and its error in the report
        if (refusedBeforeOpening(file, facts, new RowErrors())) {
            return rows;
        }
        try (TabularRows source = facts.xlsx() ? new XlsxRows(file) : new CsvRows(file, facts)) {
            List<String> fields;
            while (rows.size() <= limit && (fields = source.next()) != null) {
                if (rows.isEmpty() && !fields.isEmpty() && fields.get(0).startsWith("#")) {
                    continue; // a template's comment block
                }
                rows.add(fields.stream().map(f -> f.length() > 200 ? f.substring(0, 200) + "..." : f).toList());
            }
        } catch (TabularRows.MalformedFileException | IOException | RuntimeException e) {
            // the import itself reports where and why (MALFORMED_CSV, MALFORMED_XLSX)
        }
        return rows;
    }

    public String sha256() {
        return facts.sha256();
    }

    /** Data rows read so far (blank and ragged ones included). */
    public long rows() {
        return rows;
    }

    /**
     * The next well-formed data row, with {@link RowErrors} positioned on it; null at the end of
     * the file (or of what can be read of it: a malformed file is one more error).
     */
    public SourceRow next() {
        if (row == null) {
            return null;
        }
        try {
            List<String> fields;
            while ((fields = source.next()) != null) {
                rows++;
                if (rows % 10_000 == 0) {
                    progress.progress(rows, source.bytesRead(), facts.bytes());
                }
                if (facts.xlsx()) {
                    fields = HeaderedRow.fitToHeader(fields, header.size());
                }
                errors.startRow(source.row());
                if (maxRows != null && rows > maxRows) {
                    errors.error(null, ImportRule.TOO_MANY_ROWS, "the file has more than the " + maxRows + " data rows allowed");
                    return null;
                }
                if (fields.stream().allMatch(String::isBlank)) {
                    errors.error(null, ImportRule.BLANK_ROW, "row " + source.row() + " is blank; leave no rows blank");
                    continue;
                }
                if (fields.size() != header.size()) {
                    errors.error(null, ImportRule.FIELD_COUNT_MISMATCH, "row " + source.row() + " has " + fields.size()
                            + " fields but the header has " + header.size());
                    continue;
                }
                row.reset(source.row(), fields);
                return row;
            }
            progress.done(rows);
            return null;
        } catch (TabularRows.MalformedFileException e) {
            errors.errorAt(e.row(), null, facts.xlsx() ? ImportRule.MALFORMED_XLSX : ImportRule.MALFORMED_CSV, "the file cannot be read as "
                    + (facts.xlsx() ? "a workbook" : "CSV") + " from row " + e.row() + ": " + e.getMessage());
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private static Map<String, Integer> matchHeader(List<String> header, List<ImportColumn> columns, MappingProfile mapping,
                                                    RowErrors errors) {
        Map<String, ImportColumn> canonical = new HashMap<>();
        for (ImportColumn column : columns) {
            canonical.put(column.name().toUpperCase(Locale.ROOT), column);
        }
        Map<String, Integer> positions = new HashMap<>();
        errors.startRow(1);
        for (int i = 0; i < header.size(); i++) {
            ImportColumn column = canonical.get(mapping.canonicalName(header.get(i)));
            if (column == null) {
                errors.warning(header.get(i).strip(), ImportRule.UNKNOWN_COLUMN, "column '" + header.get(i).strip()
                        + "' is not one of the file's columns and is ignored");
            } else if (positions.putIfAbsent(column.name(), i) != null) {
                errors.error(column.name(), ImportRule.DUPLICATE_COLUMN, "column " + column.name() + " appears more than once in the header");
            }
        }
        for (ImportColumn column : columns) {
            if (column.required() && !positions.containsKey(column.name())) {
                errors.error(column.name(), ImportRule.MISSING_COLUMN, "the required column " + column.name() + " is missing from the header");
            }
        }
        return positions;
    }
}
