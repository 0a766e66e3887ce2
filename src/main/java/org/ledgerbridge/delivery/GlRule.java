package org.ledgerbridge.delivery;

import org.ledgerbridge.ledger.ErrorCode;

/**
 * The codes of delivery to the general ledger: why an export, a send, a mark as sent or a GL
 * target is refused, and the problems validation finds in a journal before anything is sent.
 */
public enum GlRule implements ErrorCode {
    // exports
    /** No export format of that name. */
    UNKNOWN_FORMAT,
    /** The date range ends before it starts. */
    INVALID_RANGE,
    /** Another export took some of the journals while this one ran; nothing was written. */
    EXPORTED_MEANWHILE,
    /** The output is a folder, a device or a pipe: an export is written to a new file. */
    OUTPUT_NOT_A_FILE,
    /** The output file exists: nothing is ever overwritten. */
    OUTPUT_EXISTS,
    /** The output file is an export already delivered: nothing written. */
    ALREADY_EXPORTED,
    /** A journal has more lines than the format takes in one journal. */
    JOURNAL_TOO_LONG_FOR_FORMAT,
    /** A journal cannot be written in the format (a value the format has no room for). */
    NOT_VALID_FOR_FORMAT,

    // sending and marking as sent
    /** A journal is not in a POSTED batch: only posted journals reach the GL. */
    NOT_POSTED,
    /** The journal was already sent or marked as sent. */
    ALREADY_SENT,
    /** Validation found problems: nothing was sent. */
    VALIDATION_FAILED,
    /** The GL's books are closed for the journal's date. */
    GL_PERIOD_CLOSED,
    /** No chart of accounts was imported for the target. */
    NO_GL_CHART,
    /** The GL has no active account of that name for the entity. */
    UNKNOWN_GL_ACCOUNT,
    /** The GL answered with a refusal. */
    REFUSED_BY_GL,
    /** The GL did not answer. */
    GL_UNREACHABLE,
    /** Earlier sends may or may not have reached the GL: reconcile them before sending again. */
    UNCERTAIN,

    // targets
    /** No GL target of that name. */
    UNKNOWN_TARGET,
    /** A target's name has letters, digits, '_', '.', '-' only. */
    INVALID_NAME,
    /** An http target needs the URL of its GL. */
    URL_REQUIRED,
    /** A file or ledger target needs the path of its folder or journal file. */
    PATH_REQUIRED,
    /** The operator has not set the folder GL files are written under (LEDGERBRIDGE_GL_DIR). */
    GL_DIR_NOT_SET,
    /** The path is not inside the folder GL files are written under. */
    PATH_OUTSIDE_GL_DIR,
    /** The URL is not among the GL addresses the operator allows (LEDGERBRIDGE_GL_URLS). */
    GL_URL_NOT_ALLOWED
}
