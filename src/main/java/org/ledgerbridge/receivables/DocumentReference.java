package org.ledgerbridge.receivables;

import java.util.Set;

/**
 * How commands and screens name a document: NUMBER, or ENTITY/NUMBER when several entities have
 * that number. {@code entity} is null when the text names none (a number may itself hold a '/').
 */
record DocumentReference(String entity, String number) {

    static DocumentReference parse(String text, Set<String> entities) {
        String reference = text == null ? "" : text.strip();
        int slash = reference.indexOf('/');
        if (slash > 0 && entities.contains(reference.substring(0, slash))) {
            return new DocumentReference(reference.substring(0, slash), reference.substring(slash + 1));
        }
        return new DocumentReference(null, reference);
    }
}
