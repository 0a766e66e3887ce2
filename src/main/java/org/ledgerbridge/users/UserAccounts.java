package org.ledgerbridge.users;

import org.ledgerbridge.ledger.ErrorCode;
import org.ledgerbridge.ledger.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The logins of the web UI and the API, with their roles. */
@Service
public class UserAccounts implements UserDetailsService {

    static final int MIN_PASSWORD_LENGTH = 12;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    public UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
    }

    public record UserAccount(String username, Role role, boolean enabled, OffsetDateTime createdAt, String createdBy) {
    }

    public sealed interface UserChange permits UserAdded, UserChanged, UserRefused {
    }

    public record UserAdded(UserAccount user) implements UserChange {
    }

    /** Enabled, disabled, or given a new password. */
    public record UserChanged(UserAccount user) implements UserChange {
    }

    /** {@code code}: INVALID_USERNAME, PASSWORD_TOO_SHORT, USER_EXISTS, NO_SUCH_USER, WRONG_PASSWORD, LAST_ADMIN. */
    public record UserRefused(ErrorCode code, String message) implements UserChange {
    }

    /**
     * Disables a login (it can no longer log in, and the web sessions it has end at their next
     * request) or enables it again. The last enabled ADMIN is not disabled: nobody could enable it.
     */
    public UserChange setEnabled(String username, boolean enabled, String actor) {
        java.util.Optional<UserAccount> user = find(username);
        if (user.isEmpty()) {
            return noSuchUser(username);
        }
        if (!enabled && user.get().role() == Role.ADMIN && user.get().enabled() && jdbc.sql(
                "SELECT count(*) FROM app_user WHERE role = 'ADMIN' AND enabled").query(Long.class).single() == 1) {
            return new UserRefused(UserRule.LAST_ADMIN, username + " is the last enabled ADMIN; enable or add another ADMIN first");
        }
        jdbc.sql("UPDATE app_user SET enabled = :enabled WHERE username = :name").param("enabled", enabled).param("name", username).update();
        audit.record(actor, enabled ? "user.enabled" : "user.disabled", "user:" + username, Map.of());
        return new UserChanged(find(username).orElseThrow());
    }

    /** An ADMIN sets a new password for a login (the old one is not needed). */
    public UserChange resetPassword(String username, String password, String actor) {
        if (find(username).isEmpty()) {
            return noSuchUser(username);
        }
        return storePassword(username, password, actor, "user.password-reset");
    }

    /** A user changes their own password, giving the current one. */
    public UserChange changeOwnPassword(String username, String current, String password) {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?").param(username).query(String.class).optional()
                .orElse(null);
        if (hash == null || current == null || !passwords.matches(current, hash)) {
            return new UserRefused(UserRule.WRONG_PASSWORD, "the current password is not right; the password is unchanged");
        }
        return storePassword(username, password, username, "user.password-changed");
    }

    /** Whether this login was disabled: the web checks it at each request of a session. */
    public boolean isDisabled(String username) {
        return jdbc.sql("SELECT NOT enabled FROM app_user WHERE username = ?").param(username).query(Boolean.class).optional().orElse(false);
    }

    private UserChange storePassword(String username, String password, String actor, String action) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return new UserRefused(UserRule.PASSWORD_TOO_SHORT, "a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE username = :name")
                .param("hash", passwords.encode(password)).param("name", username).update();
        audit.record(actor, action, "user:" + username, Map.of());
        return new UserChanged(find(username).orElseThrow());
    }

    private static UserRefused noSuchUser(String username) {
        return new UserRefused(UserRule.NO_SUCH_USER, "there is no user '" + username + "'");
    }

    public UserChange add(String username, Role role, String password, String actor) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{1,64}")) {
            return new UserRefused(UserRule.INVALID_USERNAME, "a user name is 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return new UserRefused(UserRule.PASSWORD_TOO_SHORT, "a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        int inserted = jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, role, created_by) VALUES (:name, :hash, :role, :actor)
                        ON CONFLICT (username) DO NOTHING""")
                .param("name", username).param("hash", passwords.encode(password)).param("role", role.name())
                .param("actor", actor).update();
        if (inserted == 0) {
            return new UserRefused(UserRule.USER_EXISTS, "there is already a user '" + username + "'");
        }
        audit.record(actor, "user.add", "user:" + username, Map.of("role", role.name()));
        return new UserAdded(find(username).orElseThrow());
    }

    public List<UserAccount> list() {
        return jdbc.sql("SELECT username, role, enabled, created_at, created_by FROM app_user ORDER BY username")
                .query(UserAccounts::account).list();
    }

    public java.util.Optional<UserAccount> find(String username) {
        return jdbc.sql("SELECT username, role, enabled, created_at, created_by FROM app_user WHERE username = ?")
                .param(username).query(UserAccounts::account).optional();
    }

    private static UserAccount account(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new UserAccount(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getBoolean(3), rs.getObject(4, OffsetDateTime.class),
                rs.getString(5));
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single() == 0;
    }

    /** A random password for a demo login, printed once; never a fixed default. */
    public static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, role, enabled FROM app_user WHERE username = :name")
                .param("name", username)
                .query((rs, n) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                        .authorities(Role.valueOf(rs.getString(3)).authority()).disabled(!rs.getBoolean(4)).build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
