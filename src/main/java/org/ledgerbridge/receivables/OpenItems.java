package org.ledgerbridge.receivables;

import org.ledgerbridge.ledger.Currencies;
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

    public OpenItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<OpenItem> list(String partyId, boolean includeClosed) {
        return jdbc.sql("""
                        SELECT entity_code, module, doc_type, number, party_id, doc_date, due_date, currency,
                               original_amount, open_balance, status, migrated
                          FROM document
                         WHERE (:all OR status <> 'CLOSED')
                           AND (CAST(:party AS text) IS NULL OR party_id = :party)
                         ORDER BY party_id, due_date NULLS LAST, doc_date, number""")
                .param("all", includeClosed)
                .param("party", partyId)
                .query((rs, n) -> {
                    String currency = rs.getString("currency");
                    return new OpenItem(rs.getString("entity_code"), rs.getString("module"), rs.getString("doc_type"),
                            rs.getString("number"), rs.getString("party_id"), rs.getObject("doc_date", LocalDate.class),
                            rs.getObject("due_date", LocalDate.class), currency,
                            Currencies.atScale(rs.getBigDecimal("original_amount"), currency),
                            Currencies.atScale(rs.getBigDecimal("open_balance"), currency),
                            rs.getString("status"), rs.getBoolean("migrated"), rs.getBoolean("migrated") ? "Migrated" : null);
                })
                .list();
    }

    /** Every document's open balance is its original amount less retainage and what was applied to it. */
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
                    violations.add(new Violation("OPEN_BALANCE_INCONSISTENT",
                            "document:" + rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3),
                            "open balance " + rs.getBigDecimal("open_balance").toPlainString() + " but original "
                                    + rs.getBigDecimal("original_amount").toPlainString() + " less retainage "
                                    + rs.getBigDecimal("unreleased_retainage").toPlainString() + " less applied "
                                    + rs.getBigDecimal("applied").toPlainString()));
                });
        jdbc.sql("SELECT entity_code, module, number FROM document WHERE (status = 'CLOSED') <> (open_balance = 0 AND unreleased_retainage = 0) AND status IN ('OPEN', 'CLOSED')")
                .query(rs -> {
                    violations.add(new Violation("DOCUMENT_STATUS_INCONSISTENT",
                            "document:" + rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3),
                            "a document is CLOSED exactly when nothing is left open on it (balance and retainage)"));
                });
        return violations;
    }
}
