package org.ledgerbridge.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Who did what, when: every state change of the ledger leaves one of these. */
@Service
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, String action, String subject, Map<String, ?> details) {
        jdbc.sql("INSERT INTO audit_event (actor, action, subject, details) VALUES (?, ?, ?, ?::jsonb)")
                .params(actor, action, subject, JSON.writeValueAsString(details))
                .update();
    }

    /** One event per subject, written in one statement (a send of 20,000 journals is one round trip, not 20,000). */
    public void recordEach(String actor, String action, List<String> subjects, List<? extends Map<String, ?>> details) {
        if (subjects.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO audit_event (actor, action, subject, details)
                        SELECT ?, ?, s, d::jsonb FROM unnest(?::text[], ?::text[]) AS t(s, d)""")
                .params(actor, action, subjects.toArray(String[]::new),
                        details.stream().map(JSON::writeValueAsString).toArray(String[]::new))
                .update();
    }

    public List<AuditEvent> events(String subjectPrefix) {
        return jdbc.sql("""
                        SELECT id, at, actor, action, subject, details::text AS details
                          FROM audit_event WHERE subject LIKE ? ORDER BY id""")
                .param(subjectPrefix + "%")
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("details")))
                .list();
    }

    /**
     * Audit events, newest first, a page at a time along the primary key; of one subject
     * ("journal:42", along its index) when {@code subject} is not null.
     */
    public Page<AuditEvent> page(String subject, String cursor, int limit) {
        long before = Page.decodeId(cursor, Long.MAX_VALUE);
        List<AuditEvent> rows = jdbc.sql("SELECT id, at, actor, action, subject, details::text AS details FROM audit_event WHERE id < :before"
                        + (subject == null ? "" : " AND subject = :subject") + " ORDER BY id DESC LIMIT :limit")
                .param("before", before).param("subject", subject).param("limit", limit + 1)
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("details")))
                .list();
        return Page.of(rows, limit, event -> List.of(event.id()));
    }

    /** The events of exactly this subject ("journal:42"), oldest first: its history. */
    public List<AuditEvent> history(String subject) {
        return jdbc.sql("SELECT id, at, actor, action, subject, details::text AS details FROM audit_event WHERE subject = ? ORDER BY id")
                .param(subject)
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("details")))
                .list();
    }

    public record AuditEvent(long id, OffsetDateTime at, String actor, String action, String subject, String details) {
    }
}
