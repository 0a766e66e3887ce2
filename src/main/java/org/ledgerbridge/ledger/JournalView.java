package org.ledgerbridge.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A journal as `report journals` shows it.
 *
 * @param number    its number within its entity, given when its batch was posted (null before): what staff call it
 * @param depositOf a deposit's journal in another entity than the cash: the cash entity's journal of the deposit
 */
public record JournalView(long id, Long number, String entity, LocalDate date, String batch, String source, BatchStatus status,
                          OffsetDateTime exportedAt, OffsetDateTime sentAt, Long reverses, Long depositOf, List<Line> lines) {

    /** @param payments how many payments a deposit journal's line sums; null for a line of its own */
    public record Line(String account, String currency, BigDecimal debit, BigDecimal credit, String partyId,
                       String documentNumber, String description, Integer payments) {
    }

    /** "PSAB-42" once posted; before, "not posted yet". */
    public String label() {
        return number == null ? "not posted yet" : entity + "-" + number;
    }

    /** A deposit journal sums payments: they are listed with `report journals --id N --payments`. */
    public boolean sumsPayments() {
        return lines.stream().anyMatch(l -> l.payments() != null);
    }
}
