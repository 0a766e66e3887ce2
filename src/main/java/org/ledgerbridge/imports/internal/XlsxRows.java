package org.ledgerbridge.imports.internal;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The first sheet of an XLSX workbook, streamed row by row. Numbers read as Excel shows them
 * (15 significant digits, so 181.82 stays 181.82 and not 181.81999999999999); date cells are
 * typed dates; a row missing from the sheet is a blank row.
 */
public final class XlsxRows implements TabularRows {

    private static final Pattern DATE_FORMAT = Pattern.compile("(?i)(^|[^\\\\\"])[dmy]|yy");
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private Row pending;
    private long row;
    private List<LocalDate> dates = List.of();

    public XlsxRows(Path file) throws IOException {
        this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        this.stream = workbook.getFirstSheet().openStream();
        this.rows = stream.iterator();
    }

    @Override
    public List<String> next() throws MalformedFileException {
        try {
            if (pending == null) {
                if (!rows.hasNext()) {
                    return null;
                }
                pending = rows.next();
            }
            row++;
            if (pending.getRowNum() > row) {
                dates = List.of();
                return List.of(""); // a row the sheet leaves out is blank
            }
            Row current = pending;
            pending = null;
            List<String> cells = new ArrayList<>(current.getCellCount());
            List<LocalDate> typed = new ArrayList<>(current.getCellCount());
            for (int i = 0; i < current.getCellCount(); i++) {
                Cell cell = current.getCell(i);
                typed.add(null);
                if (cell == null) {
                    cells.add("");
                    continue;
                }
                if (cell.getType() == CellType.NUMBER && isDateFormat(cell.getDataFormatString())) {
                    LocalDate date = cell.asDate().toLocalDate();
                    typed.set(i, date);
                    cells.add(date.toString());
                } else if (cell.getType() == CellType.NUMBER) {
                    cells.add(new BigDecimal(cell.getRawValue()).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString());
                } else {
                    String text = cell.getType() == CellType.FORMULA ? cell.getRawValue() : cell.getText();
                    cells.add(text == null ? "" : text);
                }
            }
            dates = typed;
            return cells;
        } catch (RuntimeException e) {
            throw new MalformedFileException(row, "the sheet cannot be read: " + e.getMessage());
        }
    }

    private static boolean isDateFormat(String format) {
        return format != null && !format.equalsIgnoreCase("general") && DATE_FORMAT.matcher(format.replaceAll("\\[[^]]*]", "")).find();
    }

    @Override
    public Optional<LocalDate> typedDate(int index) {
        return index < dates.size() ? Optional.ofNullable(dates.get(index)) : Optional.empty();
    }

    @Override
    public long row() {
        return row;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        stream.close();
        workbook.close();
    }
}
