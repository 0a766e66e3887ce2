package org.ledgerbridge.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount in one currency, never more precise than the currency allows (12.50 USD, 1250 JPY):
 * what a payment received, what is left of it. Built only from amounts a rule has checked to fit
 * the currency ({@link Currencies#fitsScale}); anything else is a bug, refused here.
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (!Currencies.fitsScale(amount, currency)) {
            throw new IllegalArgumentException(amount.toPlainString() + " has more decimals than " + currency + " allows");
        }
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    public boolean isIn(String other) {
        return currency.equals(other);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
