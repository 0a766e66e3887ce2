package org.ledgerbridge.imports;

import org.ledgerbridge.ledger.ErrorCode;

/**
 * The codes of the rules every import file keeps (its bytes, its header, its cells) and of the
 * ledger set-up and GL files read here (entities, accounts, payment methods, tax zones, trial
 * balances, GL transactions), and of saved mapping profiles. Stable: in the reports, the API's
 * problem details and the bad-input corpus.
 */
public enum ImportRule implements ErrorCode {
    // the file
    /** The file could not be read at all (missing, a folder, no permission). */
    FILE_UNREADABLE,
    /** The file holds bytes that are no character in UTF-8 nor in Windows-1252. */
    INVALID_ENCODING,
    /** The file is UTF-16 text; it is read as UTF-8 or Windows-1252 only. */
    UNSUPPORTED_ENCODING,
    /** The file holds a NUL byte: it is not a text CSV file, or it was damaged. */
    BINARY_CONTENT,
    /** The CSV cannot be read from the row named (an unclosed quote, say). */
    MALFORMED_CSV,
    /** The file is not a readable XLSX workbook. */
    MALFORMED_XLSX,
    /** The workbook has far more parts than an XLSX has: it is refused unread. */
    ZIP_BOMB,
    /** The workbook holds a part named outside the workbook: it was made to attack. */
    UNSAFE_ZIP_ENTRY,
    /** The file is empty: the first row must name the columns. */
    MISSING_HEADER,
    /** The header has more columns than an import file may have. */
    TOO_MANY_COLUMNS,
    /** A column the file's kind requires is missing from the header. */
    MISSING_COLUMN,
    /** A column appears more than once in the header. */
    DUPLICATE_COLUMN,
    /** A warning: a column that is not one of the kind's columns is ignored. */
    UNKNOWN_COLUMN,
    /** The file has a header but no data rows. */
    NO_DATA_ROWS,
    /** The file has more data rows than allowed. */
    TOO_MANY_ROWS,
    /** A row is blank. */
    BLANK_ROW,
    /** A row has more or fewer fields than the header. */
    FIELD_COUNT_MISMATCH,

    // a cell
    /** A required cell is empty. */
    VALUE_REQUIRED,
    /** A cell starts like a spreadsheet formula; the file must hold the value itself. */
    FORMULA_NOT_ALLOWED,
    /** A cell is longer than its column allows. */
    VALUE_TOO_LONG,
    /** A cell is not a number (in the file's number format). */
    INVALID_NUMBER,
    /** A cell is not a real date in the file's date format. */
    INVALID_DATE,
    /** A cell is not one of the values its column takes. */
    INVALID_VALUE,
    /** An amount has more decimals than its currency allows. */
    AMOUNT_EXCEEDS_CURRENCY_SCALE,
    /** A code holds characters other than letters, digits, '_', '.' and '-'. */
    INVALID_CODE,
    /** A key (a code, an account, a number) appears again in the file. */
    DUPLICATE_IN_FILE,
    /** A key is already in the ledger. */
    ALREADY_EXISTS,

    // ledger set-up and GL files
    /** The row names a financial entity the ledger does not have. */
    UNKNOWN_ENTITY,
    /** The row names an account that is not in the entity's chart. */
    UNKNOWN_ACCOUNT,
    /** The row names an inactive account. */
    INACTIVE_ACCOUNT,
    /** A currency that is not an ISO 4217 currency code. */
    UNKNOWN_CURRENCY,
    /** An account's role needs another account type (cash on an ASSET account, say). */
    ROLE_TYPE_MISMATCH,
    /** The entity already has an account in that role. */
    DUPLICATE_ROLE,
    /** A payment method's cash account is not an ASSET account. */
    CASH_ACCOUNT_NOT_ASSET,
    /** A tax rate is not a fraction from 0 to 1 (10 % is written 0.10). */
    RATE_NOT_A_FRACTION,
    /** A tax rate has more than six decimals. */
    RATE_TOO_PRECISE,
    /** An amount is negative where the file takes a positive one (a debit belongs in the credit column, an original amount takes its sign from the type). */
    AMOUNT_NEGATIVE,
    /** A line has both a debit and a credit. */
    BOTH_DEBIT_AND_CREDIT,
    /** A journal line has neither a debit nor a credit. */
    AMOUNT_MISSING,
    /** The date falls in a period whose books are closed. */
    CLOSED_PERIOD,
    /** No tax zone of the entity has the tax code. */
    UNKNOWN_TAX_CODE,
    /** The rows of one journal carry different dates. */
    DATE_DIFFERS_IN_JOURNAL,
    /** A journal's rows do not balance. */
    JOURNAL_UNBALANCED,
    /** The rows of one entity's trial balance carry different as-of dates. */
    AS_OF_DIFFERS,
    /** An entity's trial balance does not balance. */
    ENTITY_UNBALANCED,

    // mapping profiles
    /** The profile's text is not a mapping profile (YAML or JSON with columns, dateFormat(s), numberLocale). */
    INVALID_MAPPING,
    /** The name has characters other than letters, digits, space, dot, dash and underscore, or is too long. */
    INVALID_MAPPING_NAME,
    /** No profile of that name is saved in the ledger. */
    MAPPING_NOT_FOUND
}
