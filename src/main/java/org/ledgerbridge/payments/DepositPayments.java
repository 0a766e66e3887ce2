package org.ledgerbridge.payments;

import org.ledgerbridge.ledger.Currencies;
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
import java.util.Set;

/**
 * Drill-down from a journal to the payments summed into it, with what each paid: a deposit
 * journal's payments in file order (in another entity than the cash, those that paid its
 * invoices), a page at a time along the payments' key (import, row) of the journal's import; what
 * each paid along its party's documents ({@code document_by_party}) and their applications.
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

    /**
     * The journal (in the cash entity) each of these payments is summed into, by payment number
     * (PAY-import-row, as applications and credit documents name them), along the payments' key;
     * numbers of no payment are left out.
     */
    public Map<String, Long> journalsOf(java.util.Collection<String> paymentNumbers) {
        List<Long> runs = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        for (String number : paymentNumbers) {
            String[] parts = number == null ? new String[0] : number.split("-");
            if (parts.length == 3 && parts[0].equals("PAY") && parts[1].matches("\\d{1,18}") && parts[2].matches("\\d{1,18}")) {
                runs.add(Long.parseLong(parts[1]));
                rows.add(Long.parseLong(parts[2]));
            }
        }
        Map<String, Long> journals = new LinkedHashMap<>();
        if (runs.isEmpty()) {
            return journals;
        }
        jdbc.sql("""
                        SELECT p.number, p.journal_id FROM unnest(?::bigint[], ?::bigint[]) AS k(run, row_no)
                          JOIN payment p ON p.import_run_id = k.run AND p.row_no = k.row_no
                         WHERE p.journal_id IS NOT NULL""")
                .param(runs.toArray(Long[]::new)).param(rows.toArray(Long[]::new))
                .query(rs -> {
                    journals.put(rs.getString(1), rs.getLong(2));
                });
        return journals;
    }

    /** The payments summed into journal {@code journalId}, in file order; empty when there is no such journal. */
    public Optional<Page<PaymentInJournal>> ofJournal(long journalId, String cursor, int limit) {
        Optional<JournalView> journal = reports.journal(journalId);
        if (journal.isEmpty()) {
            return Optional.empty();
        }
        long cashJournal = journal.get().depositOf() != null ? journal.get().depositOf() : journalId;
        // an inter-entity journal lists the payments of its cash journal that paid invoices of its own entity
        String paidIn = journal.get().depositOf() != null ? journal.get().entity() : null;
        record CashJournal(String entity, long importRun) {
        }
        Optional<CashJournal> cash = jdbc.sql("SELECT j.entity_code, b.import_run_id FROM journal j JOIN batch b ON b.id = j.batch_id WHERE j.id = ?"
                        + " AND b.import_run_id IS NOT NULL")
                .param(cashJournal).query((rs, n) -> new CashJournal(rs.getString(1), rs.getLong(2))).optional();
        Map<String, PaymentInJournal> payments = new LinkedHashMap<>();
        long after = Page.decodeId(cursor, Long.MIN_VALUE);
        // the payments of the cash journal in file order, a page's worth at a time, until the page is full (every one of
        // them when they are all on the page's journal; those that paid there when it is another entity's). Larger runs
        // read faster in a sparse journal, but then the planner reads a small ledger's payments whole.
        int run = limit + 1;
        while (cash.isPresent() && payments.size() <= limit) {
            List<PaymentInJournal> candidates = jdbc.sql("""
                            SELECT p.entity_code, p.number, p.row_no, p.party_id, p.payment_date, p.amount, p.currency, p.method_id,
                                   p.check_number, p.applied, p.unapplied
                              FROM payment p
                             WHERE p.entity_code = ? AND p.import_run_id = ? AND p.row_no > ? AND p.journal_id = ?
                             ORDER BY p.row_no
                             LIMIT ?""")
                    .params(cash.get().entity(), cash.get().importRun(), after, cashJournal, run)
                    .query((rs, n) -> {
                        String currency = rs.getString(7);
                        return new PaymentInJournal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                                rs.getObject(5, LocalDate.class), Currencies.atScale(rs.getBigDecimal(6), currency), currency, rs.getString(8),
                                rs.getString(9), Currencies.atScale(rs.getBigDecimal(10), currency), Currencies.atScale(rs.getBigDecimal(11), currency),
                                new ArrayList<>());
                    }).list();
            Set<String> paidThere = paidIn == null ? null : paidIn(paidIn, candidates);
            for (PaymentInJournal payment : candidates) {
                if (payments.size() <= limit && (paidThere == null || paidThere.contains(payment.number()))) {
                    payments.put(payment.number(), payment);
                }
            }
            if (candidates.size() < run) {
                break;
            }
            after = candidates.get(candidates.size() - 1).row();
        }
        if (!payments.isEmpty()) {
            // what a payment paid are invoices of its party: along the party's documents and their applications
            // (OFFSET 0 keeps the applications a lookup per document: joined, a small ledger's plan scans them all)
            jdbc.sql("""
                            SELECT a.reference, a.entity_code, a.document_number, a.amount
                              FROM document d
                             CROSS JOIN LATERAL (SELECT * FROM application a
                                                  WHERE a.entity_code = d.entity_code AND a.module = d.module
                                                    AND a.document_number = d.number AND a.kind = 'PAYMENT'
                                                    AND a.reference = ANY(?) OFFSET 0) a
                             WHERE d.party_id = ANY(?) AND d.module = 'AR'
                             ORDER BY a.id""")
                    .param(payments.keySet().toArray(String[]::new))
                    .param(payments.values().stream().map(PaymentInJournal::partyId).distinct().toArray(String[]::new))
                    .query(rs -> {
                        PaymentInJournal payment = payments.get(rs.getString(1));
                        payment.paid().add(new Applied(rs.getString(2), rs.getString(3), Currencies.atScale(rs.getBigDecimal(4), payment.currency())));
                    });
        }
        return Optional.of(Page.of(new ArrayList<>(payments.values()), limit, p -> List.of(p.row())));
    }

    /** Which of {@code payments} paid invoices of {@code entity}: along their parties' documents there (one entity, one node). */
    private Set<String> paidIn(String entity, List<PaymentInJournal> payments) {
        if (payments.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        SELECT DISTINCT a.reference
                          FROM document d
                          JOIN application a ON a.entity_code = d.entity_code AND a.module = d.module AND a.document_number = d.number
                         WHERE d.entity_code = ? AND d.party_id = ANY(?) AND d.module = 'AR'
                           AND a.kind = 'PAYMENT' AND a.reference = ANY(?)""")
                .params(entity, payments.stream().map(PaymentInJournal::partyId).distinct().toArray(String[]::new),
                        payments.stream().map(PaymentInJournal::number).toArray(String[]::new))
                .query(String.class).list());
    }
}
