package org.ledgerbridge.projects;

import org.ledgerbridge.receivables.DocumentRule;

import org.ledgerbridge.ledger.ErrorCode;
import org.ledgerbridge.imports.ImportRule;
import org.ledgerbridge.imports.Cells;
import org.ledgerbridge.imports.ImportColumn;
import org.ledgerbridge.imports.ImportKind;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.ledgerbridge.storage.CopyWriter;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.ledgerbridge.imports.ImportColumn.optional;
import static org.ledgerbridge.imports.ImportColumn.required;

/**
 * `import project-transactions` (PM in migration mode): PROJECT, REVENUE_LINE, DATE, AMOUNT,
 * QUANTITY, DEBIT_ACCOUNT, CREDIT_ACCOUNT. Seed 002: only the debit account is given and the
 * credit account left empty, so that releasing them makes no GL entry; a credit account is refused.
 */
@Component
class ProjectTransactionsImport implements ImportKind<ProjectTransactionsImport.Transaction> {

    static final String PROJECT = "PROJECT";
    static final String REVENUE_LINE = "REVENUE_LINE";
    static final String DATE = "DATE";
    static final String AMOUNT = "AMOUNT";
    static final String QUANTITY = "QUANTITY";
    static final String DEBIT_ACCOUNT = "DEBIT_ACCOUNT";
    static final String CREDIT_ACCOUNT = "CREDIT_ACCOUNT";

    private final LedgerSetup ledger;
    private final Projects projects;
    private final MigrationMode migrationMode;

    ProjectTransactionsImport(LedgerSetup ledger, Projects projects, MigrationMode migrationMode) {
        this.ledger = ledger;
        this.projects = projects;
        this.migrationMode = migrationMode;
    }

    record Transaction(long row, String project, String revenueLine, LocalDate date, BigDecimal amount, BigDecimal quantity,
                       String debitAccount) {
    }

    @Override
    public String name() {
        return "project-transactions";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(required(PROJECT), required(REVENUE_LINE), required(DATE), required(AMOUNT), optional(QUANTITY),
                required(DEBIT_ACCOUNT), optional(CREDIT_ACCOUNT));
    }

    @Override
    public Set<ErrorCode> ledgerRuleCodes() {
        return Set.of(DocumentRule.MIGRATION_MODE_OFF);
    }

    @Override
    public Session<Transaction> open(ImportOptions options, long importRunId) {
        boolean pmOn = migrationMode.isOn(NewDocument.Module.PM);
        Map<String, Project> all = projects.all();
        Map<String, String> currencies = new java.util.HashMap<>();
        ledger.entities().forEach((code, entity) -> currencies.put(code, entity.baseCurrency()));
        Set<String> accounts = new HashSet<>();
        ledger.accounts().forEach(a -> accounts.add(a.entity() + "/" + a.code()));
        CopyWriter writer = projects.transactionWriter();
        return new Session<>() {
            @Override
            public Transaction validate(SourceRow row, RowErrors errors) {
                ProjectRules.pmInMigrationMode(pmOn, row, errors);
                Project project = ProjectRules.project(row, PROJECT, all, errors);
                String revenueLine = Cells.required(row, REVENUE_LINE, 40, errors);
                LocalDate date = Cells.date(row, DATE, Cells.ISO_DATE, "YYYY-MM-DD", errors);
                BigDecimal amount = Cells.amount(row, AMOUNT, project == null ? null : currencies.get(project.entity()), errors);
                BigDecimal quantity = row.get(QUANTITY).isEmpty() ? BigDecimal.ZERO : Cells.decimal(row, QUANTITY, errors);
                String debit = Cells.required(row, DEBIT_ACCOUNT, 40, errors);
                if (project != null && debit != null && !accounts.contains(project.entity() + "/" + debit)) {
                    errors.error(DEBIT_ACCOUNT, ImportRule.UNKNOWN_ACCOUNT, "no account " + debit + " in the chart of " + project.entity());
                }
                if (!row.get(CREDIT_ACCOUNT).isEmpty()) {
                    errors.error(CREDIT_ACCOUNT, ProjectRule.PROJECT_CREDIT_ACCOUNT_NOT_ALLOWED, "a migrated project transaction has a debit "
                            + "account only: with a credit account its release would post to the GL; leave CREDIT_ACCOUNT empty");
                }
                return errors.currentRowHasErrors() ? null
                        : new Transaction(row.number(), project.id(), revenueLine, date, amount, quantity, debit);
            }

            @Override
            public void write(Transaction t) {
                writer.row(importRunId, t.row(), t.project(), t.revenueLine(), t.date(), t.amount(), t.quantity(), t.debitAccount());
            }

            @Override
            public Map<String, Object> commit() {
                writer.close();
                return Map.of("transactionsAdded", writer.rows());
            }
        };
    }
}
