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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A script that retries an import or a GL send with the same Idempotency-Key gets the first answer, and the work is done once. */
@WebLedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class IdempotencyKeyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "a long enough password";

    @LocalServerPort int port;
    @Autowired UserAccounts users;
    @Autowired JdbcClient jdbc;

    private Http preparer;
    private Http approver;

    @BeforeEach
    void two_users() {
        users.add("preparer", Role.PREPARER, PASSWORD, "setup");
        users.add("approver", Role.APPROVER, PASSWORD, "setup");
        preparer = Http.at(port).as("preparer", PASSWORD);
        approver = Http.at(port).as("approver", PASSWORD);
    }

    private HttpResponse<String> importEntities(Http who, Map<String, String> headers) throws IOException {
        return who.upload("/api/imports/entities", Map.of("file", Samples.file("entities.csv")), Map.of(), headers);
    }

    @Test
    void a_retried_import_gets_the_first_answer_and_imports_once() throws IOException {
        HttpResponse<String> first = importEntities(preparer, Map.of("Idempotency-Key", "nightly-2026-11-30"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).get("status").asString()).isEqualTo("committed");

        HttpResponse<String> retry = importEntities(preparer, Map.of("Idempotency-Key", "nightly-2026-11-30"));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).as("the first answer, not 'duplicate'").isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(jdbc.sql("SELECT count(*) FROM import_run WHERE kind = 'entities'").query(Long.class).single()).isEqualTo(1);

        HttpResponse<String> withoutKey = importEntities(preparer, Map.of());
        assertThat(JSON.readTree(withoutKey.body()).get("status").asString()).isEqualTo("duplicate");
        HttpResponse<String> anotherUser = importEntities(approver, Map.of("Idempotency-Key", "nightly-2026-11-30"));
        assertThat(JSON.readTree(anotherUser.body()).get("status").asString()).as("keys are each user's own").isEqualTo("duplicate");
    }

    @Test
    void a_key_used_for_another_request_or_not_a_key_is_refused() throws IOException {
        importEntities(preparer, Map.of("Idempotency-Key", "k-1"));
        HttpResponse<String> reused = preparer.upload("/api/imports/accounts", Map.of("file", Samples.file("accounts.csv")), Map.of(),
                Map.of("Idempotency-Key", "k-1"));
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(reused.body()).get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(jdbc.sql("SELECT count(*) FROM import_run WHERE kind = 'accounts'").query(Long.class).single()).isZero();

        HttpResponse<String> notAKey = importEntities(preparer, Map.of("Idempotency-Key", "two words"));
        assertThat(notAKey.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notAKey.body()).get("code").asString()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
    }

    @Test
    void a_retry_while_the_first_still_runs_is_told_so_and_one_a_stopped_server_abandoned_runs_again() throws IOException {
        jdbc.sql("INSERT INTO idempotent_answer (username, key, request) VALUES ('preparer', 'running', 'POST /api/imports/entities')").update();
        HttpResponse<String> meanwhile = importEntities(preparer, Map.of("Idempotency-Key", "running"));
        assertThat(meanwhile.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(meanwhile.body()).get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_IN_USE");

        jdbc.sql("UPDATE idempotent_answer SET created_at = now() - interval '2 hours' WHERE key = 'running'").update();
        HttpResponse<String> later = importEntities(preparer, Map.of("Idempotency-Key", "running"));
        assertThat(JSON.readTree(later.body()).get("status").asString()).isEqualTo("committed");
    }

    @Test
    void a_retried_gl_send_gets_the_first_answer() {
        HttpRequest.Builder send = approver.request("/api/gl/send").header("Content-Type", "application/json")
                .header("Idempotency-Key", "send-1").POST(HttpRequest.BodyPublishers.ofString("{\"target\":\"nowhere\",\"all\":true}"));
        HttpResponse<String> first = approver.send(send, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> retry = approver.send(send, HttpResponse.BodyHandlers.ofString());
        assertThat(retry.statusCode()).isEqualTo(first.statusCode());
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
    }
}
