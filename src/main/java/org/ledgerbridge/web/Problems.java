package org.ledgerbridge.web;

import org.ledgerbridge.ledger.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one shape of an error the API answers (RFC 9457 problem details, application/problem+json):
 * {@code title} (the status in words), {@code status}, {@code detail} (what went wrong,
 * in words), {@code instance} (the path asked for) and a stable {@code code}; a refusal may add its
 * {@code details}, an import its row errors. No {@code type}: every problem is of the type
 * about:blank, its {@code code} says which.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code.name());
        return problem;
    }

    /** As a controller answers it. */
    public static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    public static ResponseEntity<Object> answer(HttpStatus status, ErrorCode code, String detail) {
        return answer(of(status, code, detail));
    }

    /** As a filter writes it, before any controller: the same members as a controller's answer. */
    static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (problem.getType() != null && !problem.getType().equals(URI.create("about:blank"))) {
            body.put("type", problem.getType().toString()); // as a controller's answer: absent means about:blank
        }
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(body));
    }

    /** A status as a stable code, a title and a sentence, for the errors no rule of ours names. */
    public record Words(ErrorCode code, String title, String detail) {
    }

    public static Words words(org.springframework.http.HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> new Words(WebProblem.NOT_LOGGED_IN, "Not logged in",
                    "Log in with your user name and password (HTTP Basic) or an API token (Authorization: Bearer).");
            case 403 -> new Words(WebProblem.ROLE_NOT_ALLOWED, "Not for your role",
                    "Your role may not open this page or make this request; an administrator can give you another.");
            case 404 -> new Words(WebProblem.NOT_FOUND, "Not found", "There is nothing at this address.");
            case 405 -> new Words(WebProblem.METHOD_NOT_ALLOWED, "Not allowed here", "This address does not take that kind of request.");
            case 406 -> new Words(WebProblem.NOT_ACCEPTABLE, "Not available in that form", "This address cannot answer in the form asked for.");
            case 415 -> new Words(WebProblem.UNSUPPORTED_MEDIA_TYPE, "Not a form this address reads", "Send the body in the form this address reads.");
            default -> status.is4xxClientError()
                    ? new Words(WebProblem.BAD_REQUEST, "Request not understood", "The request could not be read.")
                    : new Words(WebProblem.INTERNAL_ERROR, "Something went wrong",
                    "Something went wrong on the server. The server's log has the details.");
        };
    }
}
