package org.ledgerbridge.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An API import or GL send with an {@code Idempotency-Key} header is done once per user and key: a
 * retry gets the first answer again (status, type and body, with {@code Idempotent-Replayed: true}),
 * so a client whose connection died after the commit learns the result instead of "duplicate". The
 * same key on another request is refused (422 IDEMPOTENCY_KEY_REUSED); while the first is still
 * running, 409 IDEMPOTENCY_KEY_IN_USE. A request that failed on the server (5xx) keeps no answer,
 * nor one left running by a server that stopped, after {@link #ABANDONED}: it may be tried again.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.LOWEST_PRECEDENCE - 10) // after Spring Security: the user is known
class IdempotentRequests extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final Duration ABANDONED = Duration.ofMinutes(30);
    private static final Pattern IMPORT_OR_SEND = Pattern.compile("/api/imports/[^/]+|/api/gl/send");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final JdbcClient jdbc;

    IdempotentRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !IMPORT_OR_SEND.matcher(request.getRequestURI()).matches() || request.getUserPrincipal() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            Problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST, WebProblem.INVALID_IDEMPOTENCY_KEY,
                    "An Idempotency-Key is 1 to 200 visible characters, without spaces."));
            return;
        }
        String user = request.getUserPrincipal().getName();
        String asked = request.getMethod() + " " + request.getRequestURI();
        jdbc.sql("DELETE FROM idempotent_answer WHERE username = ? AND key = ? AND (status >= 500 OR status IS NULL AND created_at < now() - ?::interval)")
                .params(user, key, ABANDONED.toSeconds() + " seconds").update();
        boolean first = jdbc.sql("INSERT INTO idempotent_answer (username, key, request) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(user, key, asked).update() == 1;
        if (!first) {
            replay(request, response, user, key, asked);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
        } finally {
            if (answer.getStatus() >= 500) {
                jdbc.sql("DELETE FROM idempotent_answer WHERE username = ? AND key = ?").params(user, key).update();
            } else {
                jdbc.sql("UPDATE idempotent_answer SET status = ?, content_type = ?, body = ? WHERE username = ? AND key = ?")
                        .params(answer.getStatus(), answer.getContentType(), answer.getContentAsByteArray(), user, key).update();
            }
            answer.copyBodyToResponse();
        }
    }

    private record Answer(String request, Integer status, String contentType, byte[] body) {
    }

    private void replay(HttpServletRequest request, HttpServletResponse response, String user, String key, String asked) throws IOException {
        Optional<Answer> first = jdbc.sql("SELECT request, status, content_type, body FROM idempotent_answer WHERE username = ? AND key = ?")
                .params(user, key).query((rs, n) -> new Answer(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4)))
                .optional();
        if (first.isEmpty() || !first.get().request().equals(asked)) {
            Problems.write(request, response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, WebProblem.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for another request (" + first.map(Answer::request).orElse("one that ended") + "); "
                            + "use a new key for each new request."));
        } else if (first.get().status() == null) {
            Problems.write(request, response, Problems.of(HttpStatus.CONFLICT, WebProblem.IDEMPOTENCY_KEY_IN_USE,
                    "The first request with this Idempotency-Key is still running; ask again when it has answered."));
        } else {
            response.setStatus(first.get().status());
            if (first.get().contentType() != null) {
                response.setContentType(first.get().contentType());
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(first.get().body() == null ? new byte[0] : first.get().body());
        }
    }
}
