package org.ledgerbridge.imports;

import org.ledgerbridge.ledger.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of a whole file in one pass, each tied to its row and column. */
public final class RowErrors {

    static final int MAX_KEPT = 100_000;

    private final List<RowProblem> errors = new ArrayList<>();
    private final List<RowProblem> warnings = new ArrayList<>();
    private long errorCount;
    private long currentRow;
    private long errorsAtRowStart;

    /** Puts the errors that follow on this row. */
    public void startRow(long row) {
        currentRow = row;
        errorsAtRowStart = errorCount;
    }

    /** An error on a cell of the current row. */
    public void error(String column, ErrorCode code, String message) {
        errorAt(currentRow, column, code, message);
    }

    public void errorAt(long row, String column, ErrorCode code, String message) {
        errorCount++;
        if (errors.size() < MAX_KEPT) {
            errors.add(new RowProblem(row, column, code, message));
        }
    }

    public void warning(String column, ErrorCode code, String message) {
        if (warnings.size() < MAX_KEPT) {
            warnings.add(new RowProblem(currentRow, column, code, message));
        }
    }

    public boolean currentRowHasErrors() {
        return errorCount > errorsAtRowStart;
    }

    public boolean any() {
        return errorCount > 0;
    }

    public long count() {
        return errorCount;
    }

    public List<RowProblem> errors() {
        return errors;
    }

    public List<RowProblem> warnings() {
        return warnings;
    }
}
