package org.ledgerbridge.ledger;

import java.math.BigDecimal;

/**
 * A tax zone of an entity: the tax code the GL knows it by, its rate as a fraction (0.10 for
 * 10 %) and the account its tax is payable on.
 */
public record TaxZone(String entity, String zone, String taxCode, BigDecimal rate, String taxAccount) {
}
