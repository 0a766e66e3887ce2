package org.ledgerbridge.cli;

import org.ledgerbridge.storage.EmbeddedLedgerDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * `db start|stop|status`: the data dir's embedded PostgreSQL, which every LedgerBridge process on
 * that data dir shares. `db start` leaves a process running that keeps the database up and runs
 * the next commands at once, without a start-up of their own; `db stop` ends it.
 */
@Command(name = "db", description = "The embedded database of the data dir, shared by every LedgerBridge process using it.",
        subcommands = {DbCommand.Start.class, DbCommand.Stop.class, DbCommand.Status.class, DbCommand.KeepRunning.class})
final class DbCommand {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @ParentCommand
    LedgerBridgeCli cli;

    private static boolean external(LedgerBridgeCli cli) {
        if (cli.global.dbUrl != null && !cli.global.dbUrl.isBlank()) {
            cli.output.err.println("error: the ledger is in an external PostgreSQL (--db-url); its operator starts and stops it");
            return true;
        }
        return false;
    }

    @Command(name = "start", description = "Starts the embedded database (or finds it running) and a process that keeps it running"
            + " and runs the next commands on this data dir at once, until `db stop`.")
    static final class Start implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() throws IOException, InterruptedException {
            LedgerBridgeCli cli = db.cli;
            if (external(cli)) {
                return LedgerBridgeCli.USAGE;
            }
            if (ResidentProcess.running(cli.global.dataDir).isEmpty()) {
                try {
                    ResidentProcess.start(cli.global.dataDir, WAIT);
                } catch (IOException e) {
                    cli.output.err.println("error: cannot start the process that keeps the database running: " + e.getMessage());
                    return LedgerBridgeCli.EXTERNAL_FAILURE;
                }
            }
            print(cli, EmbeddedLedgerDatabase.status(cli.global.dataDir));
            return LedgerBridgeCli.DONE;
        }
    }

    @Command(name = "stop", description = "Ends what `db start` left running and stops the embedded database, or, while other"
            + " LedgerBridge processes use it (`serve`, a running command), leaves that to the last of them.")
    static final class Stop implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = db.cli;
            if (external(cli)) {
                return LedgerBridgeCli.USAGE;
            }
            Optional<ProcessHandle> resident = ResidentProcess.running(cli.global.dataDir);
            resident.ifPresent(process -> ResidentProcess.stop(process, WAIT));
            EmbeddedLedgerDatabase.Stopped stopped = EmbeddedLedgerDatabase.stop(cli.global.dataDir,
                    Duration.ofSeconds(cli.global.lockWaitSeconds));
            if (stopped == EmbeddedLedgerDatabase.Stopped.NOT_RUNNING && resident.isPresent()) {
                stopped = EmbeddedLedgerDatabase.Stopped.STOPPED; // the process `db start` left was its last user and stopped it
            }
            EmbeddedLedgerDatabase.Status status = EmbeddedLedgerDatabase.status(cli.global.dataDir);
            if (cli.global.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("status", stopped.name().toLowerCase());
                json.put("clients", clients(status));
                cli.output.json(json);
            } else {
                cli.output.out.println(switch (stopped) {
                    case STOPPED -> "stopped the database of " + cli.global.dataDir;
                    case NOT_RUNNING -> "the database of " + cli.global.dataDir + " is not running";
                    case STILL_IN_USE -> "the database of " + cli.global.dataDir + " is still in use; it stops when the last of"
                            + " these ends:";
                });
                if (stopped == EmbeddedLedgerDatabase.Stopped.STILL_IN_USE) {
                    table(cli, status);
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

    /** The process `db start` leaves running: uses the database and runs passed commands until it is told to end. */
    @Command(name = ResidentProcess.SUBCOMMAND, hidden = true)
    static final class KeepRunning implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() throws IOException, InterruptedException {
            LedgerBridgeCli cli = db.cli;
            if (external(cli)) {
                return LedgerBridgeCli.USAGE;
            }
            LedgerRuntime ledger = LedgerRuntime.start(cli.global, false, Map.of());
            CommandServer listening = null;
            try {
                listening = CommandServer.start(cli.global.dataDir, ledger.context());
            } catch (IOException | UnsupportedOperationException e) {
                // a data dir path too long for a socket (over about 100 characters): the database is kept running all the same
                System.err.println("note: commands on this data dir run in their own processes (" + e.getMessage() + ")");
            }
            CommandServer commands = listening;
            // `db start` waits for this file
            Path pidFile = cli.global.dataDir.resolve(ResidentProcess.PID_FILE);
            Path partial = Files.writeString(pidFile.resolveSibling(ResidentProcess.PID_FILE + ".part"),
                    String.valueOf(ProcessHandle.current().pid()));
            Files.move(partial, pidFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            CountDownLatch ended = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    if (commands != null) {
                        commands.close();
                    }
                    ledger.close();
                    Files.deleteIfExists(cli.global.dataDir.resolve(ResidentProcess.PID_FILE));
                } catch (IOException | RuntimeException e) {
                    System.err.println("error: " + e.getMessage());
                } finally {
                    ended.countDown();
                }
            }, "ledgerbridge-resident-shutdown"));
            System.err.println("keeping the database of " + cli.global.dataDir + " running and answering commands (pid "
                    + ProcessHandle.current().pid() + ")");
            ended.await();
            return LedgerBridgeCli.DONE;
        }
    }

    private static List<Map<String, Object>> clients(EmbeddedLedgerDatabase.Status status) {
        return status.clients().stream().map(c -> Map.<String, Object>of("pid", c.pid(), "command", c.command(),
                "since", c.since().toString())).toList();
    }

    private static void print(LedgerBridgeCli cli, EmbeddedLedgerDatabase.Status status) {
        Optional<ProcessHandle> resident = ResidentProcess.running(cli.global.dataDir);
        if (cli.global.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("running", status.server().isPresent());
            status.server().ifPresent(server -> {
                json.put("pid", server.pid());
                json.put("port", server.port());
                json.put("since", server.since().toString());
            });
            json.put("keptRunningBy", resident.map(ProcessHandle::pid).orElse(null));
            json.put("clients", clients(status));
            cli.output.json(json);
            return;
        }
        cli.output.out.println(status.server()
                .map(server -> "the database of " + cli.global.dataDir + " is running: PostgreSQL pid " + server.pid() + ", port "
                        + server.port() + ", since " + server.since())
                .orElse("the database of " + cli.global.dataDir + " is not running"));
        resident.ifPresent(p -> cli.output.out.println("kept running by `db start` (pid " + p.pid() + ")"
                + (ResidentProcess.answering(cli.global.dataDir) ? ", which also runs the commands on this data dir," : "")
                + " until `db stop`"));
        if (status.clients().isEmpty()) {
            cli.output.out.println("no LedgerBridge process uses it");
        } else {
            table(cli, status);
        }
    }

    private static void table(LedgerBridgeCli cli, EmbeddedLedgerDatabase.Status status) {
        cli.output.table(List.of("PID", "COMMAND", "SINCE"), status.clients().stream()
                .map(c -> List.of(String.valueOf(c.pid()), c.command(), c.since().toString())).toList());
    }
}
