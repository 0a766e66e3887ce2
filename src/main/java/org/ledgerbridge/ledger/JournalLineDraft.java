package org.ledgerbridge.ledger;

import java.math.BigDecimal;

/** One line of a journal about to be posted: a debit or a credit on one account. */
public record JournalLineDraft(String account, String currency, BigDecimal debit, BigDecimal credit,
                               String partyId, String documentNumber, String description) {

    public static JournalLineDraft debit(String account, String currency, BigDecimal amount) {
        return new JournalLineDraft(account, currency, amount, BigDecimal.ZERO, null, null, null);
    }

    public static JournalLineDraft credit(String account, String currency, BigDecimal amount) {
        return new JournalLineDraft(account, currency, BigDecimal.ZERO, amount, null, null, null);
    }

    public JournalLineDraft forParty(String party) {
        return new JournalLineDraft(account, currency, debit, credit, party, documentNumber, description);
    }

    public JournalLineDraft forDocument(String document) {
        return new JournalLineDraft(account, currency, debit, credit, partyId, document, description);
    }

    public JournalLineDraft describedAs(String text) {
        return new JournalLineDraft(account, currency, debit, credit, partyId, documentNumber, text);
    }

    JournalLineDraft swapped() {
        return new JournalLineDraft(account, currency, credit, debit, partyId, documentNumber, description);
    }
}
