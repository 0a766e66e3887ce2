package org.ledgerbridge.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** A file too large, or a request that is no upload at all, is the sender's mistake: 413 or 400, said in words.
 * Global: the size check fails while the request is read, before any controller is chosen. */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class UploadErrors {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, WebProblem.UPLOAD_TOO_LARGE,
                "the file is larger than this server accepts (LEDGERBRIDGE_MAX_UPLOAD)");
    }

    /** A page cursor this server did not hand out: 400, start again from the first page. */
    @ExceptionHandler(org.ledgerbridge.ledger.Page.BadCursor.class)
    ProblemDetail badCursor(org.ledgerbridge.ledger.Page.BadCursor e) {
        return Problems.of(HttpStatus.BAD_REQUEST, WebProblem.INVALID_CURSOR, e.getMessage());
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail notAnUpload(MultipartException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, WebProblem.NOT_AN_UPLOAD, "send the file as multipart/form-data");
    }
}
