package org.ledgerbridge.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.support.Http;
import org.ledgerbridge.support.WebLedgerTest;
import org.ledgerbridge.users.Role;
import org.ledgerbridge.users.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The login of the web UI as a browser meets it: cookies, session fixation, headers, upload limits. */
@WebLedgerTest
@TestPropertySource(properties = {"spring.servlet.multipart.max-file-size=64KB", "spring.servlet.multipart.max-request-size=64KB"})
class LoginSecurityTest {

    private static final String PASSWORD = "a long enough password";

    @LocalServerPort int port;
    @Autowired UserAccounts users;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    @BeforeEach
    void a_preparer() {
        if (users.find("pat").isEmpty()) {
            users.add("pat", Role.PREPARER, PASSWORD, "setup");
        }
    }

    /** A browser's session: GET the login form, POST it; the cookie the login answers with. */
    private record Login(String sessionBefore, HttpResponse<String> answer) {
        String sessionAfter() {
            return session(answer).orElse(null);
        }

        List<String> setCookies() {
            return answer.headers().allValues("Set-Cookie");
        }
    }

    private Login logIn(String user, String password) {
        Http http = Http.at(port);
        HttpResponse<String> form = http.get("/login");
        String session = session(form).orElseThrow();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        HttpResponse<String> answer = http.send(http.request("/login").header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)),
                HttpResponse.BodyHandlers.ofString());
        return new Login(session, answer);
    }

    @Test
    void logging_in_gives_a_new_session_id_in_a_cookie_scripts_cannot_read_and_other_sites_cannot_send() {
        Login login = logIn("pat", PASSWORD);
        assertThat(login.answer().statusCode()).isEqualTo(302);
        assertThat(login.answer().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(login.sessionAfter()).isNotNull().isNotEqualTo(login.sessionBefore());
        String cookie = login.setCookies().stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("Secure").containsIgnoringCase("SameSite=Strict");

        HttpResponse<String> dashboard = Http.at(port).send(Http.at(port).request("/").header("Cookie", "JSESSIONID=" + login.sessionAfter())
                .header("Accept", "text/html"), HttpResponse.BodyHandlers.ofString());
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Dashboard").contains("pat");
        assertThat(dashboard.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
        assertThat(dashboard.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(dashboard.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void the_dashboard_of_a_ledger_with_nothing_posted_says_so_instead_of_all_sent() {
        assertThat(jdbc.sql("SELECT count(*) FROM batch WHERE status = 'POSTED'").query(Long.class).single()).isZero();
        Login login = logIn("pat", PASSWORD);
        HttpResponse<String> dashboard = Http.at(port).send(Http.at(port).request("/").header("Cookie", "JSESSIONID=" + login.sessionAfter())
                .header("Accept", "text/html"), HttpResponse.BodyHandlers.ofString());
        assertThat(dashboard.body()).contains("nothing posted yet").doesNotContain("all sent");
    }

    @Test
    void a_wrong_password_goes_back_to_the_login_form_with_no_session() {
        Login login = logIn("pat", "not the password at all");
        assertThat(login.answer().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        HttpResponse<String> dashboard = Http.at(port).send(Http.at(port).request("/").header("Accept", "text/html")
                .header("Cookie", "JSESSIONID=" + login.sessionBefore()), HttpResponse.BodyHandlers.ofString());
        assertThat(dashboard.statusCode()).isEqualTo(302);
    }

    @Test
    void a_form_sent_on_a_session_that_ended_goes_back_to_the_login_page_which_says_so_and_nothing_is_done() {
        long events = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
        HttpResponse<String> answer = Http.at(port).send(Http.at(port).request("/settings/mappings")
                .header("Cookie", "JSESSIONID=5E55101AE4DED0000000000000000000").header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=late&profile=columns%3A+%7B%7D&_csrf=stale")), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
        assertThat(Http.at(port).get("/login?expired").body()).contains("Your session ended");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isEqualTo(events);
    }

    @Test
    void an_upload_over_the_size_limit_is_refused_with_413_and_no_import_is_recorded() throws IOException {
        Path big = dir.resolve("big.csv");
        Files.writeString(big, "BILL_TO_ID,AMOUNT\n" + "100231,1.00\n".repeat(10_000));
        long runs = jdbc.sql("SELECT count(*) FROM import_run").query(Long.class).single();
        var answer = Http.at(port).as("pat", PASSWORD).upload("/api/imports/payments", Map.of("file", big), Map.of());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("UPLOAD_TOO_LARGE");
        assertThat(jdbc.sql("SELECT count(*) FROM import_run").query(Long.class).single()).isEqualTo(runs);
    }

    private static java.util.Optional<String> session(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
