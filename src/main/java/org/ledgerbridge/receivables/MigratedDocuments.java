package org.ledgerbridge.receivables;

import org.ledgerbridge.ledger.PostingRule;
import org.ledgerbridge.ledger.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.ledgerbridge.ledger.PartyKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Releasing and editing migrated documents under seed 002's rules: migrated documents are
 * released and edited only while their subledger is in migration mode, documents created
 * normally only while it is not. Release updates the party's balance and posts no journal.
 */
@Service
public class MigratedDocuments {

    private final JdbcClient jdbc;
    private final MigrationMode migrationMode;
    private final AuditLog audit;
    private final org.ledgerbridge.ledger.LedgerSetup setup;
    private final List<DocumentDeletions> deletions;
    private final MigratedDocumentLookup lookup;

    public MigratedDocuments(JdbcClient jdbc, MigrationMode migrationMode, AuditLog audit, org.ledgerbridge.ledger.LedgerSetup setup,
                             List<DocumentDeletions> deletions, MigratedDocumentLookup lookup) {
        this.deletions = deletions;
        this.lookup = lookup;
        this.setup = setup;
        this.jdbc = jdbc;
        this.migrationMode = migrationMode;
        this.audit = audit;
    }

    /** Releases the named BALANCED migrated documents, or all of them ({@code numbers} empty); all or nothing. */
    @Transactional
    public DocumentChange release(List<String> numbers, boolean all, LocalDate asOf, String actor) {
        Map<NewDocument.Module, Boolean> modes = migrationMode.enabled();
        List<String> enabledModules = modes.entrySet().stream().filter(Map.Entry::getValue).map(e -> e.getKey().name()).toList();
        List<MigratedDocumentLookup.Found> found;
        if (all) {
            if (enabledModules.isEmpty()) {
                return new DocumentChange.Refused(DocumentRule.MIGRATION_MODE_OFF, "no subledger is in migration mode; migrated documents "
                        + "are released only while it is");
            }
            found = lookup.pending(enabledModules);
            if (found.isEmpty()) {
                return new DocumentChange.Refused(DocumentRule.NOTHING_TO_RELEASE, "no migrated document is waiting to be released");
            }
        } else {
            found = lookup.find(numbers);
            Optional<DocumentChange.Refused> refusal = refusalToRelease(numbers, found, modes);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        List<MigratedDocumentLookup.Found> balanced = found.stream().filter(f -> f.status().equals("BALANCED")).toList();
        long onHold = found.size() - balanced.size();
        if (balanced.isEmpty()) {
            return new DocumentChange.Done(0, 0, onHold);
        }
        String[] entities = balanced.stream().map(MigratedDocumentLookup.Found::entity).toArray(String[]::new);
        String[] modules = balanced.stream().map(MigratedDocumentLookup.Found::module).toArray(String[]::new);
        String[] docNumbers = balanced.stream().map(MigratedDocumentLookup.Found::number).toArray(String[]::new);
        // what was settled before the migration, so that open balance = original - retainage - applied holds
        jdbc.sql("""
                        INSERT INTO application (entity_code, module, document_number, amount, applied_on, kind, reference)
                        SELECT d.entity_code, d.module, d.number, d.original_amount - d.unreleased_retainage - d.open_balance,
                               coalesce(d.migrated_on, ?), 'MIGRATED_SETTLEMENT', 'settled before migration'
                          FROM document d JOIN unnest(?::text[], ?::text[], ?::text[]) AS k(entity, module, number)
                               ON d.entity_code = k.entity AND d.module = k.module AND d.number = k.number
                         WHERE d.original_amount - d.unreleased_retainage - d.open_balance > 0""")
                .params(asOf, entities, modules, docNumbers).update();
        long closed = jdbc.sql("""
                        UPDATE document d
                           SET status = CASE WHEN d.open_balance = 0 AND d.unreleased_retainage = 0 THEN 'CLOSED' ELSE 'OPEN' END,
                               released_at = now()
                          FROM unnest(?::text[], ?::text[], ?::text[]) AS k(entity, module, number)
                         WHERE d.entity_code = k.entity AND d.module = k.module AND d.number = k.number
                        RETURNING d.status""")
                .params(entities, modules, docNumbers).query(String.class).list().stream().filter("CLOSED"::equals).count();
        audit.record(actor, "documents.released", "documents", Map.of("released", balanced.size(), "closed", closed, "onHold", onHold));
        return new DocumentChange.Done(balanced.size(), closed, onHold);
    }

    private static Optional<DocumentChange.Refused> refusalToRelease(List<String> numbers, List<MigratedDocumentLookup.Found> found,
                                                                     Map<NewDocument.Module, Boolean> modes) {
        java.util.Set<String> missing = new java.util.LinkedHashSet<>(numbers);
        found.forEach(f -> missing.remove(f.number()));
        if (!missing.isEmpty()) {
            return Optional.of(new DocumentChange.Refused(DocumentRule.UNKNOWN_DOCUMENT, "no document " + String.join(", ", missing)));
        }
        for (MigratedDocumentLookup.Found f : found) {
            boolean on = modes.getOrDefault(NewDocument.Module.valueOf(f.module()), false);
            if (!f.migrated()) {
                return Optional.of(new DocumentChange.Refused(on ? DocumentRule.MIGRATION_MODE_ON : DocumentRule.NOT_A_MIGRATED_DOCUMENT,
                        f.module() + " document " + f.number() + " was created in LedgerBridge, not migrated"
                                + (on ? "; it cannot be changed while " + f.module() + " is in migration mode" : "")));
            }
            if (!on) {
                return Optional.of(new DocumentChange.Refused(DocumentRule.MIGRATION_MODE_OFF, f.module() + " is not in migration mode; "
                        + "migrated document " + f.number() + " can no longer be released"));
            }
            if (f.released()) {
                return Optional.of(new DocumentChange.Refused(DocumentRule.ALREADY_RELEASED, f.module() + " document " + f.number()
                        + " was already released"));
            }
        }
        return Optional.empty();
    }

    /**
     * What `documents edit` changes of an unreleased migrated document; null leaves a field as it is.
     * The edited document is checked by the documents import's own rules.
     */
    public record Edit(String partyId, LocalDate date, LocalDate dueDate, String currency, BigDecimal exchangeRate,
                       BigDecimal originalAmount, BigDecimal openBalance, String description, DocumentStatus status) {

        public static Edit of(LocalDate dueDate, String description, DocumentStatus status) {
            return new Edit(null, null, dueDate, null, null, null, null, description, status);
        }
    }

    /** Changes an unreleased migrated document (named NUMBER, or ENTITY/NUMBER when several entities have it). */
    @Transactional
    public DocumentChange edit(String reference, Edit edit, String actor) {
        MigratedDocumentLookup.Either one = lookup.editable(reference, "edited");
        if (one.refused() != null) {
            return one.refused();
        }
        MigratedDocumentLookup.Found found = one.found();
        if (edit.status() != null && edit.status() != DocumentStatus.ON_HOLD && edit.status() != DocumentStatus.BALANCED) {
            return new DocumentChange.Refused(DocumentRule.INVALID_STATUS, "a migrated document is ON_HOLD or BALANCED until released");
        }
        Map<String, String> cells = jdbc.sql("""
                        SELECT module, doc_type, number, party_id, entity_code, doc_date, due_date, currency, exchange_rate,
                               original_amount, open_balance + unreleased_retainage, invoice_type, source_system, retainage_percent,
                               status, description, tax_zone, tax_category
                          FROM document WHERE entity_code = ? AND module = ? AND number = ?""")
                .params(found.entity(), found.module(), found.number())
                .query((rs, n) -> {
                    Map<String, String> row = new java.util.HashMap<>();
                    String[] columns = {DocumentsImport.MODULE, DocumentsImport.TYPE, DocumentsImport.NUMBER, DocumentsImport.PARTY_ID,
                            DocumentsImport.ENTITY, DocumentsImport.DATE, DocumentsImport.DUE_DATE, DocumentsImport.CURRENCY,
                            DocumentsImport.EXCHANGE_RATE, DocumentsImport.ORIGINAL_AMOUNT, DocumentsImport.OPEN_BALANCE,
                            DocumentsImport.INVOICE_TYPE, DocumentsImport.SOURCE_SYSTEM, DocumentsImport.RETAINAGE_PERCENT,
                            DocumentsImport.STATUS, DocumentsImport.DESCRIPTION, TaxColumns.TAX_ZONE, TaxColumns.TAX_CATEGORY};
                    for (int c = 0; c < columns.length; c++) {
                        Object value = rs.getObject(c + 1);
                        row.put(columns[c], value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
                    }
                    return row;
                }).single();
        Map<String, Object> changes = new java.util.LinkedHashMap<>();
        change(cells, changes, DocumentsImport.PARTY_ID, edit.partyId());
        change(cells, changes, DocumentsImport.DATE, edit.date());
        change(cells, changes, DocumentsImport.DUE_DATE, edit.dueDate());
        change(cells, changes, DocumentsImport.CURRENCY, edit.currency());
        change(cells, changes, DocumentsImport.EXCHANGE_RATE, edit.exchangeRate() == null ? null : edit.exchangeRate().toPlainString());
        change(cells, changes, DocumentsImport.ORIGINAL_AMOUNT, edit.originalAmount() == null ? null : edit.originalAmount().toPlainString());
        change(cells, changes, DocumentsImport.OPEN_BALANCE, edit.openBalance() == null ? null : edit.openBalance().toPlainString());
        change(cells, changes, DocumentsImport.DESCRIPTION, edit.description());
        change(cells, changes, DocumentsImport.STATUS, edit.status());
        if (changes.isEmpty()) {
            return new DocumentChange.Refused(DocumentRule.NOTHING_TO_CHANGE, "say what to change of document " + reference);
        }
        Map<String, PartyKind> party = new java.util.HashMap<>();
        jdbc.sql("SELECT kind FROM party WHERE party_id = ?").param(cells.get(DocumentsImport.PARTY_ID)).query(String.class).optional()
                .ifPresent(kind -> party.put(cells.get(DocumentsImport.PARTY_ID), PartyKind.valueOf(kind)));
        // the document keeps its key: "already in the ledger" would only find itself
        var rules = new MigratedDocumentRules(setup.entities(), party, key -> false, migrationMode.enabled(),
                new TaxColumns.Table(setup.taxZones(), setup.taxCategories()));
        org.ledgerbridge.imports.RowErrors errors = new org.ledgerbridge.imports.RowErrors();
        NewDocument edited = rules.validate(org.ledgerbridge.imports.SourceRow.of(cells), errors, module -> true, key -> null);
        if (edited == null) {
            org.ledgerbridge.imports.RowProblem problem = errors.errors().get(0);
            return new DocumentChange.Refused(problem.code(), (problem.column() == null ? "" : problem.column() + ": ") + problem.message());
        }
        long changed = jdbc.sql("""
                        UPDATE document SET party_id = ?, doc_date = ?, due_date = ?, currency = ?, exchange_rate = ?, original_amount = ?,
                                            amount_ex_tax = ?, tax_amount = ?,
                                            open_balance = ?, migrated_balance = ?, unreleased_retainage = ?, retainage_percent = ?,
                                            description = ?, status = ?
                         WHERE entity_code = ? AND module = ? AND number = ?""")
                .params(edited.partyId(), edited.date(), edited.dueDate(), edited.currency(), edited.exchangeRate(),
                        edited.originalAmount(), edited.amountExTax(), edited.taxAmount(), edited.openBalance(), edited.openBalance(),
                        edited.unreleasedRetainage(), edited.retainagePercent(), edited.description(), edited.status().name(), found.entity(), found.module(), found.number())
                .update();
        audit.record(actor, "document.edited", "document:" + found.number(), changes);
        return new DocumentChange.Done(changed, 0, 0);
    }

    private static void change(Map<String, String> cells, Map<String, Object> changes, String column, Object value) {
        if (value != null) {
            changes.put(column, value.toString());
            cells.put(column, value.toString());
        }
    }

    /** Removes an unreleased migrated document entered by mistake; importing it again then works. */
    @Transactional
    public DocumentChange delete(String reference, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            return new DocumentChange.Refused(PostingRule.REASON_REQUIRED, "deleting a document needs a reason");
        }
        MigratedDocumentLookup.Either one = lookup.editable(reference, "deleted");
        if (one.refused() != null) {
            return one.refused();
        }
        MigratedDocumentLookup.Found found = one.found();
        Map<String, Object> was = jdbc.sql("""
                        SELECT party_id, doc_type, original_amount, open_balance, currency FROM document
                         WHERE entity_code = ? AND module = ? AND number = ?""")
                .params(found.entity(), found.module(), found.number())
                .query((rs, n) -> Map.<String, Object>of("party", rs.getString(1), "type", rs.getString(2),
                        "originalAmount", rs.getBigDecimal(3).toPlainString(), "openBalance", rs.getBigDecimal(4).toPlainString(),
                        "currency", rs.getString(5), "reason", reason)).single();
        deletions.forEach(d -> d.deleted(found.entity(), found.module(), found.number()));
        long deleted = jdbc.sql("DELETE FROM document WHERE entity_code = ? AND module = ? AND number = ?")
                .params(found.entity(), found.module(), found.number()).update();
        audit.record(actor, "document.deleted", "document:" + found.number(), was);
        return new DocumentChange.Done(deleted, 0, 0);
    }

    /** Retainage becomes payable (AP) or receivable (AR) only when released: it moves into the open balance. */
    @Transactional
    public DocumentChange releaseRetainage(String number, String actor) {
        List<MigratedDocumentLookup.Found> found = lookup.find(List.of(number));
        if (found.isEmpty()) {
            return new DocumentChange.Refused(DocumentRule.UNKNOWN_DOCUMENT, "no document " + number);
        }
        if (found.stream().anyMatch(f -> !f.released() && f.migrated())) {
            return new DocumentChange.Refused(DocumentRule.NOT_RELEASED, "release document " + number + " itself before its retainage");
        }
        long changed = jdbc.sql("""
                        UPDATE document SET open_balance = open_balance + unreleased_retainage, unreleased_retainage = 0,
                                            status = 'OPEN'
                         WHERE number = ? AND unreleased_retainage > 0""")
                .param(number).update();
        if (changed == 0) {
            return new DocumentChange.Refused(DocumentRule.NOTHING_TO_RELEASE, "document " + number + " has no unreleased retainage");
        }
        audit.record(actor, "retainage.released", "document:" + number, Map.of());
        return new DocumentChange.Done(changed, 0, 0);
    }
}
