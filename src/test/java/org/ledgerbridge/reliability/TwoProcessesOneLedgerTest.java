package org.ledgerbridge.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.storage.EmbeddedLedgerDatabase;
import org.ledgerbridge.support.Cli;
import org.ledgerbridge.support.Http;
import org.ledgerbridge.support.OtherProcess;
import org.ledgerbridge.support.Samples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finance team's server and a script's command on one embedded ledger, in two processes
 * sharing the data dir's database: the same settlement file sent by both at once is committed
 * once, batches post and export while the import runs, and every ledger invariant holds after.
 */
class TwoProcessesOneLedgerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AS_OF = "2026-11-21";
    private static final String PASSWORD = "two writers, one ledger";

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    @Test
    void a_command_line_import_runs_while_the_server_posts_and_exports_and_the_ledger_checks() throws Exception {
        Cli cli = Cli.onDataDir(dataDir, AS_OF);
        assertThat(cli.run("db", "start").exitCode()).as("the setup script keeps the database running between its commands").isZero();
        cli.owingTheSampleInvoices();
        assertThat(cli.runWithInput(PASSWORD + "\n", "user", "add", "approver", "--role", "APPROVER", "--password-stdin").exitCode()).isZero();
        assertThat(cli.run("db", "stop").out()).contains("stopped the database");

        try (OtherProcess server = OtherProcess.ledgerbridge(work.resolve("serve.log"), "--data-dir", dataDir.toString(),
                "--as-of", AS_OF, "serve", "--port", "0")) {
            String running = server.awaitLine("LedgerBridge is running at", Duration.ofSeconds(120));
            int port = Integer.parseInt(running.replaceAll(".*localhost:(\\d+).*", "$1"));
            Http approver = Http.at(port).as("approver", PASSWORD);
            assertThat(EmbeddedLedgerDatabase.status(dataDir).clients()).extracting(c -> c.command()).containsExactly("serve");

            AtomicBoolean importing = new AtomicBoolean(true);
            AtomicInteger posted = new AtomicInteger();
            CompletableFuture<Void> postingAndExporting = CompletableFuture.runAsync(() -> {
                while (importing.get()) {
                    posted.addAndGet(postWhatIsOpen(approver));
                    assertThat(approver.postForBytes("/api/export/gl?format=sage300&from=2026-01-01&to=" + AS_OF).statusCode()).isEqualTo(200);
                }
            });
            CompletableFuture<String> uploadedToTheServer = CompletableFuture.supplyAsync(() -> {
                try {
                    var answer = approver.upload("/api/imports/payments", Map.of("file", Samples.file("payments.csv")),
                            Http.fields("allowOverpayment", "true"));
                    return JSON.readTree(answer.body()).get("status").asString();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            OtherProcess script = OtherProcess.ledgerbridge(work.resolve("import.log"), "--data-dir", dataDir.toString(), "--as-of", AS_OF,
                    "--report", "json", "import", "payments", Samples.file("payments.csv").toString(), "--allow-overpayment");
            int scriptExit = script.exitCode(Duration.ofSeconds(120));
            String byTheServer = uploadedToTheServer.get();
            importing.set(false);
            postingAndExporting.get();

            assertThat(scriptExit).as(script.output()).isZero();
            assertThat(server.output()).as("the script's command ran in the server's process").contains("ran `import` for pid " + script.pid());
            String byTheScript = script.output().replaceAll("(?s).*\"status\":\"(\\w+)\".*", "$1");
            assertThat(List.of(byTheScript, byTheServer))
                    .as("the same file from both processes is committed once").containsExactlyInAnyOrder("committed", "duplicate");
            posted.addAndGet(postWhatIsOpen(approver));
            assertThat(posted.get()).isPositive();
            JsonNode batches = JSON.readTree(approver.get("/api/batches").body()).get("items");
            assertThat(StreamSupport.stream(batches.spliterator(), false).map(b -> b.get("status").asString())).containsOnly("POSTED");

            Cli.Result check = cli.run("check");
            assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
            assertThat(server.stop()).as("Ctrl-C on the server").isIn(0, 130, 143);
        }
        for (int i = 0; i < 200 && java.nio.file.Files.exists(dataDir.resolve("pg").resolve("postmaster.pid")); i++) {
            Thread.sleep(50); // the last to leave does not wait for the shutdown checkpoint
        }
        assertThat(EmbeddedLedgerDatabase.status(dataDir).server()).as("the server left last and stopped the database").isEmpty();
    }

    /** What an approver does on the batches screen: every OPEN batch set READY and posted; how many were posted. */
    private static int postWhatIsOpen(Http approver) {
        JsonNode open = JSON.readTree(approver.get("/api/batches?status=OPEN").body()).get("items");
        List<String> ids = new ArrayList<>();
        open.forEach(b -> ids.add(b.get("id").asString()));
        if (ids.isEmpty()) {
            return 0;
        }
        var ready = approver.postJson("/api/batches/status", "{\"ids\":" + ids + ",\"status\":\"READY\"}");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        var post = approver.postJson("/api/batches/post", "{\"ids\":" + ids + "}");
        assertThat(post.statusCode()).as(post.body()).isEqualTo(200);
        return ids.size();
    }
}
