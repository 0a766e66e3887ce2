package org.ledgerbridge.imis;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One GL distribution of an iMIS auto-batch export (seed 000's IQA query, CONTRACT.md "The iMIS
 * auto-batch export"). {@code amount} is signed: a debit positive, a credit negative.
 */
public record ImisLine(long row, String batch, String transaction, long lineNumber, LocalDate date, String type,
                       String sourceSystem, String customerId, String invoiceReference, String productCode, String description,
                       String entity, String account, BigDecimal amount) {

    /** The cash side of a purchase: the entity that holds it received the money. */
    public boolean isPayment() {
        return "PAY".equalsIgnoreCase(type);
    }
}
