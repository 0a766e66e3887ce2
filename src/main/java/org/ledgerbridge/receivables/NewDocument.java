package org.ledgerbridge.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An AR or AP document entering the subledger. Amounts are positive; the type says which way
 * they go (an INVOICE is owed by the customer, a CREDIT_MEMO is owed to them).
 *
 * @param openBalance         what is still open on the migration date
 * @param unreleasedRetainage the retained part, kept apart from the open balance until released
 * @param taxZone             with {@code taxCategory}, what its tax split was worked out from (null: none given)
 */
public record NewDocument(String entity, Module module, String type, String number, String partyId, LocalDate date,
                          LocalDate dueDate, String currency, BigDecimal exchangeRate, BigDecimal originalAmount,
                          BigDecimal amountExTax, BigDecimal taxAmount, BigDecimal openBalance,
                          BigDecimal unreleasedRetainage, BigDecimal retainagePercent, String invoiceType,
                          String sourceSystem, DocumentStatus status, boolean migrated, Origin origin,
                          String originalReference, LocalDate serviceStart, LocalDate serviceEnd, String description,
                          String taxZone, String taxCategory) {

    /** The subledgers with a migration mode; PM (projects) migrates pro forma invoices and project transactions, not documents. */
    public enum Module { AR, AP, PM }

    public enum Origin { OPENING_BALANCE, MIGRATION, LEDGERBRIDGE }
}
