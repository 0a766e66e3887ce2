package org.ledgerbridge.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A document as `report open-items` shows it; amounts at the document currency's scale, the base
 * amount at the entity's base currency's. {@code batch} is "Migrated" for a migrated document,
 * where seed 002 shows it instead of a GL batch. Every field the document has is here, null where
 * it was not given.
 *
 * @param baseAmount          the original amount in the entity's base currency, at the document's rate
 * @param migratedBalance     what was open on the day the document was migrated (migrated documents only)
 * @param unreleasedRetainage the retained part, neither payable nor paid until released
 * @param purchaseOrder       the purchase order number(s) of the pay-later orders that leave this invoice open
 * @param originalReference   the document's id in the system it came from
 * @param taxZone             with {@code taxCategory}, what {@code amountExTax} and {@code taxAmount} were worked out from
 */
public record OpenItem(String entity, String module, String type, String number, String partyId, LocalDate date,
                       LocalDate dueDate, String currency, BigDecimal originalAmount, BigDecimal openBalance,
                       String status, boolean migrated, String batch, BigDecimal exchangeRate, BigDecimal baseAmount,
                       BigDecimal migratedBalance, BigDecimal unreleasedRetainage, String purchaseOrder,
                       String originalReference, LocalDate serviceStart, LocalDate serviceEnd, BigDecimal amountExTax,
                       BigDecimal taxAmount, String taxZone, String taxCategory) {
}
