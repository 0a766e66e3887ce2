package org.ledgerbridge.ledgerimports;

import org.ledgerbridge.imports.ImportRule;
import org.ledgerbridge.imports.ImportColumn;
import org.ledgerbridge.imports.KeyRules;
import org.ledgerbridge.imports.ImportKind;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.ledger.TaxCategory;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** `import tax-categories`: CATEGORY, TAXABLE (yes or no). */
@Component
class TaxCategoriesImport implements ImportKind<TaxCategory> {

    static final String CATEGORY = "CATEGORY";
    static final String TAXABLE = "TAXABLE";

    private final LedgerSetup ledger;

    TaxCategoriesImport(LedgerSetup ledger) {
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "tax-categories";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(ImportColumn.required(CATEGORY), ImportColumn.required(TAXABLE));
    }

    @Override
    public Session<TaxCategory> open(ImportOptions options, long importRunId) {
        Set<String> existing = ledger.taxCategories().keySet();
        Map<String, Long> seenInFile = new HashMap<>();
        LedgerSetup.Writer<TaxCategory> writer = ledger.taxCategoryWriter();
        return new Session<>() {
            @Override
            public TaxCategory validate(SourceRow row, RowErrors errors) {
                String category = KeyRules.code(row, CATEGORY, 40, errors);
                Boolean taxable = switch (row.get(TAXABLE).toLowerCase(Locale.ROOT)) {
                    case "yes", "y", "true", "1" -> Boolean.TRUE;
                    case "no", "n", "false", "0" -> Boolean.FALSE;
                    default -> {
                        errors.error(TAXABLE, ImportRule.INVALID_VALUE, "TAXABLE is yes or no"
                                + (row.get(TAXABLE).isEmpty() ? "" : ", not '" + row.get(TAXABLE) + "'"));
                        yield null;
                    }
                };
                if (category != null) {
                    KeyRules.uniqueInLedgerAndFile(category, "tax category " + category, existing.contains(category), seenInFile, row,
                            CATEGORY, errors);
                }
                return errors.currentRowHasErrors() ? null : new TaxCategory(category, taxable);
            }

            @Override
            public void write(TaxCategory category) {
                writer.add(category);
            }

            @Override
            public Map<String, Object> commit() {
                writer.close();
                return Map.of("taxCategoriesAdded", writer.count());
            }
        };
    }
}
