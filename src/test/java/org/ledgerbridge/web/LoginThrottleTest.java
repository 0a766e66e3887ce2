package org.ledgerbridge.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.support.Http;
import org.ledgerbridge.support.WebLedgerTest;
import org.ledgerbridge.users.Role;
import org.ledgerbridge.users.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Guessing passwords gets slower with each wrong one; an administrator can shut a login out and let it back in. */
@WebLedgerTest
class LoginThrottleTest {

    private static final String PASSWORD = "a long enough password";
    private static final String NEW_PASSWORD = "another long password";

    @LocalServerPort int port;
    @Autowired UserAccounts users;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void no_failed_login_counts() {
        jdbc.sql("DELETE FROM login_failure").update(); // every test here logs in from this one address
    }

    private void user(String name, Role role) {
        if (users.find(name).isEmpty()) {
            users.add(name, role, PASSWORD, "setup");
        }
    }

    /** Logs in with the form as a browser does; the answer to the POST, and the session cookie it set. */
    private record FormLogin(HttpResponse<String> answer, String session) {
        String location() {
            return answer.headers().firstValue("Location").orElse("");
        }
    }

    private FormLogin logIn(String user, String password) {
        Http http = Http.at(port);
        HttpResponse<String> form = http.get("/login");
        String session = session(form).orElseThrow();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        HttpResponse<String> answer = http.send(http.request("/login").header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)),
                HttpResponse.BodyHandlers.ofString());
        return new FormLogin(answer, session(answer).orElse(session));
    }

    private HttpResponse<String> page(String path, String session) {
        Http http = Http.at(port);
        return http.send(http.request(path).header("Cookie", "JSESSIONID=" + session).header("Accept", "text/html").GET(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> session(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private long audited(String action, String user) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND subject = ?").param(action).param("user:" + user)
                .query(Long.class).single();
    }

    @Test
    void after_five_wrong_passwords_the_right_one_waits_too_on_the_form_and_the_api_and_a_success_after_the_wait_clears_the_count() {
        user("gus", Role.VIEWER);
        for (int i = 0; i < 5; i++) {
            assertThat(logIn("gus", "wrong password " + i).location()).endsWith("/login?error");
        }

        FormLogin refused = logIn("gus", PASSWORD);
        assertThat(refused.location()).contains("/login?throttled=");
        long seconds = Long.parseLong(refused.location().replaceAll(".*throttled=", ""));
        assertThat(seconds).isBetween(1L, 30L);
        assertThat(page(refused.location().replaceFirst("^http://localhost:\\d+", ""), refused.session()).body())
                .contains("Too many failed logins: try again in " + seconds + " seconds.");
        HttpResponse<String> api = Http.at(port).as("gus", PASSWORD).get("/api/entities");
        assertThat(api.statusCode()).isEqualTo(429);
        assertThat(api.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 30L));
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(api.body()).contains("\"code\":\"LOGIN_THROTTLED\"");
        assertThat(audited("login.throttled", "gus")).isEqualTo(1);

        jdbc.sql("UPDATE login_failure SET at = at - interval '31 seconds'").update(); // the wait has passed
        assertThat(logIn("gus", PASSWORD).location()).endsWith("/");
        assertThat(jdbc.sql("SELECT count(*) FROM login_failure WHERE username = 'gus'").query(Long.class).single()).isZero();
    }

    @Test
    void each_wrong_password_past_the_limit_doubles_the_wait() {
        user("hal", Role.VIEWER);
        for (int i = 0; i < 5; i++) {
            logIn("hal", "wrong password " + i);
        }
        jdbc.sql("UPDATE login_failure SET at = at - interval '31 seconds'").update();
        assertThat(logIn("hal", "still wrong").location()).endsWith("/login?error");

        FormLogin refused = logIn("hal", PASSWORD);
        assertThat(Long.parseLong(refused.location().replaceAll(".*throttled=", ""))).isBetween(31L, 60L);
    }

    @Test
    void twenty_wrong_passwords_from_one_address_stop_it_trying_any_user() {
        user("ida", Role.VIEWER);
        for (int i = 0; i < 20; i++) {
            logIn("nobody-" + (i % 4), "guess " + i);
        }

        assertThat(logIn("ida", PASSWORD).location()).contains("/login?throttled=");
        assertThat(Http.at(port).as("ida", PASSWORD).get("/api/entities").statusCode()).isEqualTo(429);
    }

    @Test
    void an_admin_disables_a_login_its_session_ends_at_once_and_enabling_and_a_new_password_let_it_back_in() {
        user("ada", Role.ADMIN);
        user("joe", Role.PREPARER);
        FormLogin joe = logIn("joe", PASSWORD);
        assertThat(page("/batches", joe.session()).statusCode()).isEqualTo(200);
        Http admin = Http.at(port).as("ada", PASSWORD);

        assertThat(admin.postJson("/api/users/joe/disable", "{}").statusCode()).isEqualTo(200);

        HttpResponse<String> next = page("/batches", joe.session());
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?disabled"));
        assertThat(page("/batches", joe.session()).headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
        assertThat(logIn("joe", PASSWORD).location()).endsWith("/login?error");
        assertThat(Http.at(port).as("joe", PASSWORD).get("/api/entities").statusCode()).isEqualTo(401);
        assertThat(audited("user.disabled", "joe")).isEqualTo(1);

        assertThat(admin.postJson("/api/users/joe/enable", "{}").statusCode()).isEqualTo(200);
        assertThat(admin.postJson("/api/users/joe/password", "{\"password\":\"" + NEW_PASSWORD + "\"}").statusCode()).isEqualTo(200);
        assertThat(Http.at(port).as("joe", PASSWORD).get("/api/entities").statusCode()).isEqualTo(401);
        assertThat(Http.at(port).as("joe", NEW_PASSWORD).get("/api/entities").statusCode()).isEqualTo(200);

        assertThat(admin.postJson("/api/users/nobody/disable", "{}").statusCode()).isEqualTo(404);
        assertThat(Http.at(port).as("joe", NEW_PASSWORD).postJson("/api/users/ada/disable", "{}").statusCode())
                .as("only an ADMIN manages logins").isEqualTo(403);
    }

    @Test
    void the_screens_scripts_call_the_api_with_the_browsers_session_and_a_write_needs_its_csrf_token() {
        user("liz", Role.PREPARER);
        FormLogin liz = logIn("liz", PASSWORD);
        Http http = Http.at(port);

        HttpResponse<String> read = http.send(http.request("/api/entities").header("Cookie", "JSESSIONID=" + liz.session()).GET(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        HttpResponse<String> forged = http.send(http.request("/api/batches/status").header("Cookie", "JSESSIONID=" + liz.session())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"ids\":[999],\"status\":\"READY\"}")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a write on the session without its CSRF token, as another site would send it").isEqualTo(403);

        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page("/batches", liz.session()).body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> fromTheScreen = http.send(http.request("/api/batches/status").header("Cookie", "JSESSIONID=" + liz.session())
                .header("X-CSRF-TOKEN", token.group(1)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ids\":[999],\"status\":\"READY\"}")), HttpResponse.BodyHandlers.ofString());
        assertThat(fromTheScreen.statusCode()).as(fromTheScreen.body()).isEqualTo(422); // past security: the batch does not exist
        assertThat(fromTheScreen.body()).contains("BATCH_NOT_FOUND");
        assertThat(http.get("/api/entities").statusCode()).as("no session, no password: nothing").isEqualTo(401);
    }

    @Test
    void the_last_enabled_admin_cannot_be_disabled_and_a_user_changes_their_own_password_with_the_current_one() {
        user("ada", Role.ADMIN);
        user("kim", Role.VIEWER);
        jdbc.sql("UPDATE app_user SET enabled = false WHERE role = 'ADMIN' AND username <> 'ada'").update();
        Http admin = Http.at(port).as("ada", PASSWORD);

        HttpResponse<String> last = admin.postJson("/api/users/ada/disable", "{}");
        assertThat(last.statusCode()).isEqualTo(422);
        assertThat(last.body()).contains("LAST_ADMIN");

        Http kim = Http.at(port).as("kim", PASSWORD);
        assertThat(kim.postJson("/api/me/password", "{\"current\":\"not it\",\"password\":\"" + NEW_PASSWORD + "\"}").body())
                .contains("WRONG_PASSWORD");
        assertThat(kim.postJson("/api/me/password", "{\"current\":\"" + PASSWORD + "\",\"password\":\"short\"}").body())
                .contains("PASSWORD_TOO_SHORT");
        assertThat(kim.postJson("/api/me/password", "{\"current\":\"" + PASSWORD + "\",\"password\":\"" + NEW_PASSWORD + "\"}").statusCode())
                .isEqualTo(200);
        assertThat(Http.at(port).as("kim", NEW_PASSWORD).get("/api/entities").statusCode()).isEqualTo(200);
        assertThat(audited("user.password-changed", "kim")).isEqualTo(1);
    }
}
