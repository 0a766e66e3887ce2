package org.ledgerbridge.cli;

import org.ledgerbridge.storage.EmbeddedLedgerDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `db start|stop|status`: the data dir's embedded PostgreSQL, which every LedgerBridge process on
 * that data dir shares. Scripts keep it running between their commands with `db start`.
 */
@Command(name = "db", description = "The embedded database of the data dir, shared by every LedgerBridge process using it.",
        subcommands = {DbCommand.Start.class, DbCommand.Stop.class, DbCommand.Status.class})
final class DbCommand {

    @ParentCommand
    LedgerBridgeCli cli;

    private static boolean external(LedgerBridgeCli cli) {
        if (cli.global.dbUrl != null && !cli.global.dbUrl.isBlank()) {
            cli.output.err.println("error: the ledger is in an external PostgreSQL (--db-url); its operator starts and stops it");
            return true;
        }
        return false;
    }

    @Command(name = "start", description = "Starts the embedded database (or finds it running) and keeps it running after"
            + " this command, so that the next commands connect at once; `db stop` ends that.")
    static final class Start implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = db.cli;
            if (external(cli)) {
                return LedgerBridgeCli.USAGE;
            }
            EmbeddedLedgerDatabase.Status status = EmbeddedLedgerDatabase.keepRunning(cli.global.dataDir,
                    Duration.ofSeconds(cli.global.lockWaitSeconds), cli.global.actor());
            print(cli, status);
            return LedgerBridgeCli.DONE;
        }
    }

    @Command(name = "stop", description = "Stops the embedded database, or, while other LedgerBridge processes use it,"
            + " lets the last of them stop it when it ends.")
    static final class Stop implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = db.cli;
            if (external(cli)) {
                return LedgerBridgeCli.USAGE;
            }
            EmbeddedLedgerDatabase.Stopped stopped = EmbeddedLedgerDatabase.stop(cli.global.dataDir,
                    Duration.ofSeconds(cli.global.lockWaitSeconds));
            EmbeddedLedgerDatabase.Status status = EmbeddedLedgerDatabase.status(cli.global.dataDir);
            if (cli.global.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("status", stopped.name().toLowerCase());
                json.put("clients", status.clients());
                cli.output.json(json);
            } else {
                cli.output.out.println(switch (stopped) {
                    case STOPPED -> "stopped the database of " + cli.global.dataDir;
                    case NOT_RUNNING -> "the database of " + cli.global.dataDir + " is not running";
                    case STILL_IN_USE -> "the database of " + cli.global.dataDir + " is still in use; it stops when the last of"
                            + " these ends:";
                });
                if (stopped == EmbeddedLedgerDatabase.Stopped.STILL_IN_USE) {
                    clients(cli, status);
                }
            }
            return LedgerBridgeCli.DONE;
        }
    }

    @Command(name = "status", description = "Says whether the embedded database runs, on which port, and which processes use it.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = db.cli;
            if (external(cli)) {
                return LedgerBridgeCli.USAGE;
            }
            print(cli, EmbeddedLedgerDatabase.status(cli.global.dataDir));
            return LedgerBridgeCli.DONE;
        }
    }

    private static void print(LedgerBridgeCli cli, EmbeddedLedgerDatabase.Status status) {
        if (cli.global.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("running", status.server().isPresent());
            status.server().ifPresent(server -> {
                json.put("pid", server.pid());
                json.put("port", server.port());
                json.put("since", server.since().toString());
            });
            json.put("keptRunningBy", status.keptRunningBy().orElse(null));
            json.put("clients", status.clients().stream().map(c -> Map.of("pid", c.pid(), "command", c.command(),
                    "since", c.since().toString())).toList());
            cli.output.json(json);
            return;
        }
        cli.output.out.println(status.server()
                .map(server -> "the database of " + cli.global.dataDir + " is running: PostgreSQL pid " + server.pid() + ", port "
                        + server.port() + ", since " + server.since())
                .orElse("the database of " + cli.global.dataDir + " is not running"));
        status.keptRunningBy().ifPresent(by -> cli.output.out.println("kept running by `db start` (" + by + ") until `db stop`"));
        if (status.clients().isEmpty()) {
            cli.output.out.println("no LedgerBridge process uses it");
        } else {
            clients(cli, status);
        }
    }

    private static void clients(LedgerBridgeCli cli, EmbeddedLedgerDatabase.Status status) {
        cli.output.table(List.of("PID", "COMMAND", "SINCE"), status.clients().stream()
                .map(c -> List.of(String.valueOf(c.pid()), c.command(), c.since().toString())).toList());
    }
}
