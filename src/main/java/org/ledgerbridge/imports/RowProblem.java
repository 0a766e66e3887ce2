package org.ledgerbridge.imports;

import org.ledgerbridge.ledger.ErrorCode;
/**
 * An error or warning about one cell, row or the whole file.
 *
 * @param row    1-based row as a spreadsheet shows it (the header is row 1); 0 for the whole file
 * @param column canonical column name, or null when the problem is the row or the file
 * @param code   the rule's stable code
 */
public record RowProblem(long row, String column, ErrorCode code, String message) {
}
