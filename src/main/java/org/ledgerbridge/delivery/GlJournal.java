package org.ledgerbridge.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A journal as it leaves for the general ledger: one entity, one date, balanced lines.
 *
 * @param reference what the GL shows as the entry's reference (the journal number, or the summary level's key)
 */
public record GlJournal(String entity, LocalDate date, String reference, String description, String batch, String currency,
                        List<Line> lines) {

    /**
     * A debit or a credit on one account (amounts positive, at the currency's scale).
     *
     * @param payments how many payments a deposit journal's line sums; null for a line of its own
     * @param taxCode  the GL's tax code of the line, for the formats with a field for it; null: none
     */
    public record Line(String account, AccountKind kind, BigDecimal debit, BigDecimal credit, String description, String partyId,
                       String documentNumber, Integer payments, String taxCode) {

        public Line(String account, AccountKind kind, BigDecimal debit, BigDecimal credit, String description, String partyId,
                    String documentNumber, Integer payments) {
            this(account, kind, debit, credit, description, partyId, documentNumber, payments, null);
        }

        public Line(String account, AccountKind kind, BigDecimal debit, BigDecimal credit, String description, String partyId,
                    String documentNumber) {
            this(account, kind, debit, credit, description, partyId, documentNumber, null);
        }

        /** Debit positive, credit negative: the sign convention of most GL import files. */
        public BigDecimal signedAmount() {
            return debit.subtract(credit);
        }
    }

    /** The top level of the account in the chart, for GLs that group accounts by it (Ledger, Beancount). */
    public enum AccountKind {
        ASSETS, LIABILITIES, EQUITY, INCOME, EXPENSES;

        /** The top level of an account of the ledger's chart. */
        public static AccountKind of(org.ledgerbridge.ledger.AccountType type) {
            return switch (type) {
                case ASSET -> ASSETS;
                case LIABILITY -> LIABILITIES;
                case EQUITY -> EQUITY;
                case REVENUE -> INCOME;
                case EXPENSE -> EXPENSES;
            };
        }
    }

    public BigDecimal debit() {
        return lines.stream().map(Line::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal credit() {
        return lines.stream().map(Line::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Collects the lines of a journal as they are read. */
    static final class Builder {
        final String entity;
        final LocalDate date;
        final String reference;
        final String description;
        final String batch;
        final String currency;
        final List<Line> lines = new java.util.ArrayList<>();

        Builder(String entity, LocalDate date, String reference, String description, String batch, String currency) {
            this.entity = entity;
            this.date = date;
            this.reference = reference;
            this.description = description;
            this.batch = batch;
            this.currency = currency;
        }

        GlJournal build() {
            return new GlJournal(entity, date, reference, description, batch, currency, List.copyOf(lines));
        }
    }
}
