package org.ledgerbridge.api;

import org.ledgerbridge.ledger.ErrorCode;

/** The REST API's own codes: a request that names nothing, or lacks a field. The modules' refusals keep their modules' codes. */
public enum ApiProblem implements ErrorCode {
    /** The request lacks a field it needs. */
    MISSING_FIELD,
    /** No import kind of that name. */
    UNKNOWN_KIND,
    /** The aging is of AR or AP. */
    INVALID_MODULE,
    /** No journal has that id. */
    JOURNAL_NOT_FOUND,
    /** No project has that id. */
    PROJECT_NOT_FOUND,
    /** The file was refused: its errors are listed, and nothing was written. */
    FILE_REJECTED
}
