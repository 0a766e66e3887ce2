package org.ledgerbridge.imis;

import org.ledgerbridge.imports.ImportRule;
import org.ledgerbridge.imports.Cells;
import org.ledgerbridge.imports.ImportColumn;
import org.ledgerbridge.imports.MappingProfile;
import org.ledgerbridge.imports.ProgressListener;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.imports.TabularFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import static org.ledgerbridge.imports.ImportColumn.optional;
import static org.ledgerbridge.imports.ImportColumn.required;

/** Reads the IQA export's rows, each checked (a bad date or amount is an error on its row and column). */
public final class ImisFile {

    public static final List<ImportColumn> COLUMNS = List.of(required("BATCH_NUM"), required("TRANS_NUMBER"), optional("LINE_NUMBER"),
            required("TRANSACTION_DATE"), optional("TRANSACTION_TYPE"), optional("SOURCE_SYSTEM"), optional("ST_ID"),
            optional("INVOICE_REFERENCE_NUM"), optional("PRODUCT_CODE"), optional("DESCRIPTION"), required("FINANCIAL_ENTITY"),
            required("GL_ACCOUNT"), required("AMOUNT"));

    private ImisFile() {
    }

    /** Calls {@code each} for every valid row; returns the number of data rows. */
    public static long read(Path file, MappingProfile mapping, RowErrors errors, ProgressListener progress, Consumer<ImisLine> each)
            throws IOException {
        try (TabularFile table = TabularFile.open(file, COLUMNS, mapping, errors, progress, null)) {
            SourceRow row;
            while ((row = table.next()) != null) {
                ImisLine line = line(row, errors);
                if (line != null) {
                    each.accept(line);
                }
            }
            return table.rows();
        }
    }

    /** The batch numbers found in the file with their line counts (for picking batches); the file's errors go to {@code errors}. */
    public static java.util.SortedMap<String, Long> batchNumbers(Path file, MappingProfile mapping, RowErrors errors) throws IOException {
        java.util.SortedMap<String, Long> batches = new java.util.TreeMap<>();
        read(file, mapping, errors, ProgressListener.NONE, line -> batches.merge(line.batch(), 1L, Long::sum));
        return batches;
    }

    static ImisLine line(SourceRow row, RowErrors errors) {
        String batch = Cells.required(row, "BATCH_NUM", 20, errors);
        String transaction = Cells.required(row, "TRANS_NUMBER", 30, errors);
        LocalDate date = Cells.date(row, "TRANSACTION_DATE", Cells.MONTH_DAY_YEAR, "MM/DD/YYYY", errors);
        String entity = Cells.required(row, "FINANCIAL_ENTITY", 20, errors);
        String account = Cells.required(row, "GL_ACCOUNT", 40, errors);
        BigDecimal amount = Cells.decimal(row, "AMOUNT", errors);
        String description = Cells.optional(row, "DESCRIPTION", 500, errors); // a formula is refused, as the imports refuse it
        long lineNumber = 0;
        String lineText = row.get("LINE_NUMBER");
        if (!lineText.isEmpty()) {
            try {
                lineNumber = Long.parseLong(lineText);
            } catch (NumberFormatException e) {
                errors.error("LINE_NUMBER", ImportRule.INVALID_NUMBER, "'" + lineText + "' is not a line number");
            }
        }
        if (errors.currentRowHasErrors()) {
            return null;
        }
        return new ImisLine(row.number(), batch, transaction, lineNumber, date, row.get("TRANSACTION_TYPE"), row.get("SOURCE_SYSTEM"),
                row.get("ST_ID"), row.get("INVOICE_REFERENCE_NUM"), row.get("PRODUCT_CODE"), description, entity, account,
                amount);
    }
}
