package org.ledgerbridge.receivables;

import org.ledgerbridge.ledger.ErrorCode;
import org.ledgerbridge.imports.ImportRule;
import org.ledgerbridge.imports.Cells;
import org.ledgerbridge.imports.ImportColumn;
import org.ledgerbridge.imports.ImportKind;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.ledger.PartyKind;
import org.ledgerbridge.ledger.TaxSplit;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.ledgerbridge.imports.ImportColumn.optional;
import static org.ledgerbridge.imports.ImportColumn.required;

/**
 * `import documents`: AR and AP documents of a retired system, entered in migration mode as
 * seed 002 (MYOB Advanced) describes: original amount, dates, currency and rate, the balance open
 * on the migration date, status ON_HOLD or BALANCED. They change no GL account; `documents
 * release` makes them count in the parties' balances.
 */
@Component
class DocumentsImport implements ImportKind<NewDocument> {

    static final String MODULE = "MODULE";
    static final String TYPE = "TYPE";
    static final String NUMBER = "NUMBER";
    static final String PARTY_ID = "PARTY_ID";
    static final String ENTITY = "ENTITY";
    static final String DATE = "DATE";
    static final String DUE_DATE = "DUE_DATE";
    static final String CURRENCY = "CURRENCY";
    static final String EXCHANGE_RATE = "EXCHANGE_RATE";
    static final String ORIGINAL_AMOUNT = "ORIGINAL_AMOUNT";
    static final String OPEN_BALANCE = "OPEN_BALANCE";
    static final String INVOICE_TYPE = "INVOICE_TYPE";
    static final String SOURCE_SYSTEM = "SOURCE_SYSTEM";
    static final String RETAINAGE_PERCENT = "RETAINAGE_PERCENT";
    static final String STATUS = "STATUS";
    static final String DESCRIPTION = "DESCRIPTION";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final LedgerSetup ledger;
    private final Documents documents;
    private final MigrationMode migrationMode;

    DocumentsImport(LedgerSetup ledger, Documents documents, MigrationMode migrationMode) {
        this.ledger = ledger;
        this.documents = documents;
        this.migrationMode = migrationMode;
    }

    @Override
    public String name() {
        return "documents";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(required(MODULE), required(TYPE), required(NUMBER), required(PARTY_ID), required(ENTITY), required(DATE),
                optional(DUE_DATE), required(CURRENCY), optional(EXCHANGE_RATE), required(ORIGINAL_AMOUNT), required(OPEN_BALANCE),
                optional(INVOICE_TYPE), optional(SOURCE_SYSTEM), optional(RETAINAGE_PERCENT), required(STATUS), optional(DESCRIPTION),
                optional(TaxColumns.TAX_ZONE), optional(TaxColumns.TAX_CATEGORY));
    }

    @Override
    public Set<ErrorCode> ledgerRuleCodes() {
        return Set.of(DocumentRule.MIGRATION_MODE_OFF);
    }

    @Override
    public Session<NewDocument> open(ImportOptions options, long importRunId) {
        Map<String, FinancialEntity> entities = ledger.entities();
        Map<String, PartyKind> parties = new HashMap<>();
        ledger.forEachParty(p -> parties.put(p.id(), p.kind()));
        Set<String> existing = documents.keys();
        Map<NewDocument.Module, Boolean> modes = migrationMode.enabled();
        Documents.Writer writer = documents.writer(importRunId, options.asOf());
        Map<String, Long> seenInFile = new HashMap<>();
        Set<NewDocument.Module> modeReported = EnumSet.noneOf(NewDocument.Module.class);
        Rules rules = new Rules(entities, parties, existing::contains, modes, new TaxColumns.Table(ledger.taxZones(), ledger.taxCategories()));
        Map<NewDocument.Module, long[]> counts = new EnumMap<>(NewDocument.Module.class);
        Map<NewDocument.Module, BigDecimal> retained = new EnumMap<>(NewDocument.Module.class);

        return new Session<>() {
            @Override
            public NewDocument validate(SourceRow row, RowErrors errors) {
                return rules.validate(row, errors, modeReported::add, key -> {
                    Long first = seenInFile.putIfAbsent(key, row.number());
                    return first == null ? null : "appears again; first on row " + first;
                });
            }

            @Override
            public void write(NewDocument document) {
                writer.add(document);
            }

            @Override
            public void accepted(NewDocument document) {
                long[] c = counts.computeIfAbsent(document.module(), m -> new long[3]);
                c[0]++;
                c[document.status() == DocumentStatus.ON_HOLD ? 1 : 2]++;
                retained.merge(document.module(), document.unreleasedRetainage(), BigDecimal::add);
            }

            @Override
            public Map<String, Object> commit() {
                writer.close();
                return preview();
            }

            @Override
            public Map<String, Object> preview() {
                Map<String, Object> summary = new LinkedHashMap<>();
                counts.forEach((module, c) -> {
                    summary.put(module + " documents", c[0]);
                    summary.put(module + " on hold", c[1]);
                    summary.put(module + " balanced (ready to release)", c[2]);
                    summary.put(module + " unreleased retainage", Currencies.atLeastCents(retained.get(module)).toPlainString());
                });
                summary.put("journalsPosted", 0);
                return summary;
            }
        };
    }

    /**
     * The rules of a migrated document, one row at a time: the import checks each row of its file
     * with them, and `documents edit` checks an edited document with the very same rules.
     */
    static final class Rules {
        private final Map<String, FinancialEntity> entities;
        private final Map<String, PartyKind> parties;
        private final java.util.function.Predicate<String> existing;
        private final Map<NewDocument.Module, Boolean> modes;
        private final TaxColumns.Table taxes;

        Rules(Map<String, FinancialEntity> entities, Map<String, PartyKind> parties, java.util.function.Predicate<String> existing,
              Map<NewDocument.Module, Boolean> modes, TaxColumns.Table taxes) {
            this.entities = entities;
            this.parties = parties;
            this.existing = existing;
            this.modes = modes;
            this.taxes = taxes;
        }

        /**
         * @param firstOfModule  true the first time a module is seen (its migration-mode error is reported once)
         * @param seenBefore     "appears again ..." when the key was already seen in the same file, else null
         */
        NewDocument validate(SourceRow row, RowErrors errors, java.util.function.Predicate<NewDocument.Module> firstOfModule,
                             java.util.function.Function<String, String> seenBefore) {
            NewDocument.Module module = Cells.oneOf(row, MODULE, NewDocument.Module.class, true, errors);
            if (module == NewDocument.Module.PM) {
                errors.error(MODULE, DocumentRule.NOT_A_DOCUMENT_MODULE, "PM holds projects: their pro forma invoices and transactions are "
                        + "imported as pro forma invoices and project transactions");
                module = null;
            }
            if (module != null && !modes.getOrDefault(module, false) && firstOfModule.test(module)) {
                errors.error(MODULE, DocumentRule.MIGRATION_MODE_OFF, module + " is not in migration mode; migrated documents are "
                        + "entered only while it is (turn migration mode on for " + module + ")");
            }
            DocumentType type = module == null ? null : typeOf(row, module, errors);
            String number = Cells.required(row, NUMBER, 60, errors);
            String entity = Cells.required(row, ENTITY, 20, errors);
            FinancialEntity financialEntity = entity == null ? null : entities.get(entity);
            if (entity != null && financialEntity == null) {
                errors.error(ENTITY, ImportRule.UNKNOWN_ENTITY, "no financial entity '" + entity + "'");
            }
            String partyId = Cells.required(row, PARTY_ID, 40, errors);
            if (partyId != null && module != null) {
                partyMustSuitTheModule(partyId, parties.get(partyId), module, errors);
            }
            if (number != null && entity != null && module != null) {
                String key = Documents.key(entity, module, number);
                String again = seenBefore.apply(key);
                if (again != null) {
                    errors.error(NUMBER, ImportRule.DUPLICATE_IN_FILE, module + " document " + number + " of " + entity + " " + again);
                } else if (existing.test(key)) {
                    errors.error(NUMBER, ImportRule.ALREADY_EXISTS, module + " document " + number + " of " + entity + " is already in the ledger");
                }
            }
            LocalDate date = Cells.date(row, DATE, Cells.ISO_DATE, "YYYY-MM-DD", errors);
            LocalDate due = Cells.optionalDate(row, DUE_DATE, Cells.ISO_DATE, "YYYY-MM-DD", errors);
            if (date != null && due != null && due.isBefore(date)) {
                errors.error(DUE_DATE, DocumentRule.DUE_DATE_BEFORE_DOCUMENT_DATE, "due date " + due + " is before the document date " + date);
            }
            String currency = currencyOf(row, errors);
            BigDecimal rate = exchangeRate(row, currency, financialEntity, errors);
            BigDecimal original = Cells.amount(row, ORIGINAL_AMOUNT, currency, errors);
            BigDecimal open = Cells.amount(row, OPEN_BALANCE, currency, errors);
            if (original != null && original.signum() < 0) {
                errors.error(ORIGINAL_AMOUNT, ImportRule.AMOUNT_NEGATIVE, "the original amount " + original.toPlainString()
                        + " may not be negative; the TYPE says which way it goes");
            }
            if (open != null && open.signum() < 0) {
                errors.error(OPEN_BALANCE, DocumentRule.OPEN_BALANCE_NEGATIVE, "the open balance " + open.toPlainString() + " may not be negative");
            } else if (open != null && original != null && open.compareTo(original) > 0) {
                // seed 002: "the system validates that the open balance does not exceed the document's original amount"
                errors.error(OPEN_BALANCE, DocumentRule.OPEN_BALANCE_EXCEEDS_ORIGINAL, "the open balance " + open.toPlainString()
                        + " exceeds the original amount " + original.toPlainString());
            }
            BigDecimal retainagePercent = retainagePercent(row, errors);
            BigDecimal retainage = BigDecimal.ZERO;
            if (retainagePercent != null && original != null && currency != null && open != null) {
                retainage = retainageOf(original, retainagePercent, currency);
                if (retainage.compareTo(open) > 0) {
                    errors.error(RETAINAGE_PERCENT, DocumentRule.RETAINAGE_EXCEEDS_OPEN_BALANCE, "the retained " + retainage.toPlainString()
                            + " (" + retainagePercent.toPlainString() + "% of " + original.toPlainString()
                            + ") exceeds the open balance " + open.toPlainString());
                }
            }
            DocumentStatus status = statusOf(row, errors);
            String invoiceType = Cells.optional(row, INVOICE_TYPE, 40, errors);
            String sourceSystem = Cells.optional(row, SOURCE_SYSTEM, 40, errors);
            String description = Cells.optional(row, DESCRIPTION, 500, errors);
            TaxColumns.Choice tax = TaxColumns.read(row, financialEntity == null ? null : entity, taxes, errors);
            if (errors.currentRowHasErrors()) {
                return null;
            }
            // ORIGINAL_AMOUNT is the total including tax: the zone and category split it
            TaxSplit split = tax == null ? null : TaxSplit.of(original, tax.zone(), tax.category(), currency);
            return new NewDocument(entity, module, type.code(), number, partyId, date, due, currency, rate, original,
                    split == null ? null : split.amountExTax(), split == null ? null : split.taxAmount(),
                    open.subtract(retainage), retainage, retainagePercent, blankToNull(invoiceType), blankToNull(sourceSystem),
                    status, true, NewDocument.Origin.MIGRATION, null, null, null, blankToNull(description),
                    tax == null ? null : tax.zone().zone(), tax == null ? null : tax.category().category());
        }
        }

    private static DocumentType typeOf(SourceRow row, NewDocument.Module module, RowErrors errors) {
        String code = row.get(TYPE).toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            errors.error(TYPE, ImportRule.VALUE_REQUIRED, "TYPE is required (" + String.join(", ", DocumentType.codesOf(module)) + ")");
            return null;
        }
        return DocumentType.of(module, code).orElseGet(() -> {
            errors.error(TYPE, DocumentRule.TYPE_NOT_IN_MODULE, "'" + row.get(TYPE) + "' is not an " + module + " document type; "
                    + module + " types are " + String.join(", ", DocumentType.codesOf(module)));
            return null;
        });
    }

    /** AR documents belong to customers, AP documents to vendors. */
    private static void partyMustSuitTheModule(String partyId, PartyKind kind, NewDocument.Module module, RowErrors errors) {
        if (kind == null) {
            errors.error(PARTY_ID, DocumentRule.UNKNOWN_PARTY, "no party '" + partyId + "'; import the parties file first");
        } else if (module == NewDocument.Module.AR && kind != PartyKind.CUSTOMER) {
            errors.error(PARTY_ID, DocumentRule.PARTY_KIND_MISMATCH, "AR documents belong to customers; " + partyId + " is a " + kind);
        } else if (module == NewDocument.Module.AP && kind != PartyKind.VENDOR) {
            errors.error(PARTY_ID, DocumentRule.PARTY_KIND_MISMATCH, "AP documents belong to vendors; " + partyId + " is a " + kind);
        }
    }

    private static String currencyOf(SourceRow row, RowErrors errors) {
        String currency = row.get(CURRENCY).toUpperCase(Locale.ROOT);
        if (currency.isEmpty()) {
            errors.error(CURRENCY, ImportRule.VALUE_REQUIRED, "CURRENCY is required (an ISO 4217 code such as USD)");
            return null;
        }
        if (!Currencies.isKnown(currency)) {
            errors.error(CURRENCY, ImportRule.UNKNOWN_CURRENCY, "'" + row.get(CURRENCY) + "' is not an ISO 4217 currency code");
            return null;
        }
        return currency;
    }

    /** Positive, and exactly 1 when the document is in the entity's base currency. */
    private static BigDecimal exchangeRate(SourceRow row, String currency, FinancialEntity entity, RowErrors errors) {
        String text = row.get(EXCHANGE_RATE);
        boolean base = entity != null && entity.baseCurrency().equals(currency);
        if (text.isEmpty()) {
            if (entity != null && currency != null && !base) {
                errors.error(EXCHANGE_RATE, ImportRule.VALUE_REQUIRED, "a document in " + currency + " needs its exchange rate to "
                        + entity.baseCurrency());
            }
            return BigDecimal.ONE;
        }
        BigDecimal rate = row.mapping().parseAmount(text).orElse(null);
        if (rate == null) {
            errors.error(EXCHANGE_RATE, ImportRule.INVALID_NUMBER, "'" + text + "' is not a number");
            return null;
        }
        if (rate.signum() <= 0) {
            errors.error(EXCHANGE_RATE, DocumentRule.EXCHANGE_RATE_NOT_POSITIVE, "the exchange rate " + rate.toPlainString() + " must be positive");
            return null;
        }
        if (base && rate.compareTo(BigDecimal.ONE) != 0) {
            errors.error(EXCHANGE_RATE, DocumentRule.EXCHANGE_RATE_MUST_BE_ONE, "a document in the base currency " + currency
                    + " has the exchange rate 1, not " + rate.toPlainString());
            return null;
        }
        return rate;
    }


    private static BigDecimal retainagePercent(SourceRow row, RowErrors errors) {
        if (row.get(RETAINAGE_PERCENT).isEmpty()) {
            return null;
        }
        BigDecimal percent = Cells.decimal(row, RETAINAGE_PERCENT, errors);
        if (percent != null && (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0)) {
            errors.error(RETAINAGE_PERCENT, DocumentRule.RETAINAGE_OUT_OF_RANGE, "retainage " + percent.toPlainString() + "% is not between 0 and 100");
            return null;
        }
        return percent;
    }

    /** The retained part of the original amount, rounded half-up at the currency's scale. */
    static BigDecimal retainageOf(BigDecimal original, BigDecimal percent, String currency) {
        return original.multiply(percent).divide(HUNDRED, Currencies.scale(currency), RoundingMode.HALF_UP);
    }

    private static DocumentStatus statusOf(SourceRow row, RowErrors errors) {
        String value = row.get(STATUS).toUpperCase(Locale.ROOT);
        if (value.equals("ON_HOLD")) {
            return DocumentStatus.ON_HOLD;
        }
        if (value.equals("BALANCED")) {
            return DocumentStatus.BALANCED;
        }
        errors.error(STATUS, value.isEmpty() ? ImportRule.VALUE_REQUIRED : ImportRule.INVALID_VALUE,
                "a migrated document is entered ON_HOLD or BALANCED" + (value.isEmpty() ? "" : ", not '" + row.get(STATUS) + "'"));
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
