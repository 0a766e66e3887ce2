package org.ledgerbridge.receivables;

import org.ledgerbridge.ledger.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The migration-mode switch of each subledger (seed 002), audited. */
@Service
public class MigrationMode {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public MigrationMode(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Switch(NewDocument.Module module, boolean enabled, OffsetDateTime changedAt, String changedBy) {
    }

    public List<Switch> status() {
        return jdbc.sql("SELECT module, enabled, changed_at, changed_by FROM migration_mode ORDER BY module")
                .query((rs, n) -> new Switch(NewDocument.Module.valueOf(rs.getString(1)), rs.getBoolean(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getString(4)))
                .list();
    }

    public Map<NewDocument.Module, Boolean> enabled() {
        Map<NewDocument.Module, Boolean> enabled = new EnumMap<>(NewDocument.Module.class);
        status().forEach(s -> enabled.put(s.module(), s.enabled()));
        return enabled;
    }

    public boolean isOn(NewDocument.Module module) {
        return enabled().getOrDefault(module, false);
    }

    /**
     * Turns a subledger's migration mode on or off. Off is refused while migrated documents of it
     * wait to be released (UNRELEASED_DOCUMENTS): once off, they could never be released or edited.
     */
    @Transactional
    public Optional<DocumentChange.Refused> set(NewDocument.Module module, boolean on, String actor) {
        if (!on) {
            Optional<DocumentChange.Refused> unreleased = unreleasedDocuments(module);
            if (unreleased.isPresent()) {
                return unreleased;
            }
        }
        jdbc.sql("UPDATE migration_mode SET enabled = ?, changed_at = now(), changed_by = ? WHERE module = ?")
                .params(on, actor, module.name()).update();
        audit.record(actor, on ? "migration-mode.on" : "migration-mode.off", "module:" + module, Map.of());
        return Optional.empty();
    }

    private Optional<DocumentChange.Refused> unreleasedDocuments(NewDocument.Module module) {
        boolean pm = module == NewDocument.Module.PM;
        String waiting = pm ? """
                SELECT 'pro forma ' || number FROM pro_forma_invoice WHERE released_at IS NULL
                UNION ALL
                SELECT 'transaction of ' || project_id || ' (import ' || import_run_id || ', row ' || row_no || ')'
                  FROM project_transaction WHERE released_at IS NULL"""
                : "SELECT entity_code || '/' || number FROM document WHERE module = :module AND migrated AND status IN ('ON_HOLD', 'BALANCED')";
        long count = jdbc.sql("SELECT count(*) FROM (" + waiting + ") w").param("module", module.name()).query(Long.class).single();
        if (count == 0) {
            return Optional.empty();
        }
        List<String> shown = jdbc.sql("SELECT * FROM (" + waiting + ") w ORDER BY 1 LIMIT 20").param("module", module.name())
                .query(String.class).list();
        return Optional.of(new DocumentChange.Refused("UNRELEASED_DOCUMENTS", count + " migrated " + module
                + (pm ? " record(s)" : " document(s)") + " not released yet: " + String.join(", ", shown)
                + (shown.size() < count ? " and " + (count - shown.size()) + " more" : "")
                + (pm ? "; release them (`documents release --module PM --all`) first"
                : "; release them (`documents release --all`) or delete them (`documents delete`) first")));
    }

}
