package org.ledgerbridge.payments;

import org.ledgerbridge.ledger.JournalView;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drill-down from a journal to the payments summed into it, with what each paid: a deposit
 * journal's payments in file order (in another entity than the cash, those that paid its
 * invoices), a page at a time along {@code payment_by_journal}.
 */
@Service
public class DepositPayments {

    /** What a payment paid: {@code amount} off invoice {@code document} of {@code entity}. */
    public record Applied(String entity, String document, BigDecimal amount) {
    }

    /** A payment summed into a journal. */
    public record PaymentInJournal(String entity, String number, long row, String partyId, LocalDate date, BigDecimal amount,
                                   String currency, String method, String checkNumber, BigDecimal applied, BigDecimal unapplied,
                                   List<Applied> paid) {
    }

    private final JdbcClient jdbc;
    private final LedgerReports reports;

    public DepositPayments(JdbcClient jdbc, LedgerReports reports) {
        this.jdbc = jdbc;
        this.reports = reports;
    }

    /** The payments summed into journal {@code journalId}, in file order; empty when there is no such journal. */
    public Optional<Page<PaymentInJournal>> ofJournal(long journalId, String cursor, int limit) {
        Optional<JournalView> journal = reports.journal(journalId);
        if (journal.isEmpty()) {
            return Optional.empty();
        }
        long cashJournal = journal.get().depositOf() != null ? journal.get().depositOf() : journalId;
        long after = Page.decodeId(cursor, Long.MIN_VALUE);
        Map<String, PaymentInJournal> payments = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT p.entity_code, p.number, p.row_no, p.party_id, p.payment_date, p.amount, p.currency, p.method_id,
                               p.check_number, p.applied, p.unapplied
                          FROM payment p
                         WHERE p.journal_id = :journal AND p.row_no > :after
                           AND (CAST(:entity AS text) IS NULL OR EXISTS (SELECT 1 FROM application a
                                                            WHERE a.kind = 'PAYMENT' AND a.reference = p.number
                                                              AND a.entity_code = CAST(:entity AS text)))
                         ORDER BY p.row_no
                         LIMIT :limit""")
                .param("journal", cashJournal).param("after", after)
                .param("entity", journal.get().depositOf() != null ? journal.get().entity() : null)
                .param("limit", limit + 1)
                .query(rs -> {
                    payments.put(rs.getString(2), new PaymentInJournal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class), rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getBigDecimal(10), rs.getBigDecimal(11), new ArrayList<>()));
                });
        if (!payments.isEmpty()) {
            jdbc.sql("""
                            SELECT reference, entity_code, document_number, amount FROM application
                             WHERE kind = 'PAYMENT' AND reference = ANY(?) ORDER BY id""")
                    .param(payments.keySet().toArray(String[]::new))
                    .query(rs -> {
                        payments.get(rs.getString(1)).paid().add(new Applied(rs.getString(2), rs.getString(3), rs.getBigDecimal(4)));
                    });
        }
        return Optional.of(Page.of(new ArrayList<>(payments.values()), limit, p -> List.of(p.row())));
    }
}
