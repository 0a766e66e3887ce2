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

    static String actor(java.security.Principal user) {
        return "api:" + user.getName();
    }
}
