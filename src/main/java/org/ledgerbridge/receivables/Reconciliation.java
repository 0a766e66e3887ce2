package org.ledgerbridge.receivables;

import org.ledgerbridge.ledger.Account;
import org.ledgerbridge.ledger.AccountRole;
import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.ledger.TrialBalanceLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Does the subledger tie out? Per entity, the AR and AP subledgers' open balances (released
 * documents, in base currency: invoices less credits) against the GL (every journal not voided,
 * posted or not): for AR, the AR control account plus the unapplied-credit account, where the
 * credits of payments wait (an entity whose chart has none keeps them in AR control); for AP, the
 * AP control account. The subledger side sums every
 * document (a report of all balances reads them all); the GL side comes from the trial balance,
 * which reads posted batches' kept totals and only the lines of batches not posted yet.
 */
@Service
public class Reconciliation {

    private final JdbcClient jdbc;
    private final LedgerSetup setup;
    private final LedgerReports reports;

    public Reconciliation(JdbcClient jdbc, LedgerSetup setup, LedgerReports reports) {
        this.jdbc = jdbc;
        this.setup = setup;
        this.reports = reports;
    }

    /**
     * @param subledger    what the parties owe (AR) or are owed (AP), in base currency
     * @param controlAccount the GL account with role AR_CONTROL / AP_CONTROL, or null when the chart has none
     * @param creditAccount AR: the account with role UNAPPLIED_CREDIT, or null when the chart has none
     * @param gl           those accounts' balance, as a positive amount owed (debit for AR, credit for AP)
     * @param unreleased   migrated documents not released yet (not in the subledger figure)
     */
    public record Line(String entity, String module, BigDecimal subledger, String controlAccount, String creditAccount,
                       BigDecimal gl, BigDecimal difference, long unreleased) {

        /** The GL side in words: "1200", "1200 + 2300", "(none)". */
        public String glAccounts() {
            return controlAccount == null ? "(none)" : creditAccount == null ? controlAccount : controlAccount + " + " + creditAccount;
        }
    }

    public List<Line> run(String entityFilter) {
        Map<String, BigDecimal> subledger = new HashMap<>();
        Map<String, Long> unreleased = new HashMap<>();
        StringBuilder signs = new StringBuilder("CASE");
        for (DocumentType type : DocumentType.values()) {
            signs.append(" WHEN module = '").append(type.module()).append("' AND doc_type = '").append(type.code())
                    .append("' THEN ").append(type.sign());
        }
        signs.append(" ELSE 0 END");
        jdbc.sql("""
                        SELECT d.entity_code, d.module, e.base_currency,
                               sum(%s * round((d.open_balance + d.unreleased_retainage) * d.exchange_rate, 4))
                                   FILTER (WHERE d.status IN ('OPEN', 'CLOSED')) AS owed,
                               count(*) FILTER (WHERE d.status IN ('ON_HOLD', 'BALANCED')) AS unreleased
                          FROM document d JOIN financial_entity e ON e.code = d.entity_code
                         GROUP BY d.entity_code, d.module, e.base_currency""".formatted(signs))
                .query(rs -> {
                    String key = rs.getString(1) + "/" + rs.getString(2);
                    BigDecimal owed = rs.getBigDecimal("owed") == null ? BigDecimal.ZERO : rs.getBigDecimal("owed");
                    subledger.put(key, owed.setScale(Currencies.scale(rs.getString(3)), RoundingMode.HALF_EVEN));
                    unreleased.put(key, rs.getLong("unreleased"));
                });
        Map<String, BigDecimal> glBalance = new HashMap<>();
        for (TrialBalanceLine line : reports.trialBalance(entityFilter, true)) {
            glBalance.put(line.entity() + "/" + line.account(), line.balance());
        }
        Map<String, String> controls = new HashMap<>();
        Map<String, String> credits = new HashMap<>();
        for (Account account : setup.accounts()) {
            if (account.role() == AccountRole.AR_CONTROL) {
                controls.put(account.entity() + "/AR", account.code());
            } else if (account.role() == AccountRole.AP_CONTROL) {
                controls.put(account.entity() + "/AP", account.code());
            } else if (account.role() == AccountRole.UNAPPLIED_CREDIT) {
                credits.put(account.entity() + "/AR", account.code());
            }
        }
        List<Line> lines = new ArrayList<>();
        for (FinancialEntity entity : setup.entities().values()) {
            if (entityFilter != null && !entityFilter.equals(entity.code())) {
                continue;
            }
            int scale = Currencies.scale(entity.baseCurrency());
            for (String module : List.of("AR", "AP")) {
                String key = entity.code() + "/" + module;
                String control = controls.get(key);
                String credit = control == null ? null : credits.get(key);
                BigDecimal balance = control == null ? BigDecimal.ZERO
                        : glBalance.getOrDefault(entity.code() + "/" + control, BigDecimal.ZERO);
                if (credit != null) {
                    balance = balance.add(glBalance.getOrDefault(entity.code() + "/" + credit, BigDecimal.ZERO));
                }
                BigDecimal gl = (module.equals("AR") ? balance : balance.negate()).setScale(scale, RoundingMode.UNNECESSARY);
                BigDecimal sub = subledger.getOrDefault(key, BigDecimal.ZERO.setScale(scale));
                lines.add(new Line(entity.code(), module, sub, control, credit, gl, sub.subtract(gl), unreleased.getOrDefault(key, 0L)));
            }
        }
        return lines;
    }
}
