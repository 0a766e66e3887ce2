package org.ledgerbridge.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A journal about to be posted: all lines belong to one financial entity.
 *
 * @param exchangeRate rate from the lines' foreign currency to the entity's base currency;
 *                     null when every line is in the base currency
 * @param source       where it came from: "payments import #12", "reversal", ...
 * @param depositOf    a deposit's journal in another entity than the cash: the id of the cash entity's journal
 *                     of the deposit; null otherwise
 */
public record JournalDraft(String entity, LocalDate date, String source, String description,
                           BigDecimal exchangeRate, List<JournalLineDraft> lines, Long depositOf) {

    public JournalDraft {
        lines = List.copyOf(lines);
    }

    public JournalDraft(String entity, LocalDate date, String source, String description, BigDecimal exchangeRate,
                        List<JournalLineDraft> lines) {
        this(entity, date, source, description, exchangeRate, lines, null);
    }

    public static JournalDraft of(String entity, LocalDate date, String source, JournalLineDraft... lines) {
        return new JournalDraft(entity, date, source, null, null, List.of(lines));
    }
}
