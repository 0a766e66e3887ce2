package org.ledgerbridge.imports;

/**
 * An error or warning about one cell, row or the whole file.
 *
 * @param row    1-based row as a spreadsheet shows it (the header is row 1); 0 for the whole file
 * @param column canonical column name, or null when the problem is the row or the file
 * @param code   stable UPPER_SNAKE identifier of the rule
 */
public record RowProblem(long row, String column, String code, String message) {
}
