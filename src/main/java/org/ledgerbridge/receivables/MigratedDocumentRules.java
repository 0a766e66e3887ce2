package org.ledgerbridge.receivables;

import org.ledgerbridge.imports.ImportRule;
import org.ledgerbridge.imports.Cells;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.PartyKind;
import org.ledgerbridge.ledger.TaxSplit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import static org.ledgerbridge.receivables.DocumentsImport.*;

/**
 * The rules of a migrated document, one row at a time: the import checks each row of its file
 * with them, and `documents edit` checks an edited document with the very same rules.
 */
final class MigratedDocumentRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Map<String, FinancialEntity> entities;
    private final Map<String, PartyKind> parties;
    private final java.util.function.Predicate<String> existing;
    private final Map<NewDocument.Module, Boolean> modes;
    private final TaxColumns.Table taxes;

    MigratedDocumentRules(Map<String, FinancialEntity> entities, Map<String, PartyKind> parties, java.util.function.Predicate<String> existing,
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
        return NewDocument.of(entity, module, type.code(), number, partyId, date, currency, rate, original, open.subtract(retainage),
                        status, NewDocument.Origin.MIGRATION)
                .dueOn(due)
                .taxed(split == null ? null : split.amountExTax(), split == null ? null : split.taxAmount(),
                        tax == null ? null : tax.zone().zone(), tax == null ? null : tax.category().category())
                .retaining(retainage, retainagePercent)
                .classified(blankToNull(invoiceType), blankToNull(sourceSystem))
                .describedAs(blankToNull(description))
                .document();
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
