package org.ledgerbridge.ledger;

/** A business entity whose books are kept apart (BMC, SEC, PSAB in seed 000). */
public record FinancialEntity(String code, String name, String baseCurrency) {
}
