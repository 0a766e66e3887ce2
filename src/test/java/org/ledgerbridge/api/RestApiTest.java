package org.ledgerbridge.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.delivery.GlTargets;
import org.ledgerbridge.delivery.GlTarget;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchStatus;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.support.Http;
import org.ledgerbridge.support.Samples;
import org.ledgerbridge.support.WebLedgerTest;
import org.ledgerbridge.users.Role;
import org.ledgerbridge.users.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** A script's view of the product: the same users over HTTP Basic, the JSON report of CONTRACT.md, the same roles. */
@WebLedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class RestApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "a long enough password";

    @LocalServerPort int port;
    @Autowired UserAccounts users;
    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired BatchService batches;
    @Autowired GlTargets glTargets;
    @Autowired JdbcClient jdbc;
    @Autowired org.ledgerbridge.ledger.LedgerSetup setup;
    @TempDir Path dir;

    private Http preparer;
    private Http approver;
    private Http viewer;

    @BeforeEach
    void the_finance_team_and_their_open_invoices() {
        for (Role role : Role.values()) {
            users.add(role.name().toLowerCase(), role, PASSWORD, "setup");
        }
        preparer = Http.at(port).as("preparer", PASSWORD);
        approver = Http.at(port).as("approver", PASSWORD);
        viewer = Http.at(port).as("viewer", PASSWORD);
        Samples.withOpenInvoices(imports, migrationMode, migrated, LocalDate.now());
    }

    @Test
    void a_script_previews_then_commits_the_sample_payments_and_gets_the_contract_report() throws IOException {
        var preview = preparer.upload("/api/imports/payments", Map.of("file", Samples.file("payments.csv")),
                Http.fields("dryRun", "true", "allowOverpayment", "true"));
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(preview.body());
        assertThat(report.get("status").asString()).isEqualTo("valid");
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("file").asString()).isEqualTo("payments.csv");
        assertThat(journals()).isZero();

        var commit = preparer.upload("/api/imports/payments", Map.of("file", Samples.file("payments.csv")),
                Http.fields("allowOverpayment", "true"));
        assertThat(JSON.readTree(commit.body()).get("status").asString()).isEqualTo("committed");
        assertThat(journals()).isPositive();

        var again = preparer.upload("/api/imports/payments", Map.of("file", Samples.file("payments.csv")),
                Http.fields("allowOverpayment", "true"));
        assertThat(JSON.readTree(again.body()).get("status").asString()).isEqualTo("duplicate");
    }

    @Test
    void a_rejected_file_is_answered_422_with_every_error_by_row_and_column_and_nothing_is_written() throws IOException {
        var rejected = preparer.upload("/api/imports/payments", Map.of("file", Samples.file("payments.csv")), Map.of());
        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(rejected.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode report = JSON.readTree(rejected.body());
        assertThat(report.get("code").asString()).isEqualTo("FILE_REJECTED");
        assertThat(report.get("detail").asString()).endsWith("nothing was written");
        assertThat(report.get("kind").asString()).as("the import's report goes with its errors").isEqualTo("payments");
        JsonNode first = report.get("errors").get(0);
        assertThat(first.get("row").asLong()).isPositive();
        assertThat(first.get("code").asString()).isNotBlank();
        assertThat(journals()).isZero();
    }

    @Test
    void batches_are_set_ready_by_a_preparer_posted_by_an_approver_and_a_preparer_cannot_post() throws IOException {
        preparer.upload("/api/imports/payments", Map.of("file", Samples.file("payments.csv")), Http.fields("allowOverpayment", "true"));
        String ids = batchIds();
        assertThat(preparer.postJson("/api/batches/status", "{\"ids\":" + ids + ",\"status\":\"READY\"}").statusCode()).isEqualTo(200);

        var refused = preparer.postJson("/api/batches/post", "{\"ids\":" + ids + "}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(batches.list()).allMatch(b -> b.status() == BatchStatus.READY);

        var posted = approver.postJson("/api/batches/post", "{\"ids\":" + ids + "}");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(batches.list()).allMatch(b -> b.status() == BatchStatus.POSTED);

        var twice = approver.postJson("/api/batches/post", "{\"ids\":" + ids + "}");
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(twice.body()).get("code").asString()).isEqualTo("BATCH_NOT_READY");
    }

    @Test
    void a_script_applies_a_credit_and_a_posted_batch_is_reversed_by_an_approver_only() throws IOException {
        postTheSamplePayments();
        String credit = jdbc.sql("SELECT number FROM document WHERE party_id = '100235' AND doc_type = 'PREPAYMENT'").query(String.class).single();

        var refused = preparer.postJson("/api/documents/apply", "{\"credit\":\"" + credit + "\",\"invoice\":\"INV-20412\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).get("code").asString()).isEqualTo("PARTY_MISMATCH");
        var missing = preparer.postJson("/api/documents/apply", "{\"credit\":\"" + credit + "\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("invoice");
        var preview = preparer.postJson("/api/documents/apply-credits", "{\"dryRun\":true}");
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(422);
        assertThat(JSON.readTree(preview.body()).get("code").asString()).as("no credit has an invoice it may pay").isEqualTo("NOTHING_TO_APPLY");

        String posted = batchIds();
        var byPreparer = preparer.postJson("/api/batches/reverse", "{\"ids\":" + posted + ",\"reason\":\"wrong deposit\"}");
        assertThat(byPreparer.statusCode()).isEqualTo(403);
        var reversing = approver.postJson("/api/batches/reverse", "{\"ids\":" + posted + ",\"reason\":\"wrong deposit\",\"date\":\""
                + LocalDate.now() + "\"}");
        assertThat(reversing.statusCode()).as(reversing.body()).isEqualTo(200);
        long reversal = JSON.readTree(reversing.body()).get("reversalBatchId").asLong();
        assertThat(batches.find(reversal).orElseThrow().status()).isEqualTo(BatchStatus.OPEN);
        assertThat(approver.postJson("/api/batches/reverse", "{\"ids\":" + posted + "}").statusCode()).isEqualTo(400);
    }

    @Test
    void posted_journals_are_exported_as_a_zip_and_sent_to_the_gl_once() throws IOException {
        postTheSamplePayments();
        LocalDate today = LocalDate.now();
        var zip = approver.postForBytes("/api/export/gl?format=sage300&from=2026-01-01&to=" + today);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(new String(zip.body(), 0, 2)).isEqualTo("PK");

        Path folder = dir.resolve("sage-import");
        glTargets.addTarget("sage", GlTarget.Type.file, "sage300", folder.toString(), null, "admin");
        Samples.glHasTheLedgersChart(imports, setup, "sage", dir);
        var pending = JSON.readTree(viewer.get("/api/gl/pending?from=2026-01-01").body());
        List<Long> journals = StreamSupport.stream(pending.get("journals").spliterator(), false).map(j -> j.get("id").asLong()).toList();
        assertThat(journals).isNotEmpty();

        var sent = approver.postJson("/api/gl/send", "{\"target\":\"sage\",\"ids\":" + journals + "}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(JSON.readTree(sent.body()).get("sent")).hasSize(journals.size());
        try (var files = Files.list(folder)) {
            assertThat(files.count()).isPositive();
        }
        var again = approver.postJson("/api/gl/send", "{\"target\":\"sage\",\"ids\":" + journals + "}");
        assertThat(JSON.readTree(again.body()).get("sent")).isEmpty();
        assertThat(JSON.readTree(again.body()).get("alreadySent")).hasSize(journals.size());
    }

    @Test
    void lists_come_a_page_at_a_time_and_the_next_cursor_continues_where_the_page_ended() throws IOException {
        postTheSamplePayments();
        var first = JSON.readTree(viewer.get("/api/gl/pending?from=2026-01-01&limit=2").body());
        assertThat(first.get("journals")).hasSize(2);
        assertThat(first.get("journalsInRange").asLong()).isGreaterThan(2);
        var second = JSON.readTree(viewer.get("/api/gl/pending?from=2026-01-01&limit=2&cursor=" + first.get("next").asString()).body());
        assertThat(second.get("journals").get(0).get("id").asLong()).isNotEqualTo(first.get("journals").get(1).get("id").asLong());

        var documents = JSON.readTree(viewer.get("/api/documents?closed=true&limit=1").body());
        assertThat(documents.get("items")).hasSize(1);
        var more = JSON.readTree(viewer.get("/api/documents?closed=true&limit=1&cursor=" + documents.get("next").asString()).body());
        assertThat(more.get("items").get(0).get("number").asString()).isNotEqualTo(documents.get("items").get(0).get("number").asString());

        var batchList = JSON.readTree(viewer.get("/api/batches?limit=1").body());
        long batch = batchList.get("items").get(0).get("id").asLong();
        assertThat(JSON.readTree(viewer.get("/api/batches/" + batch + "/journals?limit=1").body()).get("items")).hasSize(1);
        assertThat(viewer.get("/api/batches/999999/journals").statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(viewer.get("/api/journals?limit=3").body()).get("items")).hasSize(3);
        assertThat(JSON.readTree(viewer.get("/api/imports?limit=1").body()).get("next").isString()).isTrue();
        assertThat(JSON.readTree(viewer.get("/api/audit?limit=5").body()).get("items")).hasSize(5);

        var bad = viewer.get("/api/documents?cursor=not-a-cursor");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("code").asString()).isEqualTo("INVALID_CURSOR");
    }

    @Test
    void a_script_reads_a_batch_before_posting_it_and_a_missing_batch_is_a_problem_that_names_it() throws IOException {
        assertThat(preparer.upload("/api/imports/payments", Map.of("file", Samples.file("payments.csv")),
                Http.fields("allowOverpayment", "true")).statusCode()).isEqualTo(200);
        var list = JSON.readTree(viewer.get("/api/batches?status=OPEN").body());
        long batch = list.get("items").get(0).get("id").asLong();

        var shown = viewer.get("/api/batches/" + batch + "?limit=1");

        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        var body = JSON.readTree(shown.body());
        assertThat(body.get("batch").get("status").asString()).isEqualTo("OPEN");
        assertThat(body.get("importedFrom").get("fileName").asString()).isEqualTo("payments.csv");
        assertThat(body.get("totals").size()).isGreaterThan(1);
        assertThat(body.get("history").get(0).get("event").asString()).isEqualTo("opened");
        assertThat(body.get("journals").get("items")).hasSize(1);
        var next = JSON.readTree(viewer.get("/api/batches/" + batch + "?limit=1&cursor=" + body.get("journals").get("next").asString()).body());
        assertThat(next.get("journals").get("items").get(0).get("id").asLong())
                .isGreaterThan(body.get("journals").get("items").get(0).get("id").asLong());

        var missing = viewer.get("/api/batches/999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        var problem = JSON.readTree(missing.body());
        assertThat(problem.get("code").asString()).isEqualTo("BATCH_NOT_FOUND");
        assertThat(problem.get("detail").asString()).isEqualTo("There is no batch 999999.");
        assertThat(problem.get("status").asInt()).isEqualTo(404);

        var aged = JSON.readTree(viewer.get("/api/aging?limit=2").body());
        assertThat(aged.get("module").asString()).isEqualTo("AR");
        assertThat(aged.get("parties").get("items")).hasSize(2);
        assertThat(aged.get("parties").get("next").isString()).isTrue();
        assertThat(aged.get("totals").size()).isPositive();
        var notAgeable = viewer.get("/api/aging?module=PM");
        assertThat(notAgeable.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notAgeable.body()).get("code").asString()).isEqualTo("INVALID_MODULE");
    }

    @Test
    void a_whole_range_is_sent_on_the_server_side_each_journal_once() throws IOException {
        postTheSamplePayments();
        Path folder = dir.resolve("sage-range");
        glTargets.addTarget("sage", GlTarget.Type.file, "sage300", folder.toString(), null, "admin");
        Samples.glHasTheLedgersChart(imports, setup, "sage", dir);
        long waiting = JSON.readTree(viewer.get("/api/gl/pending?from=2026-01-01").body()).get("journalsInRange").asLong();

        var sent = approver.postJson("/api/gl/send", "{\"target\":\"sage\",\"all\":true,\"from\":\"2026-01-01\"}");

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(JSON.readTree(sent.body()).get("sent").asLong()).isEqualTo(waiting).isPositive();
        assertThat(JSON.readTree(viewer.get("/api/gl/pending?from=2026-01-01").body()).get("journalsInRange").asLong()).isZero();
        var again = approver.postJson("/api/gl/send", "{\"target\":\"sage\",\"all\":true,\"from\":\"2026-01-01\"}");
        assertThat(JSON.readTree(again.body()).get("sent").asLong()).isZero();
    }

    @Test
    void a_whole_range_is_marked_as_sent_with_a_reason_and_none_is_left_waiting() throws IOException {
        postTheSamplePayments();
        long waiting = JSON.readTree(viewer.get("/api/gl/pending?from=2026-01-01").body()).get("journalsInRange").asLong();

        var refused = approver.postJson("/api/gl/mark-sent", "{\"all\":true,\"from\":\"2026-01-01\",\"reason\":\"\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        var marked = approver.postJson("/api/gl/mark-sent", "{\"all\":true,\"from\":\"2026-01-01\",\"reason\":\"keyed into Sage by hand\"}");

        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
        assertThat(JSON.readTree(marked.body()).get("journals")).hasSize((int) waiting);
        assertThat(JSON.readTree(viewer.get("/api/gl/pending?from=2026-01-01").body()).get("journalsInRange").asLong()).isZero();
    }

    @Test
    void a_viewer_reads_everything_but_changes_nothing() throws IOException {
        assertThat(viewer.get("/api/batches").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/api/documents?party=100231").body()).contains("INV-20411");
        var upload = viewer.upload("/api/imports/payments", Map.of("file", Samples.file("payments.csv")), Map.of());
        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(viewer.postJson("/api/gl/mark-sent", "{\"ids\":[1],\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/api/users").statusCode()).isEqualTo(403);
        assertThat(journals()).isZero();
    }

    @Test
    void a_wrong_password_or_no_login_gets_401() {
        assertThat(Http.at(port).as("approver", "not the password").get("/api/batches").statusCode()).isEqualTo(401);
        assertThat(Http.at(port).get("/api/batches").statusCode()).isEqualTo(401);
    }

    @Test
    void the_openapi_document_describes_the_api_and_swagger_ui_serves_it() {
        var docs = viewer.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/imports/{kind}", "/api/batches/post", "/api/gl/send", "/api/export/gl");
        assertThat(viewer.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void an_admin_adds_a_user_through_the_api_and_only_a_bcrypt_hash_is_stored() {
        Http admin = Http.at(port).as("admin", PASSWORD);
        var added = admin.postJson("/api/users", "{\"username\":\"lee\",\"role\":\"APPROVER\",\"password\":\"twelve chars long\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'lee'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("twelve");
        assertThat(Http.at(port).as("lee", "twelve chars long").get("/api/batches").statusCode()).isEqualTo(200);

        var tooShort = admin.postJson("/api/users", "{\"username\":\"kim\",\"role\":\"VIEWER\",\"password\":\"short\"}");
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("PASSWORD_TOO_SHORT");
    }

    @Test
    void a_script_drills_from_a_deposit_journal_to_its_payments_and_an_admin_sets_an_entity_to_a_journal_per_payment() throws IOException {
        var bogus = preparer.upload("/api/imports/payments", Map.of("file", Samples.file("payments.csv")),
                Http.fields("allowOverpayment", "true", "glDetail", "weekly"));
        assertThat(bogus.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(bogus.body()).get("code").asString()).isEqualTo("INVALID_VALUE");
        postTheSamplePayments();
        long deposit = jdbc.sql("SELECT journal_id FROM payment ORDER BY row_no LIMIT 1").query(Long.class).single();
        long inDeposit = jdbc.sql("SELECT count(*) FROM payment WHERE journal_id = ?").param(deposit).query(Long.class).single();

        JsonNode first = JSON.readTree(viewer.get("/api/journals/" + deposit + "/payments?limit=1").body());
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("items").get(0).get("paid")).isNotNull();
        JsonNode all = JSON.readTree(viewer.get("/api/journals/" + deposit + "/payments").body());
        assertThat(all.get("items")).hasSize((int) inDeposit);
        assertThat(JSON.readTree(viewer.get("/api/journals/" + deposit).body()).get("lines").get(0).get("payments").asLong())
                .isEqualTo(inDeposit);
        assertThat(viewer.get("/api/journals/999999/payments").statusCode()).isEqualTo(404);

        Http admin = Http.at(port).as("admin", PASSWORD);
        assertThat(JSON.readTree(admin.get("/api/settings").body()).get("paymentGlDetail").get("BMC").asString()).isEqualTo("deposit");
        var changed = admin.send(admin.request("/api/settings").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"paymentGlDetail\":{\"BMC\":\"payment\"}}")),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).get("paymentGlDetail").get("BMC").asString()).isEqualTo("payment");
        assertThat(JSON.readTree(changed.body()).get("allowPrepaymentsAndOverpayments").asBoolean()).as("left as it was").isFalse();
        var unknown = admin.send(admin.request("/api/settings").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"paymentGlDetail\":{\"NOPE\":\"payment\"}}")),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(unknown.body()).get("code").asString()).isEqualTo("UNKNOWN_ENTITY");
    }

    private void postTheSamplePayments() throws IOException {
        preparer.upload("/api/imports/payments", Map.of("file", Samples.file("payments.csv")), Http.fields("allowOverpayment", "true"));
        String ids = batchIds();
        preparer.postJson("/api/batches/status", "{\"ids\":" + ids + ",\"status\":\"READY\"}");
        approver.postJson("/api/batches/post", "{\"ids\":" + ids + "}");
    }

    private String batchIds() {
        JsonNode list = JSON.readTree(viewer.get("/api/batches").body());
        return StreamSupport.stream(list.get("items").spliterator(), false).map(b -> b.get("id").asString()).toList().toString();
    }

    private long journals() {
        return jdbc.sql("SELECT count(*) FROM journal").query(Long.class).single();
    }
}
