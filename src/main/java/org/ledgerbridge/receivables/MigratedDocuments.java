package org.ledgerbridge.receivables;

import org.ledgerbridge.ledger.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
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

    public MigratedDocuments(JdbcClient jdbc, MigrationMode migrationMode, AuditLog audit) {
        this.jdbc = jdbc;
        this.migrationMode = migrationMode;
        this.audit = audit;
    }

    private record Found(String entity, String module, String number, String status, boolean migrated, boolean released) {
    }

    private List<Found> find(List<String> numbers) {
        return jdbc.sql("""
                        SELECT entity_code, module, number, status, migrated, released_at IS NOT NULL FROM document
                         WHERE number = ANY(?) ORDER BY entity_code, module, number FOR UPDATE""")
                .param(numbers.toArray(String[]::new))
                .query(MigratedDocuments::found)
                .list();
    }

    /** Every migrated document waiting for release in the given subledgers (release-all reads the documents once). */
    private List<Found> pending(List<String> modules) {
        return jdbc.sql("""
                        SELECT entity_code, module, number, status, migrated, released_at IS NOT NULL FROM document
                         WHERE migrated AND released_at IS NULL AND origin = 'MIGRATION' AND module = ANY(?)
                         ORDER BY entity_code, module, number FOR UPDATE""")
                .param(modules.toArray(String[]::new))
                .query(MigratedDocuments::found)
                .list();
    }

    private static Found found(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Found(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6));
    }

    /** Releases the named BALANCED migrated documents, or all of them ({@code numbers} empty); all or nothing. */
    @Transactional
    public DocumentChange release(List<String> numbers, boolean all, LocalDate asOf, String actor) {
        Map<NewDocument.Module, Boolean> modes = migrationMode.enabled();
        List<String> enabledModules = modes.entrySet().stream().filter(Map.Entry::getValue).map(e -> e.getKey().name()).toList();
        List<Found> found;
        if (all) {
            if (enabledModules.isEmpty()) {
                return new DocumentChange.Refused("MIGRATION_MODE_OFF", "no subledger is in migration mode; migrated documents "
                        + "are released only while it is");
            }
            found = pending(enabledModules);
            if (found.isEmpty()) {
                return new DocumentChange.Refused("NOTHING_TO_RELEASE", "no migrated document is waiting to be released");
            }
        } else {
            found = find(numbers);
            Optional<DocumentChange.Refused> refusal = refusalToRelease(numbers, found, modes);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        List<Found> balanced = found.stream().filter(f -> f.status().equals("BALANCED")).toList();
        long onHold = found.size() - balanced.size();
        if (balanced.isEmpty()) {
            return new DocumentChange.Done(0, 0, onHold);
        }
        String[] entities = balanced.stream().map(Found::entity).toArray(String[]::new);
        String[] modules = balanced.stream().map(Found::module).toArray(String[]::new);
        String[] docNumbers = balanced.stream().map(Found::number).toArray(String[]::new);
        // what was settled before the migration, so that open balance = original - retainage - applied holds
        jdbc.sql("""
                        INSERT INTO application (entity_code, module, document_number, amount, applied_on, kind, reference)
                        SELECT d.entity_code, d.module, d.number, d.original_amount - d.unreleased_retainage - d.open_balance,
                               ?, 'MIGRATED_SETTLEMENT', 'settled before migration'
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

    private static Optional<DocumentChange.Refused> refusalToRelease(List<String> numbers, List<Found> found,
                                                                     Map<NewDocument.Module, Boolean> modes) {
        java.util.Set<String> missing = new java.util.LinkedHashSet<>(numbers);
        found.forEach(f -> missing.remove(f.number()));
        if (!missing.isEmpty()) {
            return Optional.of(new DocumentChange.Refused("UNKNOWN_DOCUMENT", "no document " + String.join(", ", missing)));
        }
        for (Found f : found) {
            boolean on = modes.getOrDefault(NewDocument.Module.valueOf(f.module()), false);
            if (!f.migrated()) {
                return Optional.of(new DocumentChange.Refused(on ? "MIGRATION_MODE_ON" : "NOT_A_MIGRATED_DOCUMENT",
                        f.module() + " document " + f.number() + " was created in LedgerBridge, not migrated"
                                + (on ? "; it cannot be changed while " + f.module() + " is in migration mode" : "")));
            }
            if (!on) {
                return Optional.of(new DocumentChange.Refused("MIGRATION_MODE_OFF", f.module() + " is not in migration mode; "
                        + "migrated document " + f.number() + " can no longer be released"));
            }
            if (f.released()) {
                return Optional.of(new DocumentChange.Refused("ALREADY_RELEASED", f.module() + " document " + f.number()
                        + " was already released"));
            }
        }
        return Optional.empty();
    }

    /** Changes an unreleased migrated document's due date, description or status (ON_HOLD / BALANCED). */
    @Transactional
    public DocumentChange edit(String number, LocalDate dueDate, String description, DocumentStatus status, String actor) {
        List<Found> found = find(List.of(number));
        if (found.isEmpty()) {
            return new DocumentChange.Refused("UNKNOWN_DOCUMENT", "no document " + number);
        }
        Map<NewDocument.Module, Boolean> modes = migrationMode.enabled();
        for (Found f : found) {
            boolean on = modes.getOrDefault(NewDocument.Module.valueOf(f.module()), false);
            if (f.migrated() && !on) {
                return new DocumentChange.Refused("MIGRATION_MODE_OFF", "migrated document " + number
                        + " cannot be edited once " + f.module() + " has left migration mode");
            }
            if (!f.migrated() && on) {
                return new DocumentChange.Refused("MIGRATION_MODE_ON", "document " + number + " was created in LedgerBridge and "
                        + "cannot be edited while " + f.module() + " is in migration mode");
            }
            if (f.released()) {
                return new DocumentChange.Refused("ALREADY_RELEASED", "document " + number + " was released and cannot be edited");
            }
        }
        if (status != null && status != DocumentStatus.ON_HOLD && status != DocumentStatus.BALANCED) {
            return new DocumentChange.Refused("INVALID_STATUS", "a migrated document is ON_HOLD or BALANCED until released");
        }
        long changed = jdbc.sql("""
                        UPDATE document SET due_date = coalesce(?, due_date), description = coalesce(?, description),
                                            status = coalesce(?, status)
                         WHERE number = ?""")
                .params(dueDate, description, status == null ? null : status.name(), number).update();
        audit.record(actor, "document.edited", "document:" + number, java.util.Collections.unmodifiableMap(editDetails(dueDate, description, status)));
        return new DocumentChange.Done(changed, 0, 0);
    }

    private static Map<String, Object> editDetails(LocalDate dueDate, String description, DocumentStatus status) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        if (dueDate != null) {
            details.put("dueDate", dueDate.toString());
        }
        if (description != null) {
            details.put("description", description);
        }
        if (status != null) {
            details.put("status", status.name());
        }
        return details;
    }

    /** Retainage becomes payable (AP) or receivable (AR) only when released: it moves into the open balance. */
    @Transactional
    public DocumentChange releaseRetainage(String number, String actor) {
        List<Found> found = find(List.of(number));
        if (found.isEmpty()) {
            return new DocumentChange.Refused("UNKNOWN_DOCUMENT", "no document " + number);
        }
        if (found.stream().anyMatch(f -> !f.released() && f.migrated())) {
            return new DocumentChange.Refused("NOT_RELEASED", "release document " + number + " itself before its retainage");
        }
        long changed = jdbc.sql("""
                        UPDATE document SET open_balance = open_balance + unreleased_retainage, unreleased_retainage = 0,
                                            status = 'OPEN'
                         WHERE number = ? AND unreleased_retainage > 0""")
                .param(number).update();
        if (changed == 0) {
            return new DocumentChange.Refused("NOTHING_TO_RELEASE", "document " + number + " has no unreleased retainage");
        }
        audit.record(actor, "retainage.released", "document:" + number, Map.of());
        return new DocumentChange.Done(changed, 0, 0);
    }
}
