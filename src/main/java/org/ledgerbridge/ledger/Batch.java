package org.ledgerbridge.ledger;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A batch as `batch list` shows it; debit and credit are base-currency totals of its journals;
 * {@code reversedBy} the posted REVERSAL batch that undid it, if any.
 */
public record Batch(long id, String name, BatchType type, BatchStatus status, List<String> entities,
                    long journals, BigDecimal debit, BigDecimal credit, OffsetDateTime createdAt, Long reversedBy) {
}
