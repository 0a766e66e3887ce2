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
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document says what the endpoints really answer: a client generator can rely on it. */
@WebLedgerTest
class ApiDocumentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "a long enough password";

    @LocalServerPort int port;
    @Autowired UserAccounts users;

    private Http viewer;
    private Http preparer;
    private JsonNode document;

    @BeforeEach
    void the_document_as_a_viewer_fetches_it() {
        viewer = Http.at(port).asUserOf(Role.VIEWER, users, PASSWORD);
        preparer = Http.at(port).asUserOf(Role.PREPARER, users, PASSWORD);
        HttpResponse<String> docs = viewer.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        document = JSON.readTree(docs.body());
    }

    @Test
    void it_names_the_product_its_version_and_both_ways_to_log_in() {
        assertThat(document.at("/info/title").asString()).isEqualTo("LedgerBridge API");
        assertThat(document.at("/info/version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(document.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
        assertThat(document.at("/components/securitySchemes/token/scheme").asString()).isEqualTo("bearer");
        assertThat(document.at("/security").toString()).contains("basic", "token");
    }

    @Test
    void every_error_an_endpoint_answers_is_in_the_document_with_the_problem_shape() throws IOException {
        Map<String, Supplier<HttpResponse<String>>> calls = new java.util.LinkedHashMap<>();
        calls.put("get /api/batches", () -> Http.at(port).get("/api/batches"));
        calls.put("get /api/batches ", () -> viewer.get("/api/batches?limit=many"));
        calls.put("get /api/batches/{id}", () -> viewer.get("/api/batches/987654"));
        calls.put("get /api/journals/{id}", () -> viewer.get("/api/journals/987654"));
        calls.put("get /api/documents/{entity}/{module}/{number}", () -> viewer.get("/api/documents/ACME/AR/INV-NONE"));
        calls.put("post /api/batches/post", () -> viewer.postJson("/api/batches/post", "{\"ids\":[1]}"));
        calls.put("post /api/documents/apply", () -> preparer.postJson("/api/documents/apply", "{}"));
        calls.put("post /api/imports/{kind}", () -> {
            try {
                return preparer.upload("/api/imports/no-such-kind", Map.of("file", Samples.file("entities.csv")), Map.of());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        calls.put("get /api/mappings/{name}", () -> viewer.get("/api/mappings/none-saved"));
        calls.put("put /api/mappings/{name}", () -> preparer.send(preparer.request("/api/mappings/broken")
                .header("Content-Type", "application/yaml").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("columns: [a, b]")),
                HttpResponse.BodyHandlers.ofString()));
        calls.put("delete /api/mappings/{name}", () -> preparer.send(preparer.request("/api/mappings/none-saved").DELETE(),
                HttpResponse.BodyHandlers.ofString()));
        for (Map.Entry<String, Supplier<HttpResponse<String>>> call : calls.entrySet()) {
            String[] operation = call.getKey().strip().split(" ");
            HttpResponse<String> answer = call.getValue().get();
            assertThat(answer.statusCode()).as(call.getKey()).isBetween(400, 499);
            JsonNode documented = document.path("paths").path(operation[1]).path(operation[0]).path("responses")
                    .path(String.valueOf(answer.statusCode()));
            assertThat(documented.isMissingNode()).as(call.getKey() + " answers " + answer.statusCode() + ": documented").isFalse();
            assertThat(documented.path("content").has("application/problem+json")).as(call.getKey()).isTrue();
        }
    }

    /** Every operation of the document, asked without a login and as a viewer: each answer in the problem shape and documented. */
    @Test
    void every_endpoint_of_the_document_answers_its_errors_as_documented_problems() {
        java.util.List<String> wrong = new java.util.ArrayList<>();
        int operations = 0;
        for (var path : document.path("paths").properties()) {
            String address = path.getKey().replaceAll("\\{[^}]+}", "x");
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                operations++;
                for (Http who : java.util.List.of(Http.at(port), viewer)) {
                    HttpResponse<String> answer = who.send(who.request(address).header("Content-Type", "application/json")
                            .method(method, method.equals("GET") || method.equals("DELETE") ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                    : java.net.http.HttpRequest.BodyPublishers.ofString("{}")), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() < 400) {
                        continue; // a viewer may read
                    }
                    String type = answer.headers().firstValue("Content-Type").orElse("");
                    JsonNode documented = operation.getValue().path("responses").path(String.valueOf(answer.statusCode()));
                    if (!type.startsWith("application/problem+json") || !answer.body().contains("\"code\":")
                            || !documented.path("content").has("application/problem+json")) {
                        wrong.add(method + " " + path.getKey() + " answers " + answer.statusCode() + " " + type
                                + (documented.isMissingNode() ? " (not documented)" : ""));
                    }
                }
            }
        }
        assertThat(operations).as("operations in the document").isGreaterThan(40);
        assertThat(wrong).isEmpty();
    }

    @Test
    void what_an_endpoint_creates_is_documented_as_201_as_it_answers() {
        if (users.find("admin").isEmpty()) {
            users.add("admin", Role.ADMIN, PASSWORD, "setup");
        }
        HttpResponse<String> added = Http.at(port).as("admin", PASSWORD).postJson("/api/users",
                "{\"username\":\"newcomer" + System.nanoTime() + "\",\"role\":\"VIEWER\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(document.at("/paths/~1api~1users/post/responses/201/content/application~1json/schema").isMissingNode()).isFalse();
        assertThat(document.at("/paths/~1api~1users/post/responses/200").isMissingNode()).as("no 200 it never answers").isTrue();
        assertThat(document.at("/paths/~1api~1me~1tokens/post/responses/201").isMissingNode()).isFalse();
        assertThat(document.at("/paths/~1api~1mappings~1{name}/put/responses/201/content/application~1json/schema").isMissingNode())
                .isFalse();
    }

    @Test
    void downloads_are_binary_files() {
        assertThat(document.at("/paths/~1api~1export~1gl/post/responses/200/content/application~1zip/schema/format").asString())
                .isEqualTo("binary");
        assertThat(document.at("/paths/~1api~1imports~1templates~1{kind}/get/responses/200/content/text~1csv/schema/format").asString())
                .isEqualTo("binary");
        assertThat(document.at("/paths/~1api~1imports~1{kind}/post/responses/413").isMissingNode()).as("an upload can be too large").isFalse();
        assertThat(document.at("/paths/~1api~1gl~1send/post/parameters").toString()).contains("Idempotency-Key");
        assertThat(document.at("/paths/~1api~1gl~1send/post/responses/409").isMissingNode()).as("the same key while the first runs").isFalse();
    }
}
