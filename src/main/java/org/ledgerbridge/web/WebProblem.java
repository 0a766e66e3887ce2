package org.ledgerbridge.web;

import org.ledgerbridge.ledger.ErrorCode;

/** The codes of the web and API's own problem details: logins, tokens, uploads, idempotent requests and HTTP errors. */
public enum WebProblem implements ErrorCode {
    /** The request needs a login (HTTP Basic, an API token, or the browser's session). */
    NOT_LOGGED_IN,
    /** The user's role may not open the page or make the request. */
    ROLE_NOT_ALLOWED,
    /** Too many failed logins: the next try waits. */
    LOGIN_THROTTLED,
    /** The API token is unknown, revoked, or its user is disabled. */
    INVALID_TOKEN,
    /** A write with the browser's session needs the page's CSRF token. */
    CSRF_TOKEN_MISSING,
    /** An Idempotency-Key is 1 to 200 visible characters, without spaces. */
    INVALID_IDEMPOTENCY_KEY,
    /** The Idempotency-Key was used for another request. */
    IDEMPOTENCY_KEY_REUSED,
    /** The first request with this Idempotency-Key is still running. */
    IDEMPOTENCY_KEY_IN_USE,
    /** The upload is larger than the server accepts (LEDGERBRIDGE_MAX_UPLOAD). */
    UPLOAD_TOO_LARGE,
    /** The upload ended before the whole file arrived; nothing was read from it. */
    UPLOAD_CUT_OFF,
    /** The file was not sent as multipart/form-data. */
    NOT_AN_UPLOAD,
    /** A page's cursor is not one this server gave out. */
    INVALID_CURSOR,
    /** There is nothing at this address. */
    NOT_FOUND,
    /** The address does not take that kind of request. */
    METHOD_NOT_ALLOWED,
    /** The address cannot answer in the form asked for. */
    NOT_ACCEPTABLE,
    /** The body is not in a form the address reads. */
    UNSUPPORTED_MEDIA_TYPE,
    /** The request could not be read. */
    BAD_REQUEST,
    /** Something went wrong on the server; its log has the details. */
    INTERNAL_ERROR
}
