package org.ledgerbridge.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;

/** ISO 4217 currencies and their scales: USD has 2 decimals, JPY none, BHD 3. */
public final class Currencies {

    private Currencies() {
    }

    /** The number of decimals of a real ISO 4217 currency; empty for unknown codes and funds like XXX. */
    public static Optional<Integer> scaleOf(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            int digits = Currency.getInstance(code).getDefaultFractionDigits();
            return digits < 0 ? Optional.empty() : Optional.of(digits);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    public static boolean isKnown(String code) {
        return scaleOf(code).isPresent();
    }

    public static int scale(String code) {
        return scaleOf(code).orElseThrow(() -> new IllegalArgumentException("not an ISO 4217 currency: " + code));
    }

    /** True when the amount has no more decimals than the currency allows (12.50 USD yes, 12.505 USD no). */
    public static boolean fitsScale(BigDecimal amount, String currency) {
        return amount.stripTrailingZeros().scale() <= scale(currency);
    }

    /** The amount shown at its currency's scale; exact, because amounts are validated to fit. */
    public static BigDecimal atScale(BigDecimal amount, String currency) {
        return amount.setScale(scale(currency), RoundingMode.UNNECESSARY);
    }

    /**
     * Converting to the entity's base currency is the one place a posting rounds:
     * half-even (banker's rounding) at the base currency's scale.
     */
    public static BigDecimal toBase(BigDecimal amount, BigDecimal exchangeRate, String baseCurrency) {
        return amount.multiply(exchangeRate).setScale(scale(baseCurrency), RoundingMode.HALF_EVEN);
    }

    /** A total over several currencies' scales: two decimals, or more when the amount needs them. */
    public static BigDecimal atLeastCents(BigDecimal amount) {
        return amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
    }
}
