package org.ledgerbridge.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** ISO 4217 currencies and their scales: USD has 2 decimals, JPY none, BHD 3. */
public final class Currencies {

    private Currencies() {
    }

    /** ISO 4217 code -> decimals, read once: this is on the hot path of every imported amount. */
    private static final Map<String, Integer> SCALES = Currency.getAvailableCurrencies().stream()
            .filter(c -> c.getDefaultFractionDigits() >= 0)
            .collect(Collectors.toUnmodifiableMap(Currency::getCurrencyCode, Currency::getDefaultFractionDigits));

    /** The number of decimals of a real ISO 4217 currency; empty for unknown codes and funds like XXX. */
    public static Optional<Integer> scaleOf(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(SCALES.get(code));
    }

    public static boolean isKnown(String code) {
        return scaleOf(code).isPresent();
    }

    public static int scale(String code) {
        return scaleOf(code).orElseThrow(() -> new IllegalArgumentException("not an ISO 4217 currency: " + code));
    }

    /** True when the amount has no more decimals than the currency allows (12.50 USD yes, 12.505 USD no). */
    public static boolean fitsScale(BigDecimal amount, String currency) {
        int scale = scale(currency);
        return amount.scale() <= scale || amount.stripTrailingZeros().scale() <= scale;
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
