package org.ledgerbridge.imports;

import org.ledgerbridge.ledger.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Column-mapping profiles kept in the ledger under a name, so an import picks one by name (screen,
 * API, {@code import --mapping-profile}) instead of sending a file each time. A profile is checked when
 * it is saved; saving under an existing name replaces it. Every change is audited.
 */
@Service
public class MappingProfiles {

    /** Letters, digits, space, dot, dash and underscore; 80 at most; starts with a letter or digit. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,79}");
    static final int MAX_LENGTH = 65_536;

    public sealed interface Change permits Saved, Deleted, Refused {
    }

    public record Saved(SavedProfile profile, boolean replaced) implements Change {
    }

    public record Deleted(String name) implements Change {
    }

    public record Refused(ImportRule code, String message) implements Change {
    }

    /** A profile as the ledger keeps it: its name, its text as written, and who changed it last. */
    public record SavedProfile(String name, String text, Instant changedAt, String changedBy) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public MappingProfiles(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public Change save(String name, String text, String actor) {
        String trimmed = name == null ? "" : name.strip();
        if (!NAME.matcher(trimmed).matches()) {
            return new Refused(ImportRule.INVALID_MAPPING_NAME, "a mapping profile's name is 1 to 80 letters, digits, spaces, "
                    + "dots, dashes or underscores, starting with a letter or digit, not '" + trimmed + "'");
        }
        if (text == null || text.isBlank()) {
            return new Refused(ImportRule.INVALID_MAPPING, "the mapping profile " + trimmed + " is empty");
        }
        if (text.length() > MAX_LENGTH) {
            return new Refused(ImportRule.INVALID_MAPPING, "the mapping profile " + trimmed + " is longer than " + MAX_LENGTH + " characters");
        }
        try {
            MappingProfile.parse(text, trimmed);
        } catch (MappingProfile.InvalidMappingException e) {
            return new Refused(ImportRule.INVALID_MAPPING, e.getMessage());
        }
        boolean replaced = jdbc.sql("""
                        INSERT INTO mapping_profile (name, profile, changed_by) VALUES (?, ?, ?)
                        ON CONFLICT (name) DO UPDATE SET profile = excluded.profile, changed_at = now(), changed_by = excluded.changed_by
                        RETURNING xmax <> 0""")
                .params(trimmed, text, actor).query(Boolean.class).single();
        audit.record(actor, replaced ? "mapping.replaced" : "mapping.saved", "mapping:" + trimmed, Map.of("length", text.length()));
        return new Saved(find(trimmed).orElseThrow(), replaced);
    }

    /** Every saved profile, by name (a handful per ledger: one per source system and kind). */
    public List<SavedProfile> list() {
        return jdbc.sql("SELECT name, profile, changed_at, changed_by FROM mapping_profile ORDER BY name")
                .query(MappingProfiles::row).list();
    }

    public Optional<SavedProfile> find(String name) {
        return jdbc.sql("SELECT name, profile, changed_at, changed_by FROM mapping_profile WHERE name = ?")
                .param(name == null ? "" : name.strip()).query(MappingProfiles::row).optional();
    }

    /** The saved profile of that name, ready for an import, or the refusal to give when there is none. */
    public Optional<MappingProfile> profile(String name) {
        return find(name).map(saved -> MappingProfile.parse(saved.text(), saved.name()));
    }

    public static Refused notFound(String name) {
        return new Refused(ImportRule.MAPPING_NOT_FOUND, "no mapping profile named '" + name + "' is saved in the ledger");
    }

    @Transactional
    public Change delete(String name, String actor) {
        String trimmed = name == null ? "" : name.strip();
        int deleted = jdbc.sql("DELETE FROM mapping_profile WHERE name = ?").param(trimmed).update();
        if (deleted == 0) {
            return notFound(trimmed);
        }
        audit.record(actor, "mapping.deleted", "mapping:" + trimmed, Map.of());
        return new Deleted(trimmed);
    }

    private static SavedProfile row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new SavedProfile(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4));
    }
}
