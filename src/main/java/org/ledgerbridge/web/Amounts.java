package org.ledgerbridge.web;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Locale;

/** Amounts as people read them on the screens: thousands separated, at the amount's own scale ("12,345.60"); none is blank. */
@Component("amounts")
public class Amounts {

    public String of(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%,." + Math.max(0, amount.scale()) + "f", amount);
    }

    /** With its currency beside it: "12,345.60 USD". */
    public String of(BigDecimal amount, String currency) {
        return amount == null ? "" : of(amount) + (currency == null || currency.isBlank() ? "" : " " + currency);
    }
}
