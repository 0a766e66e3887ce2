package org.ledgerbridge.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A document as `report open-items` shows it; amounts at the document currency's scale.
 * {@code batch} is "Migrated" for a migrated document, where seed 002 shows it instead of a GL batch.
 */
public record OpenItem(String entity, String module, String type, String number, String partyId, LocalDate date,
                       LocalDate dueDate, String currency, BigDecimal originalAmount, BigDecimal openBalance,
                       String status, boolean migrated, String batch) {
}
