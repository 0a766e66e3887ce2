package org.ledgerbridge.ledger;

import java.math.BigDecimal;

/** One account's totals in its entity's base currency; balance = debit - credit. */
public record TrialBalanceLine(String entity, String account, BigDecimal debit, BigDecimal credit, BigDecimal balance) {
}
