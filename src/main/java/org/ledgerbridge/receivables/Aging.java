package org.ledgerbridge.receivables;

import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.ledger.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * AR and AP aging on a report date: per entity, party and currency, the open balances of the
 * released documents by how many days past due each is (past its date when it has no due date):
 * current, 1-30, 31-60, 61-90 and over 90 days. A credit the party has not used yet (a payment,
 * prepayment or credit memo; on AP a debit adjustment) counts against it, in the column of its own age.
 */
@Service
public class Aging {

    private final JdbcClient jdbc;

    public Aging(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The columns of the report, as the command line, the screen and the CSV download show them. */
    public static final List<String> COLUMNS = List.of("PARTY", "NAME", "ENTITY", "CURRENCY", "CURRENT", "1-30", "31-60", "61-90",
            "OVER 90", "TOTAL");

    /** One party's open balances by age, or an entity's total when {@code partyId} is null. */
    public record Line(String entity, String partyId, String partyName, String currency, BigDecimal current, BigDecimal days1To30,
                       BigDecimal days31To60, BigDecimal days61To90, BigDecimal over90, BigDecimal total) {

        /** The line in the order of {@link #COLUMNS}; an entity's total has no party. */
        public List<String> cells() {
            return Arrays.asList(partyId == null ? "" : partyId, partyName == null ? "" : partyName, entity, currency,
                    current.toPlainString(), days1To30.toPlainString(), days31To60.toPlainString(), days61To90.toPlainString(),
                    over90.toPlainString(), total.toPlainString());
        }
    }

    private static final String AGED = """
            SELECT entity_code, party_id, currency,
                   sum(amount) FILTER (WHERE age <= 0) AS current,
                   sum(amount) FILTER (WHERE age BETWEEN 1 AND 30) AS d30,
                   sum(amount) FILTER (WHERE age BETWEEN 31 AND 60) AS d60,
                   sum(amount) FILTER (WHERE age BETWEEN 61 AND 90) AS d90,
                   sum(amount) FILTER (WHERE age > 90) AS over90,
                   sum(amount) AS total
              FROM (SELECT entity_code, party_id, currency, CAST(:asOf AS date) - coalesce(due_date, doc_date) AS age,
                           CASE WHEN doc_type = ANY(:credits) THEN -open_balance ELSE open_balance END AS amount
                      FROM document
                     WHERE module = :module AND status = 'OPEN'
                       AND (CAST(:entity AS text) IS NULL OR entity_code = :entity)
                       %s) d
             GROUP BY party_id, entity_code, currency
            """;

    /**
     * The parties of {@code module} in party order (each party's entities and currencies together), a
     * page at a time along the documents' index by party: a page reads its parties' documents only,
     * so no index of its own is kept for this report (each would cost the payments import its updates).
     */
    public Page<Line> page(NewDocument.Module module, LocalDate asOf, String entity, String cursor, int limit) {
        List<String> after = cursor == null ? null : Page.decode(cursor, 3);
        String query = "SELECT a.*, p.name FROM (" + AGED.formatted(after == null ? ""
                : "AND party_id >= :p AND (party_id, entity_code, currency) > (:p, :e, :c)")
                + " ORDER BY party_id, entity_code, currency LIMIT :limit) a JOIN party p ON p.party_id = a.party_id"
                + " ORDER BY a.party_id, a.entity_code, a.currency";
        var statement = jdbc.sql(query).param("asOf", asOf).param("credits", credits(module)).param("module", module.name())
                .param("entity", entity == null || entity.isBlank() ? null : entity).param("limit", limit + 1);
        if (after != null) {
            statement = statement.param("p", after.get(0)).param("e", after.get(1)).param("c", after.get(2));
        }
        List<Line> rows = statement.query((rs, n) -> line(rs, rs.getString("party_id"), rs.getString("name"))).list();
        return Page.of(rows, limit, l -> List.of(l.partyId(), l.entity(), l.currency()));
    }

    /** Per entity and currency, every party's open balances together. */
    public List<Line> totals(NewDocument.Module module, LocalDate asOf) {
        return jdbc.sql("""
                        SELECT entity_code, currency, sum(current) AS current, sum(d30) AS d30, sum(d60) AS d60, sum(d90) AS d90,
                               sum(over90) AS over90, sum(total) AS total
                          FROM (%s) a GROUP BY entity_code, currency ORDER BY entity_code, currency""".formatted(AGED.formatted("")))
                .param("asOf", asOf).param("credits", credits(module)).param("module", module.name()).param("entity", null)
                .query((rs, n) -> line(rs, null, null)).list();
    }

    private static String[] credits(NewDocument.Module module) {
        return Arrays.stream(DocumentType.values()).filter(t -> t.module() == module && t.sign() < 0).map(DocumentType::code)
                .toArray(String[]::new);
    }

    private static Line line(ResultSet rs, String partyId, String partyName) throws SQLException {
        String currency = rs.getString("currency").trim();
        return new Line(rs.getString("entity_code"), partyId, partyName, currency, amount(rs, "current", currency),
                amount(rs, "d30", currency), amount(rs, "d60", currency), amount(rs, "d90", currency), amount(rs, "over90", currency),
                amount(rs, "total", currency));
    }

    private static BigDecimal amount(ResultSet rs, String column, String currency) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return Currencies.atScale(value == null ? BigDecimal.ZERO : value, currency);
    }
}
