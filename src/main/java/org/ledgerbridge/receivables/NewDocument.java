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

    /**
     * A document with what every document has; the rest is added by the methods below (absent: null,
     * retainage zero). It is a migrated one unless LedgerBridge made it.
     */
    public static NewDocument of(String entity, Module module, String type, String number, String partyId, LocalDate date,
                                 String currency, BigDecimal exchangeRate, BigDecimal originalAmount, BigDecimal openBalance,
                                 DocumentStatus status, Origin origin) {
        return new NewDocument(entity, module, type, number, partyId, date, null, currency, exchangeRate, originalAmount, null, null,
                openBalance, BigDecimal.ZERO, null, null, null, status, origin != Origin.LEDGERBRIDGE, origin, null, null, null, null,
                null, null);
    }

    public NewDocument dueOn(LocalDate due) {
        return new NewDocument(entity, module, type, number, partyId, date, due, currency, exchangeRate, originalAmount, amountExTax,
                taxAmount, openBalance, unreleasedRetainage, retainagePercent, invoiceType, sourceSystem, status, migrated, origin,
                originalReference, serviceStart, serviceEnd, description, taxZone, taxCategory);
    }

    /** Its amount split into amount ex tax and tax, and the zone and category the split came from (each may be null). */
    public NewDocument taxed(BigDecimal exTax, BigDecimal tax, String zone, String category) {
        return new NewDocument(entity, module, type, number, partyId, date, dueDate, currency, exchangeRate, originalAmount, exTax,
                tax, openBalance, unreleasedRetainage, retainagePercent, invoiceType, sourceSystem, status, migrated, origin,
                originalReference, serviceStart, serviceEnd, description, zone, category);
    }

    public NewDocument retaining(BigDecimal unreleased, BigDecimal percent) {
        return new NewDocument(entity, module, type, number, partyId, date, dueDate, currency, exchangeRate, originalAmount, amountExTax,
                taxAmount, openBalance, unreleased, percent, invoiceType, sourceSystem, status, migrated, origin,
                originalReference, serviceStart, serviceEnd, description, taxZone, taxCategory);
    }

    /** The invoice type and source system payments are applied by. */
    public NewDocument classified(String invoice, String source) {
        return new NewDocument(entity, module, type, number, partyId, date, dueDate, currency, exchangeRate, originalAmount, amountExTax,
                taxAmount, openBalance, unreleasedRetainage, retainagePercent, invoice, source, status, migrated, origin,
                originalReference, serviceStart, serviceEnd, description, taxZone, taxCategory);
    }

    /** What the document was in the system it came from (an invoice id, a check number). */
    public NewDocument referring(String reference) {
        return new NewDocument(entity, module, type, number, partyId, date, dueDate, currency, exchangeRate, originalAmount, amountExTax,
                taxAmount, openBalance, unreleasedRetainage, retainagePercent, invoiceType, sourceSystem, status, migrated, origin,
                reference, serviceStart, serviceEnd, description, taxZone, taxCategory);
    }

    public NewDocument forService(LocalDate start, LocalDate end) {
        return new NewDocument(entity, module, type, number, partyId, date, dueDate, currency, exchangeRate, originalAmount, amountExTax,
                taxAmount, openBalance, unreleasedRetainage, retainagePercent, invoiceType, sourceSystem, status, migrated, origin,
                originalReference, start, end, description, taxZone, taxCategory);
    }

    public NewDocument describedAs(String text) {
        return new NewDocument(entity, module, type, number, partyId, date, dueDate, currency, exchangeRate, originalAmount, amountExTax,
                taxAmount, openBalance, unreleasedRetainage, retainagePercent, invoiceType, sourceSystem, status, migrated, origin,
                originalReference, serviceStart, serviceEnd, text, taxZone, taxCategory);
    }

    /** The subledgers with a migration mode; PM (projects) migrates pro forma invoices and project transactions, not documents. */
    public enum Module { AR, AP, PM }

    public enum Origin { OPENING_BALANCE, MIGRATION, LEDGERBRIDGE }
}
