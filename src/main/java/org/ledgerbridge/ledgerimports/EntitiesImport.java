package org.ledgerbridge.ledgerimports;

import org.ledgerbridge.imports.ImportRule;
import org.ledgerbridge.imports.Cells;
import org.ledgerbridge.imports.KeyRules;
import org.ledgerbridge.imports.ImportColumn;
import org.ledgerbridge.imports.ImportKind;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.LedgerSetup;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** `import entities`: CODE, NAME, BASE_CURRENCY. */
@Component
class EntitiesImport implements ImportKind<FinancialEntity> {

    static final String CODE = "CODE";
    static final String NAME = "NAME";
    static final String BASE_CURRENCY = "BASE_CURRENCY";

    private final LedgerSetup ledger;

    EntitiesImport(LedgerSetup ledger) {
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "entities";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(ImportColumn.required(CODE), ImportColumn.required(NAME), ImportColumn.required(BASE_CURRENCY));
    }

    @Override
    public Session<FinancialEntity> open(ImportOptions options, long importRunId) {
        Set<String> existing = ledger.entities().keySet();
        Map<String, Long> seenInFile = new HashMap<>();
        LedgerSetup.Writer<FinancialEntity> writer = ledger.entityWriter();
        return new Session<>() {
            @Override
            public FinancialEntity validate(SourceRow row, RowErrors errors) {
                String code = KeyRules.code(row, CODE, 20, errors);
                String name = Cells.required(row, NAME, 200, errors);
                String currency = row.get(BASE_CURRENCY).toUpperCase(java.util.Locale.ROOT);
                if (currency.isEmpty()) {
                    errors.error(BASE_CURRENCY, ImportRule.VALUE_REQUIRED, "BASE_CURRENCY is required (an ISO 4217 code such as USD)");
                } else if (!Currencies.isKnown(currency)) {
                    errors.error(BASE_CURRENCY, ImportRule.UNKNOWN_CURRENCY, "'" + row.get(BASE_CURRENCY) + "' is not an ISO 4217 currency code");
                }
                if (code != null) {
                    KeyRules.uniqueInLedgerAndFile(code, "entity " + code, existing.contains(code), seenInFile, row, CODE, errors);
                }
                return errors.currentRowHasErrors() ? null : new FinancialEntity(code, name, currency);
            }

            @Override
            public void write(FinancialEntity entity) {
                writer.add(entity);
            }

            @Override
            public Map<String, Object> commit() {
                writer.close();
                return Map.of("entitiesAdded", writer.count());
            }
        };
    }
}
