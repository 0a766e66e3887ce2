package org.ledgerbridge.ledger;

import java.util.Locale;
import java.util.Optional;

/**
 * What a payments import posts to an entity's GL: a deposit journal per day and deposit account,
 * lines summed (what the bank shows; the default), or one journal per payment.
 */
public enum PaymentGlDetail {
    DEPOSIT, PAYMENT;

    /** "deposit" or "payment", as the CLI, the screen and the API write it. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PaymentGlDetail> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (PaymentGlDetail detail : values()) {
            if (detail.option().equalsIgnoreCase(text.strip())) {
                return Optional.of(detail);
            }
        }
        return Optional.empty();
    }
}
