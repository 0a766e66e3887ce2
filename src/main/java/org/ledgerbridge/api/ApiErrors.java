package org.ledgerbridge.api;

import org.ledgerbridge.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * A request the API's controllers cannot read (a missing or malformed parameter, a body that is no
 * JSON, a method the address does not take): Spring's problem details with the stable code of the
 * one error shape. The screens' errors are pages ({@code ErrorPages}), never JSON.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", Problems.words(status).code().name());
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }
}
