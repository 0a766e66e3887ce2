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

    /** The first 20 of what waits to be released, read along the index of unreleased documents (no count of them all). */
    private Optional<DocumentChange.Refused> unreleasedDocuments(NewDocument.Module module) {
        boolean pm = module == NewDocument.Module.PM;
        List<String> waiting = (pm ? jdbc.sql("""
                        (SELECT 'pro forma ' || number FROM pro_forma_invoice WHERE released_at IS NULL ORDER BY number LIMIT 21)
                        UNION ALL
                        (SELECT 'transaction of ' || project_id || ' (import ' || import_run_id || ', row ' || row_no || ')'
                           FROM project_transaction WHERE released_at IS NULL ORDER BY import_run_id, row_no LIMIT 21)
                        LIMIT 21""")
                : jdbc.sql("""
                        SELECT entity_code || '/' || number FROM document
                         WHERE module = ? AND migrated AND released_at IS NULL AND origin = 'MIGRATION'
                         ORDER BY entity_code, number LIMIT 21""").param(module.name()))
                .query(String.class).list();
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        String shown = String.join(", ", waiting.subList(0, Math.min(20, waiting.size()))) + (waiting.size() > 20 ? " and more" : "");
        return Optional.of(new DocumentChange.Refused(DocumentRule.UNRELEASED_DOCUMENTS, "migrated " + module + (pm ? " records" : " documents")
                + " are not released yet: " + shown
                + (pm ? "; release them first"
                : "; release them or delete them first")));
    }


}
