package org.ledgerbridge.reliability;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.ledgerbridge.support.Cli;
import org.ledgerbridge.support.TestDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 in the middle of the commands that write: an import of 20,000 payments, a batch post,
 * a GL export and a GL send, each killed at points spread over its run (a separate JVM, killed
 * with SIGKILL). After each kill the ledger passes `check`, and running the same command again
 * reaches the state of a run that was never interrupted: the same open balances and account
 * totals, no journal twice, each journal in the GL file once, the export's ZIP complete.
 * The normal test run kills at 4 points; `-Dcrash.points=24` (the reliability profile) at 24.
 */
class CrashRecoveryTest {

    static final String AS_OF = "2026-11-21";
    static final int POINTS = Integer.getInteger("crash.points", 4);
    static final int PAYMENTS = 20_000;

    @org.junit.jupiter.api.io.TempDir
    static Path work;
    /** the state before each command, as a database to copy, and the state after it, as a digest */
    static final Map<String, String> before = new LinkedHashMap<>();
    static final Map<String, String> after = new LinkedHashMap<>();
    static final Map<String, Long> cleanMillis = new LinkedHashMap<>();
    static final Map<String, List<String>> commands = new LinkedHashMap<>();
    static final java.util.concurrent.atomic.AtomicInteger killed = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    static void a_ledger_run_once_without_interruption() throws Exception {
        Cli generator = Cli.onFreshLedger(AS_OF);
        for (String kind : List.of("entities", "accounts", "payment-methods")) {
            generator.run("generate", kind, "--out", work.resolve(kind + ".csv").toString());
        }
        generator.run("generate", "parties", "--rows", String.valueOf(PAYMENTS / 10), "--out", work.resolve("parties.csv").toString());
        generator.run("generate", "invoices", "--rows", String.valueOf(PAYMENTS / 2), "--out", work.resolve("invoices.csv").toString());
        generator.run("generate", "payments", "--rows", String.valueOf(PAYMENTS), "--out", work.resolve("payments.csv").toString());

        String url = TestDatabase.newDatabaseUrl();
        Cli cli = Cli.on(url, AS_OF);
        for (String kind : List.of("entities", "accounts", "payment-methods", "parties")) {
            ok(cli.run("import", kind, work.resolve(kind + ".csv").toString()));
        }
        ok(cli.run("migration-mode", "on", "--module", "AR"));
        ok(cli.run("import", "documents", work.resolve("invoices.csv").toString()));
        ok(cli.run("documents", "release", "--all"));
        ok(cli.run("migration-mode", "off", "--module", "AR"));

        stage(url, "import", List.of("import", "payments", work.resolve("payments.csv").toString(), "--allow-overpayment"));
        List<String> batchIds = ids(url, "SELECT id FROM batch WHERE status = 'OPEN' ORDER BY id");
        List<String> ready = new ArrayList<>(List.of("batch", "status"));
        ready.addAll(batchIds);
        ready.addAll(List.of("--to", "READY"));
        ok(cli.run(ready.toArray(String[]::new)));
        List<String> post = new ArrayList<>(List.of("batch", "post"));
        post.addAll(batchIds);
        stage(url, "post", post);
        stage(url, "export", List.of("export", "gl", "--from", "2025-01-01", "--to", AS_OF, "--format", "sage300",
                "--out", work.resolve("export.zip").toString()));
        Files.delete(work.resolve("export.zip"));
        ok(cli.run("gl", "target", "add", "gl", "--type", "ledger", "--path", work.resolve("gl.journal").toString()));
        Files.writeString(work.resolve("gl.journal"), ledgerChart());
        stage(url, "send", List.of("gl", "send", "--all", "--target", "gl"));
    }

    /** Keeps the state before the command (a database to copy), runs it cleanly, keeps the state after. */
    private static void stage(String url, String name, List<String> command) throws Exception {
        before.put(name, TestDatabase.copyOf(url, "crash_before_" + name));
        commands.put(name, command);
        long started = System.nanoTime();
        ok(Cli.on(url, AS_OF).run(command.toArray(String[]::new)));
        cleanMillis.put(name, (System.nanoTime() - started) / 1_000_000);
        after.put(name, digest(url));
    }

    @TestFactory
    Stream<DynamicTest> a_command_killed_at_any_point_and_run_again_ends_as_if_never_killed() {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> names = new ArrayList<>(commands.keySet());
        for (int point = 0; point < POINTS; point++) {
            String name = names.get(point % names.size());
            int round = point / names.size();
            int rounds = (POINTS + names.size() - 1) / names.size();
            // spread over start-up (about 3 s in a fresh JVM) and the command's own work
            double share = (round + 1) / (double) (rounds + 1);
            long killAfter = 1_500 + (long) ((cleanMillis.get(name) + 2_500) * share);
            int number = point;
            tests.add(DynamicTest.dynamicTest(name + " killed after " + killAfter + " ms",
                    () -> killedAndRerun(name, killAfter, share, number)));
        }
        return tests.stream();
    }

    /**
     * @param share where in the command's run the point falls; when the command ended before
     *              {@code killAfter} (a machine faster than the estimate), it is run once more on a fresh
     *              copy and killed at that share of the time the first run took
     */
    private void killedAndRerun(String name, long killAfter, double share, int point) throws Exception {
        Path gl = work.resolve("gl.journal");
        String glBefore = Files.readString(gl);
        Path zip = work.resolve("export.zip");
        String url = TestDatabase.copyOf(before.get(name), "crash_point_" + point);
        long started = System.nanoTime();
        if (!killedWithin(name, url, killAfter)) {
            long took = (System.nanoTime() - started) / 1_000_000;
            url = TestDatabase.copyOf(before.get(name), "crash_point_" + point + "_sooner");
            killedWithin(name, url, Math.max(200, (long) (took * share)));
        }

        Cli cli = Cli.on(url, AS_OF);
        Cli.Result check = cli.run("check");
        assertThat(check.exitCode()).as("check after the kill: %s", check.out() + check.err()).isZero();
        Cli.Result rerun = cli.run(commands.get(name).toArray(String[]::new));
        assertThat(rerun.exitCode()).as("the command run again: %s", rerun.out() + rerun.err()).isIn(0, 3);
        assertThat(digest(url)).as("the ledger after the kill and the rerun").isEqualTo(after.get(name));
        assertThat(cli.run("check").exitCode()).isZero();
        if (name.equals("export")) {
            assertThat(zip).as("the export's ZIP, complete").exists();
            assertThat(new String(Files.readAllBytes(zip), 0, 2)).isEqualTo("PK");
            try (var entries = new java.util.zip.ZipFile(zip.toFile())) {
                assertThat(entries.getEntry("manifest.csv")).isNotNull();
            }
        }
        if (name.equals("send")) {
            Matcher keys = Pattern.compile("; lb-key: lb-(\\d+)").matcher(Files.readString(gl));
            Set<String> seen = new HashSet<>();
            int count = 0;
            while (keys.find()) {
                count++;
                seen.add(keys.group(1));
            }
            assertThat(count).as("each journal once in the GL").isEqualTo(seen.size());
            assertThat((long) seen.size()).isEqualTo(Long.parseLong(ids(url, "SELECT count(*) FROM journal").get(0)));
            Files.writeString(gl, glBefore);
        }
    }

    /** Runs the command in a JVM of its own on {@code url} and kills it (SIGKILL) if it is still running after {@code millis}. */
    private static boolean killedWithin(String name, String url, long millis) throws Exception {
        if (name.equals("send")) {
            Files.writeString(work.resolve("gl.journal"), ledgerChart());
        }
        Files.deleteIfExists(work.resolve("export.zip"));
        Files.deleteIfExists(work.resolve("export.zip.part"));
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.ledgerbridge.cli.Main"));
        command.addAll(Cli.on(url, AS_OF).globalOptions());
        command.addAll(commands.get(name));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("killed.log").toFile()).start();
        if (process.waitFor(millis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the application
        process.waitFor();
        killed.incrementAndGet();
        return true;
    }

    @org.junit.jupiter.api.AfterAll
    static void most_points_fell_inside_a_run() {
        System.err.printf("[crash] %d kill points, %d of them while the command ran%n", POINTS, killed.get());
        assertThat(killed.get()).as("kill points that fell while the command was running").isGreaterThanOrEqualTo(POINTS / 2);
    }

    /**
     * What must be the same after a clean run and after a killed one run again: balances, counts,
     * statuses and deliveries; not ids or batch names, which sequences hand out with gaps.
     */
    static String digest(String url) throws SQLException {
        List<String> parts = new ArrayList<>();
        // a credit's number carries its import run's id (PAY-<run>-<row>): a killed run took one from the sequence
        parts.addAll(ids(url, """
                SELECT entity_code || ' ' || module || ' ' || regexp_replace(number, '^PAY-[0-9]+-', 'PAY-') || ' ' || open_balance || ' ' || status
                  FROM document ORDER BY 1"""));
        parts.addAll(ids(url, """
                SELECT l.entity_code || ' ' || l.account_code || ' ' || b.status || ' ' || sum(l.debit) || ' ' || sum(l.credit) || ' ' || count(*)
                  FROM journal_line l JOIN journal j ON j.entity_code = l.entity_code AND j.id = l.journal_id JOIN batch b ON b.id = j.batch_id
                 GROUP BY l.entity_code, l.account_code, b.status ORDER BY 1"""));
        parts.addAll(ids(url, "SELECT 'payments ' || count(*) || ' ' || coalesce(sum(amount), 0) FROM payment"));
        parts.addAll(ids(url, "SELECT 'applications ' || count(*) || ' ' || coalesce(sum(amount), 0) FROM application"));
        parts.addAll(ids(url, "SELECT 'batches ' || status || ' ' || count(*) FROM batch WHERE status <> 'VOIDED' GROUP BY status ORDER BY 1"));
        parts.addAll(ids(url, "SELECT 'exported ' || count(*) FROM journal_export"));
        parts.addAll(ids(url, "SELECT 'delivered ' || count(DISTINCT journal_id) FROM gl_delivery WHERE status IN ('SENT', 'MARKED_SENT')"));
        parts.addAll(ids(url, "SELECT 'imports ' || count(*) FROM import_run WHERE status = 'committed'"));
        return String.join("\n", parts);
    }

    private static List<String> ids(String url, String sql) throws SQLException {
        var server = TestDatabase.server();
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** The GL's chart as Ledger account directives: every account of the generated chart. */
    private static String ledgerChart() throws IOException {
        StringBuilder chart = new StringBuilder();
        for (String line : Files.readAllLines(work.resolve("accounts.csv")).subList(1, Files.readAllLines(work.resolve("accounts.csv")).size())) {
            String[] cells = line.split(",", -1);
            String top = switch (cells[3]) {
                case "ASSET" -> "Assets";
                case "LIABILITY" -> "Liabilities";
                case "EQUITY" -> "Equity";
                case "REVENUE" -> "Income";
                default -> "Expenses";
            };
            chart.append("account ").append(top).append(':').append(cells[1]).append('\n');
        }
        return chart.toString();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void ok(Cli.Result result) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    }
}
