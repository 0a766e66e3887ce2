package org.ledgerbridge.ledgerimports;

import org.ledgerbridge.imports.ImportRule;
import org.ledgerbridge.imports.Cells;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.ledger.Account;
import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.LedgerSetup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** What the GL imports (trial balance, GL transactions) check on every line, read once per import. */
final class GlLines {

    private final Map<String, FinancialEntity> entities;
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, LocalDate> closedThrough;

    GlLines(LedgerSetup ledger) {
        this.entities = ledger.entities();
        for (Account account : ledger.accounts()) {
            accounts.put(account.entity() + "/" + account.code(), account);
        }
        this.closedThrough = ledger.closedPeriods();
    }

    FinancialEntity entity(SourceRow row, String column, RowErrors errors) {
        String code = Cells.required(row, column, 20, errors);
        if (code == null) {
            return null;
        }
        FinancialEntity entity = entities.get(code);
        if (entity == null) {
            errors.error(column, ImportRule.UNKNOWN_ENTITY, "no financial entity '" + code + "'");
        }
        return entity;
    }

    /** An active account of the entity's chart. */
    String account(SourceRow row, String column, FinancialEntity entity, RowErrors errors) {
        String code = Cells.required(row, column, 40, errors);
        if (code == null || entity == null) {
            return code;
        }
        Account account = accounts.get(entity.code() + "/" + code);
        if (account == null) {
            errors.error(column, ImportRule.UNKNOWN_ACCOUNT, "no account " + code + " in the chart of " + entity.code());
            return null;
        }
        if (!account.active()) {
            errors.error(column, ImportRule.INACTIVE_ACCOUNT, "account " + code + " of " + entity.code() + " is inactive");
            return null;
        }
        return code;
    }

    /** A debit or credit cell: empty is zero; never negative; at the entity's currency scale. */
    static BigDecimal side(SourceRow row, String column, FinancialEntity entity, RowErrors errors) {
        if (row.get(column).isEmpty()) {
            return BigDecimal.ZERO;
        }
        BigDecimal amount = Cells.decimal(row, column, errors);
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0) {
            errors.error(column, ImportRule.AMOUNT_NEGATIVE, column + " " + amount.toPlainString()
                    + " may not be negative; put it in the other column");
            return null;
        }
        if (entity != null && !Currencies.fitsScale(amount, entity.baseCurrency())) {
            errors.error(column, ImportRule.AMOUNT_EXCEEDS_CURRENCY_SCALE, amount.toPlainString() + " has more decimals than "
                    + entity.baseCurrency() + " allows");
            return null;
        }
        return amount;
    }

    static void notBothSides(BigDecimal debit, BigDecimal credit, String creditColumn, RowErrors errors) {
        if (debit != null && credit != null && debit.signum() > 0 && credit.signum() > 0) {
            errors.error(creditColumn, ImportRule.BOTH_DEBIT_AND_CREDIT, "a line has a debit or a credit, not debit "
                    + debit.toPlainString() + " and credit " + credit.toPlainString());
        }
    }

    void periodOpen(LocalDate date, FinancialEntity entity, String column, RowErrors errors) {
        if (date == null || entity == null) {
            return;
        }
        LocalDate closed = closedThrough.get(entity.code());
        if (closed != null && !date.isAfter(closed)) {
            errors.error(column, ImportRule.CLOSED_PERIOD, "the books of " + entity.code() + " are closed through " + closed
                    + "; " + date + " falls in a closed period");
        }
    }
}
