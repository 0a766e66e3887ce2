package org.ledgerbridge.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.support.Http;
import org.ledgerbridge.support.Samples;
import org.ledgerbridge.support.WebLedgerTest;
import org.ledgerbridge.users.Role;
import org.ledgerbridge.users.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error the API answers has one shape (RFC 9457 problem details with a stable code); the browser gets pages. */
@WebLedgerTest
class ErrorShapeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "a long enough password";

    @LocalServerPort int port;
    @Autowired UserAccounts users;

    private Http viewer;
    private Http preparer;

    @BeforeEach
    void a_viewer_and_a_preparer() {
        viewer = Http.at(port).asUserOf(Role.VIEWER, users, PASSWORD);
        preparer = Http.at(port).asUserOf(Role.PREPARER, users, PASSWORD);
    }

    /** The members every problem has, and its code. */
    private static JsonNode problem(HttpResponse<String> answer, int status, String code) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank().doesNotContain("Exception").doesNotContain("--");
        assertThat(problem.has("type")).as("about:blank, left out as RFC 9457 allows").isFalse();
        return problem;
    }

    @Test
    void no_login_a_wrong_token_and_a_role_too_low_are_problems_that_say_so() {
        HttpResponse<String> anonymous = Http.at(port).get("/api/batches");
        problem(anonymous, 401, "NOT_LOGGED_IN");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"LedgerBridge\"");

        problem(Http.at(port).send(Http.at(port).request("/api/batches").header("Authorization", "Bearer lb_nothing"),
                HttpResponse.BodyHandlers.ofString()), 401, "INVALID_TOKEN");

        problem(viewer.postJson("/api/batches/post", "{\"ids\":[1]}"), 403, "ROLE_NOT_ALLOWED");
    }

    @Test
    void an_address_or_a_record_that_is_not_there_is_a_404_that_names_it() {
        assertThat(problem(viewer.get("/api/nothing-here"), 404, "NOT_FOUND").get("instance").asString()).isEqualTo("/api/nothing-here");
        assertThat(problem(viewer.get("/api/batches/987654"), 404, "BATCH_NOT_FOUND").get("detail").asString()).contains("987654");
        problem(viewer.get("/api/batches/987654/journals"), 404, "BATCH_NOT_FOUND");
        assertThat(problem(viewer.get("/api/journals/987654"), 404, "JOURNAL_NOT_FOUND").get("detail").asString()).contains("987654");
        problem(viewer.get("/api/journals/987654/payments"), 404, "JOURNAL_NOT_FOUND");
        assertThat(problem(viewer.get("/api/documents/ACME/AR/INV-NONE"), 404, "DOCUMENT_NOT_FOUND").get("detail").asString())
                .contains("INV-NONE");
        problem(viewer.get("/api/projects/NO-PROJECT"), 404, "PROJECT_NOT_FOUND");
    }

    @Test
    void a_request_the_api_cannot_read_is_a_400_problem() {
        problem(viewer.get("/api/batches?limit=many"), 400, "BAD_REQUEST");
        problem(preparer.postJson("/api/documents/apply", "this is no JSON"), 400, "BAD_REQUEST");
        assertThat(problem(preparer.postJson("/api/documents/apply", "{}"), 400, "MISSING_FIELD").get("field").asString())
                .isEqualTo("credit");
        problem(viewer.get("/api/batches?cursor=forged"), 400, "INVALID_CURSOR");
    }

    @Test
    void a_business_rule_that_refuses_is_a_422_problem_with_its_code() throws IOException {
        JsonNode refused = problem(preparer.upload("/api/imports/no-such-kind", Map.of("file", Samples.file("entities.csv")), Map.of()),
                422, "UNKNOWN_KIND");
        assertThat(refused.get("detail").asString()).contains("no-such-kind");
    }

    @Test
    void the_browser_gets_a_page_in_the_apps_layout_for_404_403_and_a_request_it_cannot_read() {
        HttpResponse<String> missing = viewer.send(viewer.request("/nothing-here").header("Accept", "text/html"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(missing.body()).contains("<h1>Not found</h1>", "href=\"/batches\"", "Back to the dashboard").doesNotContain("Whitelabel");

        HttpResponse<String> forbidden = viewer.send(viewer.request("/settings/users").header("Accept", "text/html"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("<h1>Not for your role</h1>");

        HttpResponse<String> unreadable = viewer.send(viewer.request("/batches/not-a-number").header("Accept", "text/html"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body()).contains("<h1>Request not understood</h1>").doesNotContain("\"code\"");
    }
}
