package org.ledgerbridge.receivables;

import org.ledgerbridge.ledger.ErrorCode;
import org.ledgerbridge.imports.ImportColumn;
import org.ledgerbridge.imports.ImportKind;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.ledger.PartyKind;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
        MigratedDocumentRules rules = new MigratedDocumentRules(entities, parties, existing::contains, modes, new TaxColumns.Table(ledger.taxZones(), ledger.taxCategories()));
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
}
