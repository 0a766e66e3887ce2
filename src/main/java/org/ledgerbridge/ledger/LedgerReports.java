package org.ledgerbridge.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-outs of the ledger: trial balance and journals. */
@Service
public class LedgerReports {

    private final JdbcClient jdbc;

    public LedgerReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per entity and account, from journals in POSTED batches (and OPEN/READY ones when asked). */
    public List<TrialBalanceLine> trialBalance(String entity, boolean includeUnposted) {
        return jdbc.sql("""
                        SELECT l.entity_code, l.account_code, e.base_currency,
                               sum(l.base_debit) AS debit, sum(l.base_credit) AS credit
                          FROM journal_line l
                          JOIN journal j ON j.entity_code = l.entity_code AND j.id = l.journal_id
                          JOIN batch b ON b.id = j.batch_id
                          JOIN financial_entity e ON e.code = l.entity_code
                         WHERE (b.status = 'POSTED' OR (:unposted AND b.status IN ('OPEN', 'READY')))
                           AND (CAST(:entity AS text) IS NULL OR l.entity_code = :entity)
                         GROUP BY l.entity_code, l.account_code, e.base_currency
                         ORDER BY l.entity_code, l.account_code""")
                .param("unposted", includeUnposted)
                .param("entity", entity)
                .query((rs, n) -> {
                    String currency = rs.getString("base_currency");
                    var debit = Currencies.atScale(rs.getBigDecimal("debit"), currency);
                    var credit = Currencies.atScale(rs.getBigDecimal("credit"), currency);
                    return new TrialBalanceLine(rs.getString(1), rs.getString(2), debit, credit, debit.subtract(credit));
                })
                .list();
    }

    /** Journals dated in the range (either end open), oldest first, with their lines. */
    public List<JournalView> journals(LocalDate from, LocalDate to) {
        return journalsWhere("""
                (CAST(:from AS date) IS NULL OR j.journal_date >= :from)
                AND (CAST(:to AS date) IS NULL OR j.journal_date <= :to) AND b.status <> 'VOIDED'""",
                Map.of("from", java.util.Optional.ofNullable(from), "to", java.util.Optional.ofNullable(to)));
    }

    /** One journal with its lines, whatever its batch's status. */
    public java.util.Optional<JournalView> journal(long id) {
        return journalsWhere("j.id = :id", Map.of("id", java.util.Optional.of(id))).stream().findFirst();
    }

    /** The journals with a line on the document (its invoice, payments, credits), oldest first. */
    public List<JournalView> journalsOfDocument(String entity, String number) {
        return journalsWhere("""
                (j.entity_code, j.id) IN (SELECT d.entity_code, d.journal_id FROM journal_line d
                                           WHERE d.entity_code = :entity AND d.document_number = :number)""",
                Map.of("entity", java.util.Optional.of(entity), "number", java.util.Optional.of(number)));
    }

    /** Per entity: journals and base-currency debits of posted batches, and of batches not posted yet. */
    public record EntityTotals(String entity, String baseCurrency, long postedJournals, BigDecimal posted,
                               long unpostedJournals, BigDecimal unposted) {
    }

    public List<EntityTotals> entityTotals() {
        return jdbc.sql("""
                        SELECT e.code, e.base_currency,
                               count(DISTINCT j.id) FILTER (WHERE b.status = 'POSTED'),
                               coalesce(sum(l.base_debit) FILTER (WHERE b.status = 'POSTED'), 0),
                               count(DISTINCT j.id) FILTER (WHERE b.status IN ('OPEN', 'READY')),
                               coalesce(sum(l.base_debit) FILTER (WHERE b.status IN ('OPEN', 'READY')), 0)
                          FROM financial_entity e
                          LEFT JOIN journal j ON j.entity_code = e.code
                          LEFT JOIN batch b ON b.id = j.batch_id
                          LEFT JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id
                         GROUP BY e.code, e.base_currency
                         ORDER BY e.code""")
                .query((rs, n) -> new EntityTotals(rs.getString(1), rs.getString(2), rs.getLong(3),
                        Currencies.atScale(rs.getBigDecimal(4), rs.getString(2)), rs.getLong(5),
                        Currencies.atScale(rs.getBigDecimal(6), rs.getString(2))))
                .list();
    }

    private List<JournalView> journalsWhere(String where, Map<String, java.util.Optional<?>> params) {
        Map<Long, JournalView> journals = new LinkedHashMap<>();
        var statement = jdbc.sql("""
                        SELECT j.id, j.entity_code, j.journal_date, b.name AS batch, j.source, b.status, x.exported_at,
                               j.sent_at, j.reverses_journal_id, l.account_code, l.currency, l.debit, l.credit, l.party_id,
                               l.document_number, l.description
                          FROM journal j
                          JOIN batch b ON b.id = j.batch_id
                          JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id
                          LEFT JOIN journal_export x ON x.journal_id = j.id
                        """ + " WHERE " + where + " ORDER BY j.journal_date, j.id, l.line_no");
        for (var param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue().orElse(null));
        }
        statement.query(rs -> {
                    long id = rs.getLong("id");
                    JournalView journal = journals.computeIfAbsent(id, key -> {
                        try {
                            long reverses = rs.getLong("reverses_journal_id");
                            Long reversesJournal = rs.wasNull() ? null : reverses;
                            return new JournalView(key, rs.getString("entity_code"), rs.getObject("journal_date", LocalDate.class),
                                    rs.getString("batch"), rs.getString("source"), BatchStatus.valueOf(rs.getString("status")),
                                    rs.getObject("exported_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class),
                                    reversesJournal, new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    String currency = rs.getString("currency");
                    journal.lines().add(new JournalView.Line(rs.getString("account_code"), currency,
                            Currencies.atScale(rs.getBigDecimal("debit"), currency),
                            Currencies.atScale(rs.getBigDecimal("credit"), currency),
                            rs.getString("party_id"), rs.getString("document_number"), rs.getString("description")));
                });
        return new ArrayList<>(journals.values());
    }
}
