package org.ledgerbridge.projects;

import org.ledgerbridge.ledger.ErrorCode;
import org.ledgerbridge.imports.ImportRule;
import org.ledgerbridge.receivables.DocumentRule;
import org.ledgerbridge.imports.Cells;
import org.ledgerbridge.imports.ImportColumn;
import org.ledgerbridge.imports.ImportKind;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.imports.KeyRules;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.ledgerbridge.storage.CopyWriter;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.ledgerbridge.imports.ImportColumn.optional;
import static org.ledgerbridge.imports.ImportColumn.required;

/**
 * `import pro-forma-invoices` (PM in migration mode): NUMBER, PROJECT, DATE, ORIGINAL_AMOUNT,
 * OPEN_BALANCE (what was open on the migration date), AR_DOCUMENT (optional: the AR document of the
 * project's entity and customer it corresponds to).
 */
@Component
class ProFormaInvoicesImport implements ImportKind<ProFormaInvoicesImport.ProForma> {

    static final String NUMBER = "NUMBER";
    static final String PROJECT = "PROJECT";
    static final String DATE = "DATE";
    static final String ORIGINAL_AMOUNT = "ORIGINAL_AMOUNT";
    static final String OPEN_BALANCE = "OPEN_BALANCE";
    static final String AR_DOCUMENT = "AR_DOCUMENT";

    private final LedgerSetup ledger;
    private final Projects projects;
    private final MigrationMode migrationMode;

    ProFormaInvoicesImport(LedgerSetup ledger, Projects projects, MigrationMode migrationMode) {
        this.ledger = ledger;
        this.projects = projects;
        this.migrationMode = migrationMode;
    }

    record ProForma(String number, String project, LocalDate date, BigDecimal originalAmount, BigDecimal openBalance,
                    String arDocument) {
    }

    /** An AR document a row names, checked with all the others at the end of the file. */
    private record Named(long row, Project project, String number) {
    }

    @Override
    public String name() {
        return "pro-forma-invoices";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(required(NUMBER), required(PROJECT), required(DATE), required(ORIGINAL_AMOUNT), required(OPEN_BALANCE),
                optional(AR_DOCUMENT));
    }

    @Override
    public Set<ErrorCode> ledgerRuleCodes() {
        return Set.of(DocumentRule.MIGRATION_MODE_OFF);
    }

    @Override
    public Session<ProForma> open(ImportOptions options, long importRunId) {
        boolean pmOn = migrationMode.isOn(NewDocument.Module.PM);
        Map<String, Project> all = projects.all();
        Map<String, FinancialEntity> entities = ledger.entities();
        Set<String> existing = projects.proFormaNumbers();
        Map<String, Long> seenInFile = new HashMap<>();
        CopyWriter writer = projects.proFormaWriter();
        List<Named> named = new java.util.ArrayList<>();
        return new Session<>() {
            @Override
            public ProForma validate(SourceRow row, RowErrors errors) {
                ProjectRules.pmInMigrationMode(pmOn, row, errors);
                String number = KeyRules.code(row, NUMBER, 60, errors);
                Project project = ProjectRules.project(row, PROJECT, all, errors);
                String currency = project == null ? null : entities.get(project.entity()).baseCurrency();
                LocalDate date = Cells.date(row, DATE, Cells.ISO_DATE, "YYYY-MM-DD", errors);
                BigDecimal original = Cells.amount(row, ORIGINAL_AMOUNT, currency, errors);
                BigDecimal open = Cells.amount(row, OPEN_BALANCE, currency, errors);
                if (original != null && original.signum() < 0) {
                    errors.error(ORIGINAL_AMOUNT, ImportRule.AMOUNT_NEGATIVE, "the original amount " + original.toPlainString() + " may not be negative");
                }
                if (open != null && open.signum() < 0) {
                    errors.error(OPEN_BALANCE, DocumentRule.OPEN_BALANCE_NEGATIVE, "the open balance " + open.toPlainString() + " may not be negative");
                } else if (open != null && original != null && original.signum() >= 0 && open.compareTo(original) > 0) {
                    errors.error(OPEN_BALANCE, DocumentRule.OPEN_BALANCE_EXCEEDS_ORIGINAL, "the open balance " + open.toPlainString()
                            + " exceeds the original amount " + original.toPlainString());
                }
                String arDocument = Cells.optional(row, AR_DOCUMENT, 60, errors);
                if (project != null && !arDocument.isEmpty()) {
                    named.add(new Named(row.number(), project, arDocument)); // checked at the end of the file, all at once
                }
                if (number != null) {
                    KeyRules.uniqueInLedgerAndFile(number, "pro forma invoice " + number, existing.contains(number), seenInFile, row,
                            NUMBER, errors);
                }
                return errors.currentRowHasErrors() ? null
                        : new ProForma(number, project.id(), date, original, open, arDocument.isEmpty() ? null : arDocument);
            }

            /** Each AR_DOCUMENT must be an AR document of the project's entity, billed to the project's customer. */
            @Override
            public void endOfFile(RowErrors errors) {
                List<String> parties = projects.arDocumentParties(named.stream().map(n -> n.project().entity()).toList(),
                        named.stream().map(Named::number).toList());
                for (int i = 0; i < named.size(); i++) {
                    Named n = named.get(i);
                    String party = parties.get(i);
                    if (party == null) {
                        errors.errorAt(n.row(), AR_DOCUMENT, ProjectRule.UNKNOWN_AR_DOCUMENT, "no AR document " + n.number() + " of "
                                + n.project().entity());
                    } else if (!party.equals(n.project().customerId())) {
                        errors.errorAt(n.row(), AR_DOCUMENT, ProjectRule.AR_DOCUMENT_OF_ANOTHER_CUSTOMER, "AR document " + n.number() + " is "
                                + party + "'s; project " + n.project().id() + " is billed to " + n.project().customerId());
                    }
                }
            }

            @Override
            public void write(ProForma p) {
                writer.row(p.number(), p.project(), p.date(), p.originalAmount(), p.openBalance(), p.arDocument(), importRunId);
            }

            @Override
            public Map<String, Object> commit() {
                writer.close();
                return Map.of("proFormaInvoicesAdded", writer.rows());
            }
        };
    }
}
