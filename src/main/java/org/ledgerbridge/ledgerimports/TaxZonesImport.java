package org.ledgerbridge.ledgerimports;

import org.ledgerbridge.imports.ImportRule;
import org.ledgerbridge.imports.Cells;
import org.ledgerbridge.imports.KeyRules;
import org.ledgerbridge.imports.ImportColumn;
import org.ledgerbridge.imports.ImportKind;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.ledger.Account;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.ledger.TaxZone;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** `import tax-zones`: ZONE, ENTITY, TAX_CODE, RATE (a fraction: 0.10 for 10 %), TAX_ACCOUNT (an account of that entity). */
@Component
class TaxZonesImport implements ImportKind<TaxZone> {

    static final String ZONE = "ZONE";
    static final String ENTITY = "ENTITY";
    static final String TAX_CODE = "TAX_CODE";
    static final String RATE = "RATE";
    static final String TAX_ACCOUNT = "TAX_ACCOUNT";

    private final LedgerSetup ledger;

    TaxZonesImport(LedgerSetup ledger) {
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "tax-zones";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(ImportColumn.required(ZONE), ImportColumn.required(ENTITY), ImportColumn.required(TAX_CODE),
                ImportColumn.required(RATE), ImportColumn.required(TAX_ACCOUNT));
    }

    @Override
    public Session<TaxZone> open(ImportOptions options, long importRunId) {
        Set<String> entities = ledger.entities().keySet();
        Map<String, Account> accounts = ledger.accounts().stream().collect(Collectors.toMap(a -> a.entity() + "/" + a.code(), a -> a));
        Set<String> existing = ledger.taxZones().keySet();
        Map<String, Long> seenInFile = new HashMap<>();
        LedgerSetup.Writer<TaxZone> writer = ledger.taxZoneWriter();
        return new Session<>() {
            @Override
            public TaxZone validate(SourceRow row, RowErrors errors) {
                String zone = KeyRules.code(row, ZONE, 40, errors);
                String entity = Cells.required(row, ENTITY, 20, errors);
                String code = Cells.required(row, TAX_CODE, 40, errors);
                BigDecimal rate = rate(row, errors);
                String account = Cells.required(row, TAX_ACCOUNT, 40, errors);
                if (entity != null && !entities.contains(entity)) {
                    errors.error(ENTITY, ImportRule.UNKNOWN_ENTITY, "no financial entity '" + entity + "'; import the financial entities first");
                } else if (entity != null && account != null && !accounts.containsKey(entity + "/" + account)) {
                    errors.error(TAX_ACCOUNT, ImportRule.UNKNOWN_ACCOUNT, "no account " + account + " in the chart of " + entity);
                }
                if (zone != null && entity != null) {
                    KeyRules.uniqueInLedgerAndFile(entity + "/" + zone, "tax zone " + zone + " of " + entity,
                            existing.contains(entity + "/" + zone), seenInFile, row, ZONE, errors);
                }
                return errors.currentRowHasErrors() ? null : new TaxZone(entity, zone, code, rate, account);
            }

            @Override
            public void write(TaxZone zone) {
                writer.add(zone);
            }

            @Override
            public Map<String, Object> commit() {
                writer.close();
                return Map.of("taxZonesAdded", writer.count());
            }
        };
    }

    /** A fraction from 0 up to (not including) 1, at most six decimals: 10 % is written 0.10. */
    private static BigDecimal rate(SourceRow row, RowErrors errors) {
        BigDecimal rate = Cells.decimal(row, RATE, errors);
        if (rate == null) {
            return null;
        }
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            errors.error(RATE, ImportRule.RATE_NOT_A_FRACTION, "the rate " + rate.toPlainString() + " is not a fraction from 0 to 1: "
                    + "10 % is written 0.10");
            return null;
        }
        if (rate.stripTrailingZeros().scale() > 6) {
            errors.error(RATE, ImportRule.RATE_TOO_PRECISE, "the rate " + rate.toPlainString() + " has more than six decimals");
            return null;
        }
        return rate.stripTrailingZeros();
    }
}
