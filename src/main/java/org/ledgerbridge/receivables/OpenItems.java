package org.ledgerbridge.receivables;

import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.ledger.Page;
import org.ledgerbridge.ledger.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Open items of the AR and AP subledgers, and the check that open balances match applications. */
@Service
public class OpenItems {

    private final JdbcClient jdbc;

    private static final String DOCUMENTS = """
            SELECT entity_code, module, doc_type, number, party_id, doc_date, due_date, currency,
                   original_amount, open_balance, status, migrated, exchange_rate, migrated_balance, unreleased_retainage,
                   original_reference, service_start, service_end, amount_ex_tax, tax_amount, tax_zone, tax_category,
                   (SELECT e.base_currency FROM financial_entity e WHERE e.code = document.entity_code) AS base_currency,
                   (SELECT string_agg(o.reference, ', ' ORDER BY o.reference) FROM order_reference o
                     WHERE o.entity_code = document.entity_code AND o.module = document.module
                       AND o.document_number = document.number) AS purchase_order
              FROM document
            """;

    public OpenItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the documents screen filters on; null or blank means any. */
    public record Filter(String entity, String partyId, String number, boolean includeClosed) {
    }

    /**
     * Documents matching the filter, a page at a time in the order of the documents index (party,
     * due date with undated last, date, then entity, module and number); the cursor is the last
     * document shown.
     */
    public Page<OpenItem> page(Filter filter, String cursor, int limit) {
        List<String> after = cursor == null ? null : Page.decode(cursor, 6);
        var statement = jdbc.sql(DOCUMENTS + """
                         WHERE (:all OR status <> 'CLOSED')
                           AND (CAST(:entity AS text) IS NULL OR entity_code = :entity)
                           AND (CAST(:party AS text) IS NULL OR party_id = :party)
                           AND (CAST(:number AS text) IS NULL OR number LIKE :number || '%')
                        """ + (filter.number() == null || filter.number().isBlank() ? "" : """
                           AND number ~>=~ CAST(:start AS text) AND number ~<~ (CAST(:start AS text) || chr(1114111))
                        """) + (after == null ? "" : """
                           AND (party_id, coalesce(due_date, 'infinity'::date), doc_date, entity_code, module, number)
                             > (:p, CAST(:due AS date), CAST(:date AS date), :e, :m, :n)
                        """) + """
                         ORDER BY party_id, coalesce(due_date, 'infinity'::date), doc_date, entity_code, module, number
                         LIMIT :limit""")
                .param("all", filter.includeClosed())
                .param("entity", blankToNull(filter.entity()))
                .param("party", blankToNull(filter.partyId()))
                .param("number", blankToNull(filter.number() == null ? null : filter.number().replace("\\", "\\\\")
                        .replace("%", "\\%").replace("_", "\\_")))
                .param("start", blankToNull(filter.number())) // the prefix as a range of the number index
                .param("limit", limit + 1);
        if (after != null) {
            try {
                statement = statement.param("p", after.get(0)).param("due", LocalDate.parse(after.get(1)))
                        .param("date", LocalDate.parse(after.get(2))).param("e", after.get(3)).param("m", after.get(4))
                        .param("n", after.get(5));
            } catch (java.time.format.DateTimeParseException e) {
                throw new Page.BadCursor();
            }
        }
        List<OpenItem> rows = statement.query((rs, n) -> item(rs)).list();
        return Page.of(rows, limit, d -> List.of(d.partyId(), d.dueDate() == null ? "+999999999-12-31" : d.dueDate(), d.date(),
                d.entity(), d.module(), d.number()));
    }

    public java.util.Optional<OpenItem> find(String entity, String module, String number) {
        return jdbc.sql(DOCUMENTS + " WHERE entity_code = ? AND module = ? AND number = ?")
                .params(entity, module, number)
                .query((rs, n) -> item(rs))
                .optional();
    }

    /** What was applied to a document: migrated settlements, payments and credits, oldest first. */
    public record Application(LocalDate appliedOn, String kind, java.math.BigDecimal amount, String reference) {
    }

    public List<Application> applications(String entity, String module, String number) {
        return jdbc.sql("""
                        SELECT a.applied_on, a.kind, a.amount, a.reference, d.currency
                          FROM application a
                          JOIN document d ON d.entity_code = a.entity_code AND d.module = a.module AND d.number = a.document_number
                         WHERE a.entity_code = ? AND a.module = ? AND a.document_number = ?
                         ORDER BY a.applied_on, a.id""")
                .params(entity, module, number)
                .query((rs, n) -> new Application(rs.getObject(1, LocalDate.class), rs.getString(2),
                        Currencies.atScale(rs.getBigDecimal(3), rs.getString(5)), rs.getString(4)))
                .list();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static OpenItem item(java.sql.ResultSet rs) throws java.sql.SQLException {
        String currency = rs.getString("currency");
        java.math.BigDecimal original = rs.getBigDecimal("original_amount");
        java.math.BigDecimal rate = rs.getBigDecimal("exchange_rate");
        return new OpenItem(rs.getString("entity_code"), rs.getString("module"), rs.getString("doc_type"),
                rs.getString("number"), rs.getString("party_id"), rs.getObject("doc_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class), currency,
                Currencies.atScale(original, currency),
                Currencies.atScale(rs.getBigDecimal("open_balance"), currency),
                rs.getString("status"), rs.getBoolean("migrated"), rs.getBoolean("migrated") ? "Migrated" : null,
                rate.stripTrailingZeros().setScale(Math.max(0, rate.stripTrailingZeros().scale())),
                Currencies.toBase(original, rate, rs.getString("base_currency")),
                atScaleOrNull(rs.getBigDecimal("migrated_balance"), currency),
                Currencies.atScale(rs.getBigDecimal("unreleased_retainage"), currency),
                rs.getString("purchase_order"), rs.getString("original_reference"),
                rs.getObject("service_start", LocalDate.class), rs.getObject("service_end", LocalDate.class),
                atScaleOrNull(rs.getBigDecimal("amount_ex_tax"), currency), atScaleOrNull(rs.getBigDecimal("tax_amount"), currency),
                rs.getString("tax_zone"), rs.getString("tax_category"));
    }

    private static java.math.BigDecimal atScaleOrNull(java.math.BigDecimal amount, String currency) {
        return amount == null ? null : Currencies.atScale(amount, currency);
    }

    /** Every document of the party (or all), in page order, read a page at a time: for tests and small ledgers. */
    public List<OpenItem> list(String partyId, boolean includeClosed) {
        Filter filter = new Filter(null, partyId, null, includeClosed);
        return Page.all(cursor -> page(filter, cursor, Page.MAX_LIMIT));
    }


    /** Every document's open balance is its original amount less retainage and what was applied to it (`check`: every row, on purpose). */
    public List<Violation> check() {
        List<Violation> violations = new ArrayList<>();
        jdbc.sql("""
                        SELECT d.entity_code, d.module, d.number, d.original_amount, d.unreleased_retainage, d.open_balance,
                               coalesce(sum(a.amount), 0) AS applied
                          FROM document d
                          LEFT JOIN application a ON a.entity_code = d.entity_code AND a.module = d.module
                                                 AND a.document_number = d.number
                         WHERE d.status IN ('OPEN', 'CLOSED')
                         GROUP BY d.entity_code, d.module, d.number
                        HAVING d.original_amount - d.unreleased_retainage - coalesce(sum(a.amount), 0) <> d.open_balance
                         ORDER BY 1, 2, 3""")
                .query(rs -> {
                    violations.add(new Violation(DocumentRule.OPEN_BALANCE_INCONSISTENT,
                            "document:" + rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3),
                            "open balance " + rs.getBigDecimal("open_balance").toPlainString() + " but original "
                                    + rs.getBigDecimal("original_amount").toPlainString() + " less retainage "
                                    + rs.getBigDecimal("unreleased_retainage").toPlainString() + " less applied "
                                    + rs.getBigDecimal("applied").toPlainString()));
                });
        jdbc.sql("SELECT entity_code, module, number FROM document WHERE (status = 'CLOSED') <> (open_balance = 0 AND unreleased_retainage = 0) AND status IN ('OPEN', 'CLOSED')")
                .query(rs -> {
                    violations.add(new Violation(DocumentRule.DOCUMENT_STATUS_INCONSISTENT,
                            "document:" + rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3),
                            "a document is CLOSED exactly when nothing is left open on it (balance and retainage)"));
                });
        return violations;
    }
}
