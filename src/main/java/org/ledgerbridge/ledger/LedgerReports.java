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

    /**
     * Per entity and account, from journals in POSTED batches (and OPEN/READY ones when asked):
     * posted batches from the totals written when each was posted, batches not posted yet from
     * their lines (a short list of batches; with none, no line is read).
     */
    public List<TrialBalanceLine> trialBalance(String entity, boolean includeUnposted) {
        Long[] open = includeUnposted
                ? jdbc.sql("SELECT id FROM batch WHERE status IN ('OPEN', 'READY')").query(Long.class).list().toArray(Long[]::new)
                : new Long[0];
        return jdbc.sql("""
                        SELECT x.entity_code, x.account_code, e.base_currency, sum(x.debit) AS debit, sum(x.credit) AS credit
                          FROM (SELECT t.entity_code, t.account_code, t.base_debit AS debit, t.base_credit AS credit
                                  FROM batch_account_total t JOIN batch b ON b.id = t.batch_id
                                 WHERE b.status = 'POSTED'
                                UNION ALL
                                SELECT l.entity_code, l.account_code, l.base_debit, l.base_credit
                                  FROM journal j JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id
                                 WHERE cardinality(CAST(:open AS bigint[])) > 0 AND j.batch_id = ANY(:open)) x
                          JOIN financial_entity e ON e.code = x.entity_code
                         WHERE CAST(:entity AS text) IS NULL OR x.entity_code = :entity
                         GROUP BY x.entity_code, x.account_code, e.base_currency
                         ORDER BY x.entity_code, x.account_code""")
                .param("open", open)
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

    /**
     * Journals dated in the range (either end open) of one entity or all, with their lines, a page
     * at a time along the (entity, date, id) index: entity by entity, oldest first. Voided batches
     * are left out.
     */
    public Page<JournalView> journals(LocalDate from, LocalDate to, String entity, String cursor, int limit) {
        List<String> after = cursor == null ? null : Page.decode(cursor, 3);
        Map<String, java.util.Optional<?>> params = new java.util.HashMap<>();
        params.put("from", java.util.Optional.ofNullable(from));
        params.put("to", java.util.Optional.ofNullable(to));
        params.put("entity", java.util.Optional.ofNullable(entity));
        StringBuilder where = new StringBuilder("b.status <> 'VOIDED'");
        if (from != null) {
            where.append(" AND j.journal_date >= :from");
        }
        if (to != null) {
            where.append(" AND j.journal_date <= :to");
        }
        if (entity != null) {
            where.append(" AND j.entity_code = :entity");
        }
        if (after != null) {
            where.append(" AND (j.entity_code, j.journal_date, j.id) > (:afterEntity, CAST(:afterDate AS date), CAST(:afterId AS bigint))");
            params.put("afterEntity", java.util.Optional.of(after.get(0)));
            params.put("afterDate", java.util.Optional.of(parse(() -> LocalDate.parse(after.get(1)))));
            params.put("afterId", java.util.Optional.of(parse(() -> Long.parseLong(after.get(2)))));
        }
        List<JournalView> rows = journalPage(where.toString(), "j.entity_code, j.journal_date, j.id", params, limit + 1);
        return Page.of(rows, limit, j -> List.of(j.entity(), j.date(), j.id()));
    }

    /** A batch's journals with their lines, in id order, a page at a time along the (batch, id) index. */
    public Page<JournalView> journalsOfBatch(long batchId, String cursor, int limit) {
        Map<String, java.util.Optional<?>> params = new java.util.HashMap<>();
        params.put("batch", java.util.Optional.of(batchId));
        params.put("after", java.util.Optional.of(Page.decodeId(cursor, 0)));
        List<JournalView> rows = journalPage("j.batch_id = :batch AND j.id > :after", "j.id", params, limit + 1);
        return Page.of(rows, limit, j -> List.of(j.id()));
    }

    private static <T> T parse(java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (RuntimeException e) {
            throw new Page.BadCursor();
        }
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
        // posted: the totals written when each batch was posted; not posted yet: summed through the open batches' journals
        // (a short list of batches; with none, no journal is read at all)
        Long[] open = jdbc.sql("SELECT id FROM batch WHERE status IN ('OPEN', 'READY')").query(Long.class).list().toArray(Long[]::new);
        return jdbc.sql("""
                        WITH p AS (SELECT t.entity_code, sum(t.journals) AS journals, sum(t.base_debit) AS debit
                                     FROM batch_day_total t JOIN batch b ON b.id = t.batch_id
                                    WHERE b.status = 'POSTED'
                                    GROUP BY t.entity_code),
                             u AS (SELECT j.entity_code, count(*) AS journals, sum(x.debit) AS debit
                                     FROM journal j
                                     CROSS JOIN LATERAL (SELECT sum(l.base_debit) AS debit FROM journal_line l
                                                          WHERE l.entity_code = j.entity_code AND l.journal_id = j.id) x
                                    WHERE cardinality(CAST(:open AS bigint[])) > 0 AND j.batch_id = ANY(:open)
                                    GROUP BY j.entity_code)
                        -- grouped by entity, then joined to the entities: on a Citus cluster each entity's sums are made on its node
                        SELECT e.code, e.base_currency, coalesce(p.journals, 0), coalesce(p.debit, 0), coalesce(u.journals, 0),
                               coalesce(u.debit, 0)
                          FROM financial_entity e
                          LEFT JOIN p ON p.entity_code = e.code
                          LEFT JOIN u ON u.entity_code = e.code
                         ORDER BY e.code""")
                .param("open", open)
                .query((rs, n) -> new EntityTotals(rs.getString(1), rs.getString(2), rs.getLong(3),
                        Currencies.atScale(rs.getBigDecimal(4), rs.getString(2)), rs.getLong(5),
                        Currencies.atScale(rs.getBigDecimal(6), rs.getString(2))))
                .list();
    }

    /** The journals chosen by {@code where}, at most {@code limit} in {@code order}, with all their lines. */
    private List<JournalView> journalPage(String where, String order, Map<String, java.util.Optional<?>> params, int limit) {
        return readJournals("""
                WITH page AS (SELECT j.id FROM journal j JOIN batch b ON b.id = j.batch_id WHERE %s ORDER BY %s LIMIT %d)
                """.formatted(where, order, limit), "JOIN page p ON p.id = j.id", "TRUE", order, params);
    }

    private List<JournalView> journalsWhere(String where, Map<String, java.util.Optional<?>> params) {
        return readJournals("", "", where, "j.journal_date, j.id", params);
    }

    private List<JournalView> readJournals(String with, String join, String where, String order,
                                           Map<String, java.util.Optional<?>> params) {
        Map<Long, JournalView> journals = new LinkedHashMap<>();
        var statement = jdbc.sql(with + """
                        SELECT j.id, jn.number, j.entity_code, j.journal_date, b.name AS batch, j.source, b.status, x.exported_at,
                               j.sent_at, j.reverses_journal_id, j.deposit_journal_id, l.account_code, l.currency, l.debit,
                               l.credit, l.party_id, l.document_number, l.description, l.payment_count
                          FROM journal j
                          JOIN batch b ON b.id = j.batch_id
                          JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id
                          LEFT JOIN journal_export x ON x.entity_code = j.entity_code AND x.journal_id = j.id
                          LEFT JOIN posted_journal_number jn ON jn.entity_code = j.entity_code AND jn.journal_id = j.id
                        """ + join + " WHERE " + where + " ORDER BY " + order + ", l.line_no");
        for (var param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue().orElse(null));
        }
        statement.query(rs -> {
                    long id = rs.getLong("id");
                    JournalView journal = journals.computeIfAbsent(id, key -> {
                        try {
                            long reverses = rs.getLong("reverses_journal_id");
                            Long reversesJournal = rs.wasNull() ? null : reverses;
                            Long depositOf = rs.getObject("deposit_journal_id", Long.class);
                            return new JournalView(key, rs.getObject("number", Long.class), rs.getString("entity_code"), rs.getObject("journal_date", LocalDate.class),
                                    rs.getString("batch"), rs.getString("source"), BatchStatus.valueOf(rs.getString("status")),
                                    rs.getObject("exported_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class),
                                    reversesJournal, depositOf, new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    String currency = rs.getString("currency");
                    journal.lines().add(new JournalView.Line(rs.getString("account_code"), currency,
                            Currencies.atScale(rs.getBigDecimal("debit"), currency),
                            Currencies.atScale(rs.getBigDecimal("credit"), currency),
                            rs.getString("party_id"), rs.getString("document_number"), rs.getString("description"),
                            rs.getObject("payment_count", Integer.class)));
                });
        return new ArrayList<>(journals.values());
    }
}
