package org.ledgerbridge.payments;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An open AR invoice (or debit memo) a payment may pay, with the open balance left by the rows
 * applied before. Mutable on purpose: rows apply in file order, each seeing what the ones before
 * it left.
 */
public final class OpenInvoice {

    private final String entity;
    private final String number;
    private final String invoiceType;
    private final String sourceSystem;
    private final LocalDate dueDate;
    private final LocalDate date;
    private final String currency;
    private final BigDecimal exchangeRate;
    private final BigDecimal openAtRead;
    private BigDecimal openBalance;
    // asked of each of a party's invoices for every payment of the party: a field, not the BigDecimal's sign
    private boolean open;

    public OpenInvoice(String entity, String number, String invoiceType, String sourceSystem, LocalDate dueDate, LocalDate date,
                       String currency, BigDecimal openBalance) {
        this(entity, number, invoiceType, sourceSystem, dueDate, date, currency, BigDecimal.ONE, openBalance);
    }

    /** @param exchangeRate the document's own rate to its entity's base currency, at which the subledger carries it */
    public OpenInvoice(String entity, String number, String invoiceType, String sourceSystem, LocalDate dueDate, LocalDate date,
                       String currency, BigDecimal exchangeRate, BigDecimal openBalance) {
        this.exchangeRate = exchangeRate;
        this.entity = entity;
        this.number = number;
        this.invoiceType = invoiceType;
        this.sourceSystem = sourceSystem;
        this.dueDate = dueDate;
        this.date = date;
        this.currency = currency;
        this.openAtRead = openBalance;
        this.openBalance = openBalance;
        this.open = openBalance.signum() > 0;
    }

    public String entity() {
        return entity;
    }

    public String number() {
        return number;
    }

    public String invoiceType() {
        return invoiceType;
    }

    public String sourceSystem() {
        return sourceSystem;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public LocalDate date() {
        return date;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal exchangeRate() {
        return exchangeRate;
    }

    public BigDecimal openBalance() {
        return openBalance;
    }

    void reduceBy(BigDecimal paid) {
        if (paid.compareTo(openBalance) > 0) {
            throw new IllegalStateException("invoice " + number + " would be paid beyond its open balance");
        }
        openBalance = openBalance.subtract(paid);
        open = openBalance.signum() > 0;
    }

    /** What the rows applied so far paid off it in all. */
    BigDecimal paidSinceRead() {
        return openAtRead.subtract(openBalance);
    }

    boolean isOpen() {
        return open;
    }
}
