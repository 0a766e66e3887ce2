package org.ledgerbridge.receivables;

import org.ledgerbridge.ledger.ErrorCode;
import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.imports.Cells;
import org.ledgerbridge.imports.ImportColumn;
import org.ledgerbridge.imports.ImportKind;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.receivables.CreditApplicationRules.Application;
import org.ledgerbridge.receivables.CreditApplicationRules.Refusal;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.ledgerbridge.imports.ImportColumn.optional;
import static org.ledgerbridge.imports.ImportColumn.required;

/**
 * `import credit-applications`: which credit of a member pays which of its invoices, one row each,
 * checked by the same rules as `documents apply`; each row sees what the rows before it applied.
 * All the journals go into one OPEN batch.
 */
@Component
class CreditApplicationsImport implements ImportKind<Application> {

    static final String BILL_TO_ID = "BILL_TO_ID";
    static final String CREDIT_NUMBER = "CREDIT_NUMBER";
    static final String INVOICE_NUMBER = "INVOICE_NUMBER";
    static final String AMOUNT = "AMOUNT";
    static final String DATE = "DATE";

    private final CreditApplications credits;

    CreditApplicationsImport(CreditApplications credits) {
        this.credits = credits;
    }

    @Override
    public String name() {
        return "credit-applications";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(required(BILL_TO_ID), required(CREDIT_NUMBER), required(INVOICE_NUMBER), optional(AMOUNT), optional(DATE));
    }

    @Override
    public Set<ErrorCode> ledgerRuleCodes() {
        return Set.of(DocumentRule.MIGRATION_MODE_ON, DocumentRule.CLOSED_PERIOD, DocumentRule.ACCOUNT_ROLE_MISSING);
    }

    @Override
    public Session<Application> open(ImportOptions options, long importRunId) {
        CreditPostingRules rules = credits.rules();
        Map<String, List<ArDocument>> byParty = new HashMap<>();
        List<Application> accepted = new ArrayList<>();
        return new Session<>() {
            private boolean migrationModeReported;
            private BigDecimal total = BigDecimal.ZERO;

            @Override
            public Application validate(SourceRow row, RowErrors errors) {
                Optional<Refusal> mode = rules.migrationModeRefusal();
                if (mode.isPresent() && !migrationModeReported) {
                    migrationModeReported = true;
                    errors.error(null, mode.get().rule(), mode.get().message());
                }
                String party = Cells.required(row, BILL_TO_ID, 40, errors);
                String creditNumber = Cells.required(row, CREDIT_NUMBER, 81, errors);
                String invoiceNumber = Cells.required(row, INVOICE_NUMBER, 81, errors);
                BigDecimal amount = row.get(AMOUNT).isEmpty() ? null : Cells.decimal(row, AMOUNT, errors);
                LocalDate date = Cells.optionalDate(row, DATE, Cells.ISO_DATE, "YYYY-MM-DD", errors);
                if (row.get(DATE).isEmpty()) {
                    date = options.asOf();
                    errors.warning(DATE, DocumentRule.DATE_DEFAULTED, "no DATE: the application is dated " + date + ", the business date");
                }
                if (errors.currentRowHasErrors() || party == null || creditNumber == null || invoiceNumber == null) {
                    return null;
                }
                List<ArDocument> documents = byParty.computeIfAbsent(party, p -> credits.documentsOf(p, null));
                ArDocument credit = one(documents, party, creditNumber, CREDIT_NUMBER, errors);
                ArDocument invoice = one(documents, party, invoiceNumber, INVOICE_NUMBER, errors);
                if (credit == null || invoice == null) {
                    return null;
                }
                BigDecimal applied = amount != null ? amount : CreditApplicationRules.defaultAmount(credit, invoice);
                Application application = new Application(credit, invoice, applied, date);
                Optional<Refusal> refusal = CreditApplicationRules.refusal(credit, invoice, applied).or(() -> rules.ledgerRefusal(application));
                if (refusal.isPresent()) {
                    errors.error(columnOf(refusal.get().rule(), credit), refusal.get().rule(), refusal.get().message());
                    return null;
                }
                credit.reduceBy(applied); // later rows see what this one applied
                invoice.reduceBy(applied);
                total = total.add(applied);
                return application;
            }

            @Override
            public void write(Application application) {
                accepted.add(application);
            }

            @Override
            public Map<String, Object> preview() {
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("applied", Currencies.atLeastCents(total).toPlainString());
                return summary;
            }

            @Override
            public Map<String, Object> commit() {
                CreditApplications.Outcome.Applied applied = credits.post(accepted, rules, importRunId, options.actor());
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("applications", applied.applications().size());
                summary.put("applied", Currencies.atLeastCents(applied.total()).toPlainString());
                summary.put("batch", applied.batchName());
                summary.put("batchId", applied.batchId());
                return summary;
            }
        };
    }

    /** The party's document named NUMBER or ENTITY/NUMBER; an error at {@code column} when none or several. */
    private static ArDocument one(List<ArDocument> documents, String party, String reference, String column, RowErrors errors) {
        List<ArDocument> found = documents.stream()
                .filter(d -> d.number().equals(reference) || d.reference().equals(reference)).toList();
        if (found.isEmpty()) {
            errors.error(column, DocumentRule.DOCUMENT_NOT_FOUND, "no AR document " + reference + " of " + party);
            return null;
        }
        if (found.size() > 1) {
            errors.error(column, DocumentRule.DOCUMENT_AMBIGUOUS, reference + " is a document of " + party + " in "
                    + String.join(" and ", found.stream().map(ArDocument::entity).toList()) + ": write ENTITY/" + reference);
            return null;
        }
        return found.get(0);
    }

    private static String columnOf(DocumentRule rule, ArDocument credit) {
        return switch (rule) {
            case NOT_A_CREDIT, CREDIT_USED_UP -> CREDIT_NUMBER;
            case NOT_RELEASED -> credit.released() ? INVOICE_NUMBER : CREDIT_NUMBER;
            case AMOUNT_NOT_POSITIVE, AMOUNT_EXCEEDS_CURRENCY_SCALE, AMOUNT_EXCEEDS_CREDIT, AMOUNT_EXCEEDS_INVOICE -> AMOUNT;
            case CLOSED_PERIOD -> DATE;
            case ACCOUNT_ROLE_MISSING, MIGRATION_MODE_ON, NOTHING_TO_APPLY -> null;
            default -> INVOICE_NUMBER;
        };
    }
}
