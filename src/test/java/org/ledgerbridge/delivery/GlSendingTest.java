package org.ledgerbridge.delivery;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchStatus;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.TrialBalanceLine;
import org.ledgerbridge.support.CheckingTools;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Send to GL exactly once: a Ledger file checked by hledger, and an HTTP GL that fails, times out and is asked. */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
@TestPropertySource(properties = "ledgerbridge.gl.http-timeout=1s")
class GlSendingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Autowired ImportService imports;
    @Autowired BatchService batches;
    @Autowired GlSending sending;
    @Autowired GlTargets glTargets;
    @Autowired LedgerReports reports;
    @Autowired org.ledgerbridge.ledger.AuditLog audit;
    @TempDir Path dir;

    private HttpServer server;
    private final Map<String, Integer> booked = new ConcurrentHashMap<>();
    private final AtomicReference<String> mode = new AtomicReference<>("ok");

    @Autowired GlIntegration integration;

    /** Every posted journal not sent, in date order. */
    private List<Long> allUnsent() {
        return integration.chunk(LocalDate.of(2000, 1, 1), LocalDate.of(2999, 12, 31), null, 100_000).stream()
                .map(GlIntegration.IdAndDate::id).toList();
    }

    @BeforeEach
    void an_imis_auto_batch_is_posted() {
        Samples.imported(imports, TODAY, "entities", "accounts", "parties");
        imports.run("imis", Samples.file("imis-export.csv"), ImportOptions.of(TODAY, "setup").withFlag("batch", "1041"));
        List<Long> ids = batches.list().stream().map(b -> b.id()).toList();
        batches.changeStatus(ids, BatchStatus.READY, "p");
        batches.post(ids, "a");
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private GlTarget ledgerTarget(String... accounts) throws IOException {
        Path file = dir.resolve("gl.journal");
        Files.writeString(file, String.join("\n", java.util.Arrays.stream(accounts).map(a -> "account " + a).toList()) + "\n");
        return ((GlTargets.TargetAdded) glTargets.addTarget("gl", GlTarget.Type.ledger, null, file.toString(), null, "admin")).target();
    }

    private static final String[] CHART = {"Assets:1050", "Assets:1900", "Income:4000", "Income:4100", "Income:4200"};

    @Autowired org.ledgerbridge.ledger.PostingService posting;

    @Test
    void a_journal_posted_into_the_range_during_a_send_of_all_is_validated_before_it_could_be_sent() throws IOException {
        GlTarget gl = ledgerTarget(CHART);
        GlIntegration.Summary range = integration.summary(LocalDate.of(2026, 1, 1), TODAY, TODAY);
        java.util.concurrent.atomic.AtomicBoolean postedLate = new java.util.concurrent.atomic.AtomicBoolean();

        GlSending.Sending result = sending.sendRange(range, gl, "approver", (done, total) -> {
            if (postedLate.compareAndSet(false, true)) { // while the first pass validates: a journal on an account the GL lacks
                long batch = batches.open(org.ledgerbridge.ledger.BatchType.ADJUSTMENT, "p").id();
                posting.post(batch, List.of(org.ledgerbridge.ledger.JournalDraft.of("PSAB", LocalDate.of(2026, 1, 2), "late", // before every journal already validated
                        org.ledgerbridge.ledger.JournalLineDraft.debit("1010", "USD", new java.math.BigDecimal("5.00")),
                        org.ledgerbridge.ledger.JournalLineDraft.credit("4000", "USD", new java.math.BigDecimal("5.00")))), "p");
                batches.changeStatus(List.of(batch), BatchStatus.READY, "p");
                batches.post(List.of(batch), "a");
            }
        });

        assertThat(result).isInstanceOfSatisfying(GlSending.SendRefused.class, refused -> {
            assertThat(refused.message()).contains("posted during the send");
            assertThat(refused.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("Assets:1010"));
        });
        assertThat(Files.readString(Path.of(gl.path()))).doesNotContain("lb-key");
    }

    @Test
    void validation_names_the_account_the_gl_does_not_have_and_nothing_is_sent() throws IOException {
        GlTarget gl = ledgerTarget("Assets:1050", "Assets:1900", "Income:4200", "Income:4100");

        List<GlSending.Problem> problems = sending.validate(allUnsent(), gl, "approver");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).hasToString("UNKNOWN_GL_ACCOUNT");
            assertThat(p.message()).contains("Income:4000");
            assertThat(p.line()).isEqualTo(1);
        });
        assertThat(sending.send(allUnsent(), gl, "approver")).isInstanceOf(GlSending.SendRefused.class);
        assertThat(Files.readString(Path.of(gl.path()))).doesNotContain("lb-key");
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void a_target_moved_outside_the_operators_gl_folder_behind_the_applications_back_sends_nothing() throws IOException {
        GlTarget gl = ledgerTarget(CHART);
        jdbc.sql("UPDATE gl_target SET path = '/etc/ledgerbridge-gl.journal' WHERE name = ?").param(gl.name()).update();
        GlTarget moved = glTargets.target(gl.name()).orElseThrow();

        assertThat(sending.send(allUnsent(), moved, "approver")).isInstanceOfSatisfying(GlSending.SendRefused.class,
                refused -> assertThat(refused.problems()).extracting(p -> p.code().name()).containsOnly("PATH_OUTSIDE_GL_DIR"));
        assertThat(Path.of("/etc/ledgerbridge-gl.journal")).doesNotExist();
        assertThat(jdbc.sql("SELECT count(*) FROM gl_delivery").query(Long.class).single()).isZero();
    }

    @Test
    void each_journal_reaches_the_ledger_file_once_and_the_file_passes_hledger_check() throws Exception {
        GlTarget gl = ledgerTarget(CHART);
        List<Long> all = allUnsent();

        assertThat(sending.send(all, gl, "approver")).isInstanceOf(GlSending.Sent.class);
        GlSending.Sending again = sending.send(all, gl, "approver");

        assertThat(again).isInstanceOfSatisfying(GlSending.Sent.class, s -> {
            assertThat(s.sent()).isEmpty();
            assertThat(s.alreadySent()).containsExactlyElementsOf(all);
        });
        String file = Files.readString(Path.of(gl.path()));
        assertThat(file.split("; lb-key: ", -1)).hasSize(all.size() + 1);
        CheckingTools.require("hledger");
        Process check = new ProcessBuilder("hledger", "-f", gl.path(), "check").inheritIO().start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0).isTrue();
        Process balance = new ProcessBuilder("hledger", "-f", gl.path(), "balance", "--flat", "--no-total", "-O", "csv").start();
        String csv = new String(balance.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        for (String account : List.of("4000", "4100", "4200")) {
            java.math.BigDecimal total = reports.trialBalance(null, false).stream().filter(l -> l.account().equals(account))
                    .map(TrialBalanceLine::balance).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            assertThat(csv).contains(":" + account + "\",\"" + total.toPlainString() + " USD\"");
        }
    }

    @Test
    void a_send_that_crashed_after_writing_the_file_is_found_in_the_file_not_written_twice() throws IOException {
        GlTarget gl = ledgerTarget(CHART);
        long first = allUnsent().get(0);
        // the previous send appended journal `first` and died before recording it
        Files.writeString(Path.of(gl.path()), "; lb-key: lb-" + first + "\n2026-11-02 * LB-" + first + "\n    Assets:1050  1 USD\n"
                + "    Income:4200  -1 USD\n\n", java.nio.file.StandardOpenOption.APPEND);

        sending.send(List.of(first), gl, "approver");

        assertThat(Files.readString(Path.of(gl.path())).split("lb-key: lb-" + first + "\n", -1)).hasSize(2);
        assertThat(allUnsent()).doesNotContain(first);
    }

    private GlTarget httpTarget() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/journals", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            int status;
            if ("GET".equals(exchange.getRequestMethod())) {
                status = booked.containsKey(path.substring("/journals/".length())) ? 200 : 404;
                body = new byte[0];
            } else if ("fail".equals(mode.get())) {
                status = 500;
                body = "GL is down".getBytes(StandardCharsets.UTF_8);
            } else {
                booked.merge(key, 1, Integer::sum); // a real GL books once per key; counting shows whether we sent twice
                if ("slow".equals(mode.get())) {
                    try {
                        Thread.sleep(2_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                status = 201;
                body = "{}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.createContext("/validate", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return ((GlTargets.TargetAdded) glTargets.addTarget("api", GlTarget.Type.http, null, null,
                "http://127.0.0.1:" + server.getAddress().getPort(), "admin")).target();
    }

    @Test
    void a_failing_gl_leaves_the_journal_uncertain_until_the_gl_is_asked_and_then_it_is_sent_once() throws IOException {
        GlTarget api = httpTarget();
        long journal = allUnsent().get(0);
        mode.set("fail");

        assertThat(sending.send(List.of(journal), api, "approver")).isInstanceOfSatisfying(GlSending.SendFailed.class,
                f -> assertThat(f.uncertain()).containsExactly(journal));
        assertThat(sending.send(List.of(journal), api, "approver")).isInstanceOfSatisfying(GlSending.SendRefused.class,
                r -> assertThat(r.code()).hasToString("UNCERTAIN"));

        assertThat(sending.reconcile(List.of(journal), api, "approver")).containsEntry(journal, "NOT_IN_GL");
        mode.set("ok");
        assertThat(sending.send(List.of(journal), api, "approver")).isInstanceOf(GlSending.Sent.class);
        assertThat(sending.send(List.of(journal), api, "approver")).isInstanceOfSatisfying(GlSending.Sent.class,
                s -> assertThat(s.sent()).isEmpty());
        assertThat(booked).containsEntry("lb-" + journal, 1);
    }

    @Test
    void a_timeout_after_the_gl_booked_the_journal_is_reconciled_as_sent_never_sent_again() throws IOException {
        GlTarget api = httpTarget();
        long journal = allUnsent().get(0);
        mode.set("slow");

        assertThat(sending.send(List.of(journal), api, "approver")).isInstanceOf(GlSending.SendFailed.class);
        assertThat(sending.reconcile(List.of(journal), api, "approver")).containsEntry(journal, "SENT");

        assertThat(sending.send(List.of(journal), api, "approver")).isInstanceOfSatisfying(GlSending.Sent.class,
                s -> assertThat(s.alreadySent()).containsExactly(journal));
        assertThat(booked).containsEntry("lb-" + journal, 1);
        assertThat(allUnsent()).doesNotContain(journal);
    }

    @Test
    void the_gls_own_codes_are_used_when_the_target_maps_them() throws IOException {
        GlTarget gl = ledgerTarget("Assets:1050", "Assets:1900", "Income:4000", "Income:4100", "Income:SALES-PUB");
        glTargets.map("gl", "ACCOUNT", "PSAB", "4200", "SALES-PUB", "admin");

        assertThat(sending.validate(allUnsent(), gl, "approver")).isEmpty();
        sending.send(allUnsent(), gl, "approver");

        assertThat(Files.readString(Path.of(gl.path()))).contains("Income:SALES-PUB").doesNotContain("Income:4200  ");
    }

    @Test
    void a_journal_in_a_period_the_gl_has_closed_is_refused_at_validation() throws IOException {
        GlTarget gl = ledgerTarget(CHART);
        glTargets.closePeriod("gl", LocalDate.of(2026, 11, 2), "admin");
        GlTarget closed = glTargets.target("gl").orElseThrow();

        assertThat(sending.validate(allUnsent(), closed, "approver")).isNotEmpty()
                .allSatisfy(p -> assertThat(p.code()).hasToString("GL_PERIOD_CLOSED"));
    }

    @Test
    void every_validation_and_send_is_in_the_journals_history() throws IOException {
        GlTarget gl = ledgerTarget(CHART);
        long journal = allUnsent().get(0);

        sending.send(List.of(journal), gl, "approver");

        assertThat(audit.history("journal:" + journal)).extracting(org.ledgerbridge.ledger.AuditLog.AuditEvent::action)
                .containsExactly("gl.validated", "gl.sent");
    }
}
