package org.ledgerbridge.delivery;

import org.ledgerbridge.ledger.ErrorCode;
import org.ledgerbridge.imports.ImportRule;
import org.ledgerbridge.ledger.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The general ledgers journals go to (a Ledger file, a folder of files in a format, a GL over
 * HTTP), each with its codes for LedgerBridge's entities and accounts and the last day its books
 * are closed through.
 */
@Service
public class GlTargets {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final GlDestinations destinations;

    public GlTargets(JdbcClient jdbc, AuditLog audit, GlDestinations destinations) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.destinations = destinations;
    }

    public sealed interface TargetChange permits TargetAdded, TargetRefused {
    }

    public record TargetAdded(GlTarget target) implements TargetChange {
    }

    public record TargetRefused(ErrorCode code, String message) implements TargetChange {
    }

    public TargetChange addTarget(String name, GlTarget.Type type, String format, String path, String url, String actor) {
        if (!name.matches("[A-Za-z0-9_.-]{1,40}")) {
            return new TargetRefused(GlRule.INVALID_NAME, "a target name has letters, digits, '_', '.', '-': '" + name + "'");
        }
        if (type == GlTarget.Type.http && (url == null || !url.startsWith("http"))) {
            return new TargetRefused(GlRule.URL_REQUIRED, "an http target needs the URL of its GL (http:// or https://)");
        }
        if (type != GlTarget.Type.http && (path == null || path.isBlank())) {
            return new TargetRefused(GlRule.PATH_REQUIRED, "a " + type + " target needs the path of its "
                    + (type == GlTarget.Type.file ? "folder" : "journal file"));
        }
        if (type == GlTarget.Type.file && GlFormats.named(format == null ? "" : format).isEmpty()) {
            return new TargetRefused(GlRule.UNKNOWN_FORMAT, "a file target needs a format, one of " + String.join(", ", GlFormats.names()));
        }
        Optional<GlDestinations.Refusal> outside = type == GlTarget.Type.http ? destinations.refusalOfUrl(url) : destinations.refusalOfPath(path);
        if (outside.isPresent()) {
            return new TargetRefused(outside.get().code(), outside.get().message());
        }
        if (type != GlTarget.Type.http) {
            path = destinations.place(path).toString();
        }
        if (target(name).isPresent()) {
            return new TargetRefused(ImportRule.ALREADY_EXISTS, "there is a target " + name + " already");
        }
        jdbc.sql("INSERT INTO gl_target (name, target_type, format, path, url, created_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(name, type.name(), type == GlTarget.Type.ledger ? "ledger" : format, path, url, actor).update();
        audit.record(actor, "gl.target-added", "target:" + name, Map.of("type", type.name()));
        return new TargetAdded(target(name).orElseThrow());
    }

    public List<GlTarget> targets() {
        return jdbc.sql("SELECT name, target_type, format, path, url, closed_through FROM gl_target ORDER BY name")
                .query((rs, n) -> new GlTarget(rs.getString(1), GlTarget.Type.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class))).list();
    }

    /** The GL's code for an entity or an account of this target, when it differs from LedgerBridge's. */
    public void map(String target, String kind, String entity, String code, String glCode, String actor) {
        jdbc.sql("""
                        INSERT INTO gl_target_mapping (target, kind, entity_code, code, gl_code) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (target, kind, entity_code, code) DO UPDATE SET gl_code = excluded.gl_code""")
                .params(target, kind, entity, code, glCode).update();
        audit.record(actor, "gl.target-mapped", "target:" + target, Map.of("kind", kind, "entity", entity, "code", code, "glCode", glCode));
    }

    /** The GL's books are closed through this date: journals dated on or before it are refused at validation. */
    public void closePeriod(String target, LocalDate through, String actor) {
        jdbc.sql("UPDATE gl_target SET closed_through = ? WHERE name = ?").params(through, target).update();
        audit.record(actor, "gl.target-period-closed", "target:" + target, Map.of("closedThrough", through.toString()));
    }

    /** Journals in the GL's codes: entity renamed to the GL company, accounts to the GL accounts. */
    Map<Long, GlJournal> mapped(Map<Long, GlJournal> journals, GlTarget target) {
        Map<String, String> codes = new java.util.HashMap<>();
        jdbc.sql("SELECT kind, entity_code, code, gl_code FROM gl_target_mapping WHERE target = ?").param(target.name())
                .query(rs -> {
                    codes.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3), rs.getString(4));
                });
        if (codes.isEmpty()) {
            return journals;
        }
        Map<Long, GlJournal> result = new LinkedHashMap<>();
        journals.forEach((id, j) -> result.put(id, new GlJournal(codes.getOrDefault("ENTITY/" + j.entity() + "/" + j.entity(), j.entity()),
                j.date(), j.reference(), j.description(), j.batch(), j.currency(), j.lines().stream()
                .map(l -> new GlJournal.Line(codes.getOrDefault("ACCOUNT/" + j.entity() + "/" + l.account(), l.account()), l.kind(),
                        l.debit(), l.credit(), l.description(), l.partyId(), l.documentNumber(), l.payments(), l.taxCode())).toList())));
        return result;
    }

    public Optional<GlTarget> target(String name) {
        return targets().stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
