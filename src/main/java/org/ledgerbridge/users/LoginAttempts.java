package org.ledgerbridge.users;

import org.ledgerbridge.ledger.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins slow down whoever makes them: after {@value #PER_USER} failures for one user, or
 * {@value #PER_ADDRESS} from one address, within 15 minutes, the next try waits (30 seconds after
 * the last failure, doubling with each further one, at most 15 minutes) and is refused without
 * looking at the password, right or wrong. A success clears the user's failures. The failures are
 * kept in the ledger, so every process serving it counts the same tries.
 */
@Service
public class LoginAttempts {

    static final int PER_USER = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public LoginAttempts(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    private record Failures(long ofUser, OffsetDateTime lastOfUser, long fromAddress, OffsetDateTime lastFromAddress, OffsetDateTime now) {
    }

    /** How long {@code username} trying from {@code address} must still wait before a password is checked; empty: it may try now. */
    public Optional<Duration> waitBeforeTrying(String username, String address) {
        Failures failures = failures(username, address);
        Duration wait = longer(waitAfter(failures.ofUser(), PER_USER, failures.lastOfUser(), failures.now()),
                waitAfter(failures.fromAddress(), PER_ADDRESS, failures.lastFromAddress(), failures.now()));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** A wrong password (or no such user): counted; the failure that starts or lengthens a wait is audited. */
    public void failed(String username, String address) {
        jdbc.sql("INSERT INTO login_failure (username, address) VALUES (:user, :address)")
                .param("user", username).param("address", address).update();
        Failures failures = failures(username, address);
        if (failures.ofUser() >= PER_USER || failures.fromAddress() >= PER_ADDRESS) {
            audit.record("login", "login.throttled", "user:" + username, Map.of("address", address,
                    "failuresOfUser", failures.ofUser(), "failuresFromAddress", failures.fromAddress()));
        }
        // rows past the window count for nothing: the table keeps a day at most
        jdbc.sql("DELETE FROM login_failure WHERE at < clock_timestamp() - interval '1 day'").update();
    }

    public void succeeded(String username) {
        jdbc.sql("DELETE FROM login_failure WHERE username = :user").param("user", username).update();
    }

    private Failures failures(String username, String address) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE username = :user), max(at) FILTER (WHERE username = :user),
                               count(*) FILTER (WHERE address = :address), max(at) FILTER (WHERE address = :address), clock_timestamp()
                          FROM login_failure
                         WHERE (username = :user OR address = :address) AND at > clock_timestamp() - make_interval(secs => :window)""")
                .param("user", username).param("address", address).param("window", WINDOW.toSeconds())
                .query((rs, n) -> new Failures(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)))
                .single();
    }

    /** 30 s after the failure that reached the limit, doubling with each one past it, at most 15 minutes. */
    static Duration waitAfter(long failures, int limit, OffsetDateTime last, OffsetDateTime now) {
        if (failures < limit || last == null) {
            return Duration.ZERO;
        }
        long doublings = Math.min(failures - limit, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        Duration left = Duration.between(now, last.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
