package org.ledgerbridge.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.support.Cli;
import org.ledgerbridge.support.OtherProcess;
import org.ledgerbridge.support.Samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One data dir, many LedgerBridge processes: they share its embedded PostgreSQL, started by the first, stopped by the last. */
class EmbeddedLedgerDatabaseTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @TempDir
    Path logs;

    private Cli cli() {
        return Cli.onDataDir(dataDir, "2026-11-21");
    }

    @org.junit.jupiter.api.AfterEach
    void the_server_has_stopped_before_its_folder_is_deleted() throws InterruptedException {
        if (Files.exists(dataDir.resolve("resident.pid"))) {
            cli().run("db", "stop"); // a test that failed half-way leaves no process behind
        }
        assertThat(stopped()).isTrue();
    }

    private boolean running() {
        return EmbeddedLedgerDatabase.status(dataDir).server().isPresent();
    }

    /** Whether the server stopped; the last process to leave does not wait for its shutdown checkpoint, so a moment is allowed. */
    private boolean stopped() throws InterruptedException {
        Path pidFile = dataDir.resolve("pg").resolve("postmaster.pid");
        for (int i = 0; i < 200 && (running() || Files.exists(pidFile)); i++) {
            Thread.sleep(50);
        }
        return !running() && !Files.exists(pidFile);
    }

    private static int entities(EmbeddedLedgerDatabase db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM financial_entity")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void the_ledger_survives_a_restart_in_its_data_dir_and_needs_its_password() throws Exception {
        assertThat(cli().run("import", "entities", Samples.file("entities.csv").toString()).exitCode()).isZero();
        assertThat(Files.readString(dataDir.resolve("db-password"))).hasSizeGreaterThan(20);
        assertThat(stopped()).as("the command was the only user: it stopped the server").isTrue();

        assertThat(cli().run("import", "entities", Samples.file("entities.csv").toString()).out()).contains("duplicate");

        try (EmbeddedLedgerDatabase db = EmbeddedLedgerDatabase.start(dataDir, Duration.ofSeconds(5))) {
            assertThat(entities(db)).isEqualTo(3);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 var rs = c.createStatement().executeQuery("SELECT current_setting('synchronous_commit'), current_setting('fsync')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("on");
                assertThat(rs.getString(2)).isEqualTo("on");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), "wrong password"))
                    .hasMessageContaining("password authentication failed");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 var rs = c.createStatement().executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = current_user")) {
                rs.next();
                assertThat(rs.getString(1)).as("a random password is not stretched: 16 rounds, not 4,096 at each connection")
                        .startsWith("SCRAM-SHA-256$16:");
            }
        }
    }

    @Test
    void a_command_in_another_process_connects_to_the_running_server_at_once_and_leaves_it_running() throws Exception {
        assertThat(cli().run("import", "entities", Samples.file("entities.csv").toString()).exitCode()).isZero();
        try (EmbeddedLedgerDatabase db = EmbeddedLedgerDatabase.start(dataDir, Duration.ofSeconds(5), "the test")) {
            long server = EmbeddedLedgerDatabase.status(dataDir).server().orElseThrow().pid();

            OtherProcess check = OtherProcess.ledgerbridge(logs.resolve("check.log"), "--data-dir", dataDir.toString(), "--lock-wait", "0", "check");
            assertThat(check.exitCode(WAIT)).as(check.output()).isZero();
            assertThat(check.output()).contains("ok: every ledger invariant holds").doesNotContain("waiting");

            assertThat(EmbeddedLedgerDatabase.status(dataDir).server().orElseThrow().pid()).as("the same server, still running").isEqualTo(server);
            assertThat(entities(db)).isEqualTo(3);
        }
        assertThat(stopped()).as("this process left last and stopped it").isTrue();
    }

    @Test
    void two_uses_in_one_process_share_one_server_and_the_last_to_close_stops_it() throws Exception {
        EmbeddedLedgerDatabase first = EmbeddedLedgerDatabase.start(dataDir, Duration.ofSeconds(5));
        EmbeddedLedgerDatabase second = EmbeddedLedgerDatabase.start(dataDir, Duration.ofSeconds(5));
        assertThat(second.jdbcUrl()).isEqualTo(first.jdbcUrl());
        first.close();
        first.close();
        assertThat(running()).isTrue();
        try (Connection c = DriverManager.getConnection(second.jdbcUrl(), second.user(), second.password())) {
            assertThat(c.isValid(5)).isTrue();
        }
        second.close();
        assertThat(stopped()).isTrue();
    }

    @Test
    void a_process_killed_while_others_use_the_server_takes_nothing_down_with_it() throws Exception {
        try (EmbeddedLedgerDatabase db = EmbeddedLedgerDatabase.start(dataDir, Duration.ofSeconds(5), "the test");
             OtherProcess holder = OtherProcess.java(logs.resolve("holder.log"),
                     List.of(HoldsTheLedger.class.getName(), dataDir.toString()))) {
            assertThat(holder.awaitLine("ready", WAIT)).endsWith(db.jdbcUrl());
            assertThat(EmbeddedLedgerDatabase.status(dataDir).clients()).extracting(LedgerClients.Client::pid).containsExactly(holder.pid());

            holder.kill();

            assertThat(EmbeddedLedgerDatabase.status(dataDir).clients()).as("the killed process's mark is gone").isEmpty();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
        assertThat(stopped()).isTrue();
    }

    @Test
    void the_last_user_killed_leaves_a_running_server_the_next_command_uses_and_stops() throws Exception {
        try (OtherProcess holder = OtherProcess.java(logs.resolve("holder.log"), List.of(HoldsTheLedger.class.getName(), dataDir.toString()))) {
            holder.awaitLine("ready", WAIT);
            holder.kill();
        }
        EmbeddedLedgerDatabase.Status orphaned = EmbeddedLedgerDatabase.status(dataDir);
        assertThat(orphaned.server()).as("nobody stopped it").isPresent();
        assertThat(orphaned.clients()).isEmpty();

        Cli.Result check = cli().run("check");
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(stopped()).as("the command found nobody else using it and stopped it").isTrue();
        assertThat(cli().run("check").exitCode()).as("and the next one starts it again").isZero();
    }

    @Test
    void db_start_leaves_a_process_that_keeps_the_database_running_and_runs_the_next_commands_until_db_stop() throws Exception {
        Cli.Result started = cli().run("db", "start");
        assertThat(started.exitCode()).as(started.err()).isZero();
        assertThat(started.out()).contains("is running", "kept running by `db start`", "db keep-running");
        long server = EmbeddedLedgerDatabase.status(dataDir).server().orElseThrow().pid();

        OtherProcess imported = OtherProcess.ledgerbridge(logs.resolve("import.log"), "--data-dir", dataDir.toString(),
                "import", "entities", Samples.file("entities.csv").toString());
        assertThat(imported.exitCode(WAIT)).as(imported.output()).isZero();
        OtherProcess check = OtherProcess.ledgerbridge(logs.resolve("check.log"), "--data-dir", dataDir.toString(), "check");
        assertThat(check.exitCode(WAIT)).as(check.output()).isZero();
        assertThat(check.output()).contains("ok: every ledger invariant holds");
        assertThat(Files.readString(dataDir.resolve("resident.log")))
                .as("both ran in the process `db start` left, not in their own")
                .contains("ran `import` for pid " + imported.pid() + ": exit 0", "ran `check` for pid " + check.pid() + ": exit 0");
        assertThat(EmbeddedLedgerDatabase.status(dataDir).server().orElseThrow().pid()).as("one server for all of them").isEqualTo(server);

        assertThat(cli().run("db", "stop").out()).contains("stopped the database");
        assertThat(stopped()).isTrue();
        assertThat(dataDir.resolve("resident.pid")).doesNotExist();
        assertThat(dataDir.resolve("commands.sock")).doesNotExist();
        assertThat(cli().run("db", "stop").out()).contains("is not running");
        assertThat(cli().run("db", "status").out()).contains("is not running");
    }

    @Test
    void a_killed_db_start_process_leaves_a_socket_nobody_answers_and_the_next_command_runs_in_its_own_process() throws Exception {
        assertThat(cli().run("db", "start").exitCode()).isZero();
        long resident = Long.parseLong(Files.readString(dataDir.resolve("resident.pid")).trim());
        ProcessHandle.of(resident).orElseThrow().destroyForcibly();
        ProcessHandle.of(resident).ifPresent(p -> p.onExit().join());
        assertThat(dataDir.resolve("commands.sock")).as("left behind").exists();

        OtherProcess check = OtherProcess.ledgerbridge(logs.resolve("check.log"), "--data-dir", dataDir.toString(), "check");
        assertThat(check.exitCode(WAIT)).as(check.output()).isZero();
        assertThat(Files.readString(dataDir.resolve("resident.log"))).doesNotContain("for pid " + check.pid());
        assertThat(cli().run("db", "status").out()).doesNotContain("kept running");
        assertThat(cli().run("db", "start").exitCode()).as("a new one starts over the old socket").isZero();
        assertThat(cli().run("db", "stop").out()).contains("stopped the database");
    }

    @Test
    void a_command_passed_to_the_running_process_reads_files_from_the_senders_folder_and_records_the_senders_name() throws Exception {
        assertThat(cli().run("db", "start").exitCode()).isZero();
        Path script = Files.createDirectories(logs.resolve("nightly"));
        Files.copy(Samples.file("entities.csv"), script.resolve("today.csv"));

        OtherProcess imported = OtherProcess.ledgerbridgeIn(script, java.util.Map.of("LEDGERBRIDGE_ACTOR", "nightly-import"),
                logs.resolve("import.log"), "--data-dir", dataDir.toString(), "--report", "json", "import", "entities", "today.csv");
        assertThat(imported.exitCode(WAIT)).as(imported.output()).isZero();
        assertThat(imported.output()).contains("\"status\":\"committed\"");
        assertThat(Files.readString(dataDir.resolve("resident.log"))).contains("ran `import` for pid " + imported.pid());

        try (EmbeddedLedgerDatabase db = EmbeddedLedgerDatabase.start(dataDir, Duration.ofSeconds(5));
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM audit_event WHERE actor = 'nightly-import'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the import's audit names the script, not the server").isPositive();
        }
        assertThat(cli().run("db", "stop").exitCode()).isZero();
    }

    @Test
    void db_stop_while_another_process_uses_the_server_leaves_the_stop_to_the_last_one() throws Exception {
        assertThat(cli().run("db", "start").exitCode()).isZero();
        try (OtherProcess holder = OtherProcess.java(logs.resolve("holder.log"), List.of(HoldsTheLedger.class.getName(), dataDir.toString()))) {
            holder.awaitLine("ready", WAIT);
            Cli.Result status = cli().run("db", "status");
            assertThat(status.out()).contains(String.valueOf(holder.pid()), "holds the ledger");

            Cli.Result stop = cli().run("db", "stop");
            assertThat(stop.out()).contains("still in use", String.valueOf(holder.pid()));
            assertThat(running()).isTrue();
        }
        // the holder was killed: nobody stopped the server, and nobody asks to keep it running any more
        assertThat(cli().run("check").exitCode()).isZero();
        assertThat(stopped()).isTrue();
    }

    @Test
    void db_commands_refuse_an_external_database() {
        Cli.Result status = Cli.on("jdbc:postgresql://localhost:1/none", "2026-11-21").run("db", "status");
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err()).contains("external PostgreSQL");
    }
}
