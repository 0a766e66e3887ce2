package org.ledgerbridge.api;

import org.ledgerbridge.ledger.ErrorCode;
import org.ledgerbridge.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A business rule's refusal as the API answers it: 422 with the stable code, as the CLI's JSON says it, in the one error shape. */
final class Refusal {

    private Refusal() {
    }

    static ResponseEntity<Object> of(ErrorCode code, String message) {
        return of(code, message, null);
    }

    static ResponseEntity<Object> of(ErrorCode code, String message, Object details) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, code, message);
        if (details != null) {
            problem.setProperty("details", details);
        }
        return Problems.answer(problem);
    }

    /** A request without a field it must have: 400, naming the field. */
    static ResponseEntity<Object> missing(String field) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ApiProblem.MISSING_FIELD, "the request needs '" + field + "'");
        problem.setProperty("field", field);
        return Problems.answer(problem);
    }

    /**
     * A file rejected as a whole, nothing written: 422 with every row error (row, column, code) and
     * the rest of the import's report; its {@code status} member is the HTTP status, as in every problem.
     */
    static ResponseEntity<Object> rejectedFile(int errors, java.util.Map<String, Object> report) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblem.FILE_REJECTED,
                errors + " error(s) in the file; nothing was written");
        report.forEach((member, value) -> {
            if (!member.equals("status")) {
                problem.setProperty(member, value);
            }
        });
        return Problems.answer(problem);
    }

    static String actor(java.security.Principal user) {
        return "api:" + user.getName();
    }
}
