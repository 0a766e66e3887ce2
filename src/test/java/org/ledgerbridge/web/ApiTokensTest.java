package org.ledgerbridge.web;

import org.junit.jupiter.api.Test;
import org.ledgerbridge.support.Http;
import org.ledgerbridge.support.WebLedgerTest;
import org.ledgerbridge.users.Role;
import org.ledgerbridge.users.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A script logs in with a token: made once by its user, no stronger than the user, kept only as a hash, revocable. */
@WebLedgerTest
class ApiTokensTest {

    private static final String PASSWORD = "a long enough password";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired UserAccounts users;
    @Autowired JdbcClient jdbc;

    private void user(String name, Role role) {
        if (users.find(name).isEmpty()) {
            users.add(name, role, PASSWORD, "setup");
        }
    }

    private HttpResponse<String> withToken(String secret, String path) {
        Http http = Http.at(port);
        return http.send(http.request(path).header("Authorization", "Bearer " + secret).GET(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postWithToken(String secret, String path, String json) {
        Http http = Http.at(port);
        return http.send(http.request(path).header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_preparer_makes_a_viewer_token_that_reads_but_cannot_write_and_only_its_hash_is_kept() {
        user("pia", Role.PREPARER);
        HttpResponse<String> made = Http.at(port).as("pia", PASSWORD).postJson("/api/me/tokens", "{\"name\":\"nightly report\",\"role\":\"VIEWER\"}");

        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(made.body());
        String secret = created.get("secret").asString();
        assertThat(secret).startsWith("lbt_").hasSizeGreaterThan(40);
        assertThat(created.get("token").get("role").asString()).isEqualTo("VIEWER");
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE secret_sha256 = encode(sha256(convert_to(?, 'UTF8')), 'hex')")
                .param(secret).query(Long.class).single()).as("the hash of the secret, not the secret").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE secret_sha256 LIKE '%' || ? || '%'").param(secret.substring(4, 20))
                .query(Long.class).single()).isZero();

        assertThat(withToken(secret, "/api/entities").statusCode()).isEqualTo(200);
        assertThat(postWithToken(secret, "/api/batches/status", "{\"ids\":[1],\"status\":\"READY\"}").statusCode())
                .as("a VIEWER token does not set batch status, though its user may").isEqualTo(403);
        assertThat(JSON.readTree(withToken(secret, "/api/me/tokens").body()).get(0).has("secret")).isFalse();
    }

    @Test
    void a_token_is_never_stronger_than_its_user_nor_than_the_token_that_asks() {
        user("val", Role.VIEWER);
        HttpResponse<String> above = Http.at(port).as("val", PASSWORD).postJson("/api/me/tokens", "{\"name\":\"x\",\"role\":\"ADMIN\"}");
        assertThat(above.statusCode()).isEqualTo(422);
        assertThat(above.body()).contains("ROLE_ABOVE_USER");

        user("ari", Role.APPROVER);
        String viewerToken = JSON.readTree(Http.at(port).as("ari", PASSWORD).postJson("/api/me/tokens",
                "{\"name\":\"reader\",\"role\":\"VIEWER\"}").body()).get("secret").asString();
        HttpResponse<String> escalate = postWithToken(viewerToken, "/api/me/tokens", "{\"name\":\"stronger\",\"role\":\"APPROVER\"}");
        assertThat(escalate.statusCode()).isEqualTo(422);
        assertThat(escalate.body()).contains("ROLE_ABOVE_USER");
    }

    @Test
    void a_revoked_token_an_unknown_one_and_one_of_a_disabled_user_are_answered_401_with_a_problem() {
        user("ada", Role.ADMIN);
        user("rex", Role.PREPARER);
        Http rex = Http.at(port).as("rex", PASSWORD);
        JsonNode first = JSON.readTree(rex.postJson("/api/me/tokens", "{\"name\":\"import job\"}").body());
        JsonNode second = JSON.readTree(rex.postJson("/api/me/tokens", "{\"name\":\"send job\"}").body());
        assertThat(first.get("token").get("role").asString()).as("by default the user's role").isEqualTo("PREPARER");

        assertThat(rex.postJson("/api/me/tokens/" + first.get("token").get("id").asLong() + "/revoke", "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> revoked = withToken(first.get("secret").asString(), "/api/entities");
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(revoked.body()).contains("INVALID_TOKEN");
        assertThat(withToken("lbt_not-a-token", "/api/entities").statusCode()).isEqualTo(401);

        assertThat(withToken(second.get("secret").asString(), "/api/entities").statusCode()).isEqualTo(200);
        Http.at(port).as("ada", PASSWORD).postJson("/api/users/rex/disable", "{}");
        assertThat(withToken(second.get("secret").asString(), "/api/entities").statusCode()).isEqualTo(401);
        Http.at(port).as("ada", PASSWORD).postJson("/api/users/rex/enable", "{}");
    }
}
