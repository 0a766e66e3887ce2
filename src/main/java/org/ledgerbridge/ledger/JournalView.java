package org.ledgerbridge.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A journal as `report journals` shows it. */
public record JournalView(long id, String entity, LocalDate date, String batch, String source, BatchStatus status,
                          OffsetDateTime exportedAt, OffsetDateTime sentAt, Long reverses, List<Line> lines) {

    public record Line(String account, String currency, BigDecimal debit, BigDecimal credit, String partyId,
                       String documentNumber, String description) {
    }
}
