package org.ledgerbridge.api;

import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.Map;

/** A business rule's refusal as the API answers it: 422 with the stable code, as the CLI's JSON says it. */
record Refusal(String status, String code, String message, Object details) {

    static ResponseEntity<Object> of(String code, String message) {
        return of(code, message, null);
    }

    static ResponseEntity<Object> of(String code, String message, Object details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "refused");
        body.put("code", code);
        body.put("message", message);
        if (details != null) {
            body.put("details", details);
        }
        return ResponseEntity.status(422).body(body);
    }

    /** A request without a field it must have: 400, naming the field. */
    static ResponseEntity<Object> missing(String field) {
        return ResponseEntity.badRequest().body(Map.of("status", "invalid", "code", "MISSING_FIELD", "field", field,
                "message", "the request needs '" + field + "'"));
    }

    static String actor(java.security.Principal user) {
        return "api:" + user.getName();
    }
}
