package org.ledgerbridge.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ledgerbridge.users.LoginAttempts;
import org.ledgerbridge.users.UserAccounts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * The password check of the login form and of HTTP Basic, behind the throttle of failed logins
 * ({@link LoginAttempts}): a user or address that failed too often waits before any password of
 * theirs is looked at; the form says how long, the API answers 429 with {@code Retry-After}.
 */
@Component
@ConditionalOnWebApplication
class ThrottledLogins implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginAttempts attempts;

    ThrottledLogins(UserAccounts users, PasswordEncoder encoder, LoginAttempts attempts) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.attempts = attempts;
    }

    /**
     * Refused before the password was checked; {@code wait} is how long until the next try is looked at.
     * An account state (as a lock is): no other way of checking the password is tried after it.
     */
    static final class Throttled extends org.springframework.security.authentication.LockedException {
        final Duration wait;

        Throttled(Duration wait) {
            super("Too many failed logins: try again in " + seconds(wait) + " seconds.");
            this.wait = wait;
        }
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String address = login.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
        Optional<Duration> wait = attempts.waitBeforeTrying(login.getName(), address);
        if (wait.isPresent()) {
            throw new Throttled(wait.get());
        }
        try {
            Authentication done = passwords.authenticate(login);
            attempts.succeeded(login.getName());
            return done;
        } catch (BadCredentialsException wrong) {
            attempts.failed(login.getName(), address);
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** The login form: back to it, saying why. */
    static AuthenticationFailureHandler formFailure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) ->
                response.sendRedirect(request.getContextPath() + (e instanceof Throttled throttled
                        ? "/login?throttled=" + seconds(throttled.wait) : "/login?error"));
    }

    /** HTTP Basic: 429 with Retry-After when throttled, else the 401 challenge; both with a problem saying why. */
    static AuthenticationEntryPoint basicChallenge() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (e instanceof Throttled throttled) {
                response.setHeader("Retry-After", String.valueOf(seconds(throttled.wait)));
                Problems.write(request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, WebProblem.LOGIN_THROTTLED, throttled.getMessage()));
            } else {
                response.setHeader("WWW-Authenticate", "Basic realm=\"LedgerBridge\"");
                Problems.Words words = Problems.words(HttpStatus.UNAUTHORIZED);
                Problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, words.code(), words.detail()));
            }
        };
    }
}
