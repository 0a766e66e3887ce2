package org.ledgerbridge.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A total including tax split into its amount excluding tax and its tax: the tax is
 * {@code total x rate / (1 + rate)}, rounded half-up at the currency's scale, for a taxable
 * category; none otherwise. The two always add up to the total.
 */
public record TaxSplit(BigDecimal amountExTax, BigDecimal taxAmount) {

    public static TaxSplit of(BigDecimal total, TaxZone zone, TaxCategory category, String currency) {
        int scale = Currencies.scale(currency);
        BigDecimal tax = category.taxable() && zone.rate().signum() > 0
                ? total.multiply(zone.rate()).divide(BigDecimal.ONE.add(zone.rate()), scale, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(scale);
        return new TaxSplit(total.setScale(scale, RoundingMode.UNNECESSARY).subtract(tax), tax);
    }
}
