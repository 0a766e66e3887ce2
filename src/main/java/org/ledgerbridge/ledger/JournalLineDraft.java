package org.ledgerbridge.ledger;

import java.math.BigDecimal;

/**
 * One line of a journal about to be posted: a debit or a credit on one account.
 *
 * @param base its amount in the entity's base currency when the caller knows it better than a
 *             conversion at the journal's rate would (the cash line of a foreign payment is the sum
 *             of what it paid, each converted); null: converted at the journal's rate
 * @param payments how many payments a deposit journal's line sums; null for a line of its own
 * @param taxCode  the GL's tax code of the line (GL history that came with one); null: none
 */
public record JournalLineDraft(String account, String currency, BigDecimal debit, BigDecimal credit,
                               String partyId, String documentNumber, String description, BigDecimal base, Integer payments,
                               String taxCode) {

    public JournalLineDraft(String account, String currency, BigDecimal debit, BigDecimal credit, String partyId,
                            String documentNumber, String description, BigDecimal base, Integer payments) {
        this(account, currency, debit, credit, partyId, documentNumber, description, base, payments, null);
    }

    public JournalLineDraft(String account, String currency, BigDecimal debit, BigDecimal credit, String partyId,
                            String documentNumber, String description, BigDecimal base) {
        this(account, currency, debit, credit, partyId, documentNumber, description, base, null);
    }

    public JournalLineDraft(String account, String currency, BigDecimal debit, BigDecimal credit, String partyId,
                            String documentNumber, String description) {
        this(account, currency, debit, credit, partyId, documentNumber, description, null);
    }

    public static JournalLineDraft debit(String account, String currency, BigDecimal amount) {
        return new JournalLineDraft(account, currency, amount, BigDecimal.ZERO, null, null, null);
    }

    public static JournalLineDraft credit(String account, String currency, BigDecimal amount) {
        return new JournalLineDraft(account, currency, BigDecimal.ZERO, amount, null, null, null);
    }

    public JournalLineDraft forParty(String party) {
        return new JournalLineDraft(account, currency, debit, credit, party, documentNumber, description, base, payments, taxCode);
    }

    public JournalLineDraft forDocument(String document) {
        return new JournalLineDraft(account, currency, debit, credit, partyId, document, description, base, payments, taxCode);
    }

    public JournalLineDraft describedAs(String text) {
        return new JournalLineDraft(account, currency, debit, credit, partyId, documentNumber, text, base, payments, taxCode);
    }

    public JournalLineDraft inBase(BigDecimal baseAmount) {
        return new JournalLineDraft(account, currency, debit, credit, partyId, documentNumber, description, baseAmount, payments, taxCode);
    }

    public JournalLineDraft withTaxCode(String code) {
        return new JournalLineDraft(account, currency, debit, credit, partyId, documentNumber, description, base, payments, code);
    }

    /** A deposit journal's line: the sum of {@code count} payments' lines. */
    public JournalLineDraft summingPayments(int count) {
        return new JournalLineDraft(account, currency, debit, credit, partyId, documentNumber, description, base, count, taxCode);
    }

    /** The line's debit and credit in the base currency: its own base amount, or converted at {@code rate}. */
    public BigDecimal[] baseAmounts(BigDecimal rate, String baseCurrency) {
        BigDecimal d = debit == null ? BigDecimal.ZERO : debit;
        BigDecimal c = credit == null ? BigDecimal.ZERO : credit;
        if (currency.equals(baseCurrency)) {
            return new BigDecimal[]{d, c};
        }
        if (base != null) {
            return d.signum() > 0 ? new BigDecimal[]{base, BigDecimal.ZERO} : new BigDecimal[]{BigDecimal.ZERO, base};
        }
        return new BigDecimal[]{Currencies.toBase(d, rate, baseCurrency), Currencies.toBase(c, rate, baseCurrency)};
    }

    JournalLineDraft swapped() {
        return new JournalLineDraft(account, currency, credit, debit, partyId, documentNumber, description, base, payments, taxCode);
    }
}
