package org.ledgerbridge.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Set;

/**
 * An AR document as the credit rules see it. {@code openBalance} is mutable so that a plan over
 * many applications sees what the ones before it left.
 */
public final class ArDocument {

    static final Set<String> CREDIT_TYPES = Set.of("PAYMENT", "PREPAYMENT", "CREDIT_MEMO");
    static final Set<String> INVOICE_TYPES = Set.of("INVOICE", "DEBIT_MEMO");

    /** Credits are used oldest first; invoices are paid oldest due date first, then oldest date, then number. */
    static final Comparator<ArDocument> OLDEST_CREDIT_FIRST = Comparator.comparing(ArDocument::date).thenComparing(ArDocument::number);
    static final Comparator<ArDocument> OLDEST_DUE_FIRST = Comparator
            .comparing(ArDocument::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ArDocument::date).thenComparing(ArDocument::number);

    private final String entity;
    private final String number;
    private final String type;
    private final String partyId;
    private final String currency;
    private final BigDecimal exchangeRate;
    private final LocalDate date;
    private final LocalDate dueDate;
    private final DocumentStatus status;
    private BigDecimal openBalance;

    public ArDocument(String entity, String number, String type, String partyId, String currency, BigDecimal exchangeRate,
                      LocalDate date, LocalDate dueDate, DocumentStatus status, BigDecimal openBalance) {
        this.entity = entity;
        this.number = number;
        this.type = type;
        this.partyId = partyId;
        this.currency = currency;
        this.exchangeRate = exchangeRate;
        this.date = date;
        this.dueDate = dueDate;
        this.status = status;
        this.openBalance = openBalance;
    }

    public String entity() { return entity; }
    public String number() { return number; }
    public String type() { return type; }
    public String partyId() { return partyId; }
    public String currency() { return currency; }
    public BigDecimal exchangeRate() { return exchangeRate; }
    public LocalDate date() { return date; }
    public LocalDate dueDate() { return dueDate; }
    public DocumentStatus status() { return status; }
    public BigDecimal openBalance() { return openBalance; }

    /** ENTITY/NUMBER, as the commands name a document. */
    public String reference() {
        return entity + "/" + number;
    }

    boolean isCredit() {
        return CREDIT_TYPES.contains(type);
    }

    boolean isInvoice() {
        return INVOICE_TYPES.contains(type);
    }

    boolean released() {
        return status == DocumentStatus.OPEN || status == DocumentStatus.CLOSED;
    }

    boolean isOpen() {
        return status == DocumentStatus.OPEN && openBalance.signum() > 0;
    }

    void reduceBy(BigDecimal amount) {
        openBalance = openBalance.subtract(amount);
    }
}
