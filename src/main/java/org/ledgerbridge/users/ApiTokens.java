package org.ledgerbridge.users;

import org.ledgerbridge.ledger.ErrorCode;
import org.ledgerbridge.ledger.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API tokens: a script's login for the REST API ({@code Authorization: Bearer lbt_...}) that acts
 * for a user with a role no higher than the user's. The secret has 256 random bits and is shown
 * once; the ledger keeps its SHA-256 only, so checking a token is one look-up by that hash (a
 * password's bcrypt costs about 55 ms a request). A token is revoked, and stops working, with its
 * user disabled too.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "lbt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public ApiTokens(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record ApiToken(long id, String username, String name, Role role, OffsetDateTime createdAt, String createdBy,
                           OffsetDateTime revokedAt) {
    }

    /** A token just made: {@code secret} is shown this once and kept nowhere. */
    public record Created(ApiToken token, String secret) {
    }

    /** Who a token acts for, and as what. */
    public record Bearer(long tokenId, String username, Role role) {
    }

    /** {@code code}: NO_SUCH_USER, ROLE_ABOVE_USER, INVALID_NAME, NO_SUCH_TOKEN. */
    public record Refused(ErrorCode code, String message) {
    }

    public sealed interface Outcome permits Made, Revoked, Refusal {
    }

    public record Made(Created created) implements Outcome {
    }

    public record Revoked(ApiToken token) implements Outcome {
    }

    public record Refusal(Refused refused) implements Outcome {
    }

    /**
     * Makes a token of {@code username} with {@code role} (by default the highest allowed): never above
     * the user's role nor above {@code ceiling}, the role of whoever asks (a token cannot make a stronger one).
     */
    public Outcome create(String username, String name, Role role, Role ceiling, String actor) {
        Optional<Role> userRole = jdbc.sql("SELECT role FROM app_user WHERE username = ? AND enabled").param(username)
                .query(String.class).optional().map(Role::valueOf);
        if (userRole.isEmpty()) {
            return refused(UserRule.NO_SUCH_USER, "there is no enabled user '" + username + "'");
        }
        if (name == null || name.isBlank() || name.length() > 80) {
            return refused(UserRule.INVALID_NAME, "a token has a name of 1 to 80 characters, saying what uses it");
        }
        Role highest = userRole.get().includes(ceiling) ? ceiling : userRole.get();
        Role granted = role == null ? highest : role;
        if (!highest.includes(granted)) {
            return refused(UserRule.ROLE_ABOVE_USER, "a token of " + username + " made here has a role up to " + highest + ", not " + granted);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        long id = jdbc.sql("""
                        INSERT INTO api_token (username, name, role, secret_sha256, created_by) VALUES (:user, :name, :role, :hash, :actor)
                        RETURNING id""")
                .param("user", username).param("name", name.strip()).param("role", granted.name()).param("hash", sha256(secret))
                .param("actor", actor).query(Long.class).single();
        audit.record(actor, "token.created", "user:" + username, Map.of("token", id, "role", granted.name()));
        return new Made(new Created(find(id).orElseThrow(), secret));
    }

    /** The tokens of a user (all users when null), newest first, revoked ones too. */
    public List<ApiToken> list(String username) {
        return jdbc.sql("SELECT id, username, name, role, created_at, created_by, revoked_at FROM api_token"
                        + (username == null ? "" : " WHERE username = :user") + " ORDER BY id DESC")
                .param("user", username).query(ApiTokens::token).list();
    }

    public Optional<ApiToken> find(long id) {
        return jdbc.sql("SELECT id, username, name, role, created_at, created_by, revoked_at FROM api_token WHERE id = ?").param(id)
                .query(ApiTokens::token).optional();
    }

    /** Revokes a token; {@code owner} not null: only one of that user's. */
    public Outcome revoke(long id, String owner, String actor) {
        Optional<ApiToken> token = find(id).filter(t -> owner == null || t.username().equals(owner));
        if (token.isEmpty()) {
            return refused(UserRule.NO_SUCH_TOKEN, "there is no token " + id + (owner == null ? "" : " of " + owner));
        }
        jdbc.sql("UPDATE api_token SET revoked_at = coalesce(revoked_at, now()) WHERE id = ?").param(id).update();
        audit.record(actor, "token.revoked", "user:" + token.get().username(), Map.of("token", id));
        return new Revoked(find(id).orElseThrow());
    }

    /** Who the secret acts for: a token not revoked, of a user still enabled. */
    public Optional<Bearer> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT t.id, t.username, t.role FROM api_token t JOIN app_user u ON u.username = t.username
                         WHERE t.secret_sha256 = ? AND t.revoked_at IS NULL AND u.enabled""")
                .param(sha256(secret))
                .query((rs, n) -> new Bearer(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)))).optional();
    }

    private static Outcome refused(ErrorCode code, String message) {
        return new Refusal(new Refused(code, message));
    }

    private static ApiToken token(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ApiToken(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getObject(7, OffsetDateTime.class));
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
