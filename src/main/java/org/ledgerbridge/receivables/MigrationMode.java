package org.ledgerbridge.receivables;

import org.ledgerbridge.ledger.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

    @Transactional
    public void set(NewDocument.Module module, boolean on, String actor) {
        jdbc.sql("UPDATE migration_mode SET enabled = ?, changed_at = now(), changed_by = ? WHERE module = ?")
                .params(on, actor, module.name()).update();
        audit.record(actor, on ? "migration-mode.on" : "migration-mode.off", "module:" + module, Map.of());
    }
}
