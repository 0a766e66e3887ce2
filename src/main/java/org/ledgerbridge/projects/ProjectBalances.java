package org.ledgerbridge.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A project as `report projects` shows it: its pro forma invoices (each with the AR document it
 * corresponds to, "migrated" once released) and its revenue lines' actuals, summed from its
 * released transactions. {@code balance} is what its released pro forma invoices leave open.
 */
public record ProjectBalances(String project, String entity, String customerId, String name, ProjectStatus status,
                              BigDecimal balance, List<ProForma> proForma, List<RevenueLine> revenueLines) {

    /** {@code migrated}: released, shown "Migrated" where a GL batch would be (seed 002's Migrated check box). */
    public record ProForma(String number, LocalDate date, BigDecimal originalAmount, BigDecimal openBalance, String arDocument,
                           boolean migrated) {
    }

    public record RevenueLine(String revenueLine, BigDecimal actualAmount, BigDecimal actualQuantity) {
    }
}
