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
     * A document with what every document has; the rest is added by the parts of {@link Draft} (absent:
     * null, retainage zero). It is a migrated one unless LedgerBridge made it.
     */
    public static Draft of(String entity, Module module, String type, String number, String partyId, LocalDate date,
                           String currency, BigDecimal exchangeRate, BigDecimal originalAmount, BigDecimal openBalance,
                           DocumentStatus status, Origin origin) {
        return new Draft(entity, module, type, number, partyId, date, currency, exchangeRate, originalAmount, openBalance, status, origin);
    }

    /** A document being put together, one named part at a time. */
    public static final class Draft {
        private final String entity;
        private final Module module;
        private final String type;
        private final String number;
        private final String partyId;
        private final LocalDate date;
        private final String currency;
        private final BigDecimal exchangeRate;
        private final BigDecimal originalAmount;
        private final BigDecimal openBalance;
        private final DocumentStatus status;
        private final Origin origin;
        private LocalDate dueDate;
        private BigDecimal amountExTax;
        private BigDecimal taxAmount;
        private String taxZone;
        private String taxCategory;
        private BigDecimal unreleasedRetainage = BigDecimal.ZERO;
        private BigDecimal retainagePercent;
        private String invoiceType;
        private String sourceSystem;
        private String originalReference;
        private LocalDate serviceStart;
        private LocalDate serviceEnd;
        private String description;

        private Draft(String entity, Module module, String type, String number, String partyId, LocalDate date, String currency,
                      BigDecimal exchangeRate, BigDecimal originalAmount, BigDecimal openBalance, DocumentStatus status, Origin origin) {
            this.entity = entity;
            this.module = module;
            this.type = type;
            this.number = number;
            this.partyId = partyId;
            this.date = date;
            this.currency = currency;
            this.exchangeRate = exchangeRate;
            this.originalAmount = originalAmount;
            this.openBalance = openBalance;
            this.status = status;
            this.origin = origin;
        }

        public Draft dueOn(LocalDate due) {
            this.dueDate = due;
            return this;
        }

        /** Its amount split into amount ex tax and tax, and the zone and category the split came from (each may be null). */
        public Draft taxed(BigDecimal exTax, BigDecimal tax, String zone, String category) {
            this.amountExTax = exTax;
            this.taxAmount = tax;
            this.taxZone = zone;
            this.taxCategory = category;
            return this;
        }

        public Draft retaining(BigDecimal unreleased, BigDecimal percent) {
            this.unreleasedRetainage = unreleased;
            this.retainagePercent = percent;
            return this;
        }

        /** The invoice type and source system payments are applied by. */
        public Draft classified(String invoice, String source) {
            this.invoiceType = invoice;
            this.sourceSystem = source;
            return this;
        }

        /** What the document was in the system it came from (an invoice id, a check number). */
        public Draft referring(String reference) {
            this.originalReference = reference;
            return this;
        }

        public Draft forService(LocalDate start, LocalDate end) {
            this.serviceStart = start;
            this.serviceEnd = end;
            return this;
        }

        public Draft describedAs(String text) {
            this.description = text;
            return this;
        }

        public NewDocument document() {
            return new NewDocument(entity, module, type, number, partyId, date, dueDate, currency, exchangeRate, originalAmount,
                    amountExTax, taxAmount, openBalance, unreleasedRetainage, retainagePercent, invoiceType, sourceSystem, status,
                    origin != Origin.LEDGERBRIDGE, origin, originalReference, serviceStart, serviceEnd, description, taxZone, taxCategory);
        }
    }

    /** The subledgers with a migration mode; PM (projects) migrates pro forma invoices and project transactions, not documents. */
    public enum Module { AR, AP, PM }

    public enum Origin { OPENING_BALANCE, MIGRATION, LEDGERBRIDGE }
}
