package org.ledgerbridge.storage;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The embedded cluster's server process, driven with PostgreSQL's own {@code pg_ctl}: the server
 * runs detached (its own session), so it outlives the process that started it and keeps serving
 * the others; {@code postmaster.pid} in the cluster says whether it runs and on which port.
 */
public final class PostgresServer {

    /** A server running on the cluster: its process, port and start time, from {@code postmaster.pid}. */
    public record Running(long pid, int port, Instant since) {
    }

    private static final long LOG_KEPT_BYTES = 10L << 20;
    private static final boolean AS_ROOT = runsAsRoot();

    private PostgresServer() {
    }

    /** The server running on this cluster and accepting connections, if any; a pid file left by another cluster is removed. */
    static Optional<Running> running(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        } catch (java.nio.file.NoSuchFileException none) {
            return Optional.empty();
        }
        if (lines.size() < 8) {
            return Optional.empty(); // starting: the file is written in steps
        }
        if (!Path.of(lines.get(1).trim()).equals(cluster.toAbsolutePath().normalize())) {
            Files.deleteIfExists(pidFile); // copied with the data dir from a running ledger: not this cluster's server
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).trim());
        if (!postmasterAlive(pid) || !lines.get(7).trim().equals("ready")) {
            return Optional.empty();
        }
        return Optional.of(new Running(pid, Integer.parseInt(lines.get(3).trim()), Instant.ofEpochSecond(Long.parseLong(lines.get(2).trim()))));
    }

    /** Whether the process of a pid file still runs and is a PostgreSQL server (not a process that took its pid since). */
    private static boolean postmasterAlive(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true)).isPresent();
    }

    static void initdb(Path bin, Path cluster) {
        run(List.of(bin.resolve("initdb").toString(), "-A", "trust", "-U", EmbeddedLedgerDatabase.USER,
                "-D", cluster.toString(), "-E", "UTF-8"), cluster.resolveSibling("postgres.log"));
    }

    /** Starts the server on a free loopback port with these settings and waits until it accepts connections. */
    static Running start(Path bin, Path cluster, Map<String, String> settings) throws IOException {
        Path log = cluster.resolveSibling("postgres.log");
        if (Files.exists(log) && Files.size(log) > LOG_KEPT_BYTES) {
            Files.move(log, log.resolveSibling("postgres.log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        IllegalStateException failed = null;
        for (int attempt = 0; attempt < 3; attempt++) { // another program may take the free port first
            int port = freePort();
            StringBuilder options = new StringBuilder("-p " + port);
            new LinkedHashMap<>(settings).forEach((key, value) -> options.append(" -c ").append(key).append('=').append(value));
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "start", "-w", "-t", "60", "-D", cluster.toString(),
                        "-l", log.toString(), "-o", options.toString()), log);
                return running(cluster).orElseThrow(() -> new IllegalStateException("PostgreSQL started but is not ready"));
            } catch (IllegalStateException e) {
                failed = e;
            }
        }
        throw failed;
    }

    /**
     * Fast shutdown: open transactions roll back, the server checkpoints and exits. Without
     * {@code wait} the caller goes on at once: every commit is already durable, and a start that
     * finds the server still stopping waits for it ({@link #awaitStopped}).
     */
    static void stop(Path bin, Path cluster, boolean wait) {
        run(List.of(bin.resolve("pg_ctl").toString(), "stop", wait ? "-w" : "-W", "-t", "60", "-m", "fast", "-D", cluster.toString()),
                cluster.resolveSibling("postgres.log"));
    }

    /** Waits until a server of this cluster that is stopping (or starting without us) has exited. */
    static void awaitStopped(Path cluster, java.time.Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<String> lines;
            try {
                lines = Files.readAllLines(cluster.resolve("postmaster.pid"), StandardCharsets.US_ASCII);
            } catch (java.nio.file.NoSuchFileException none) {
                return;
            }
            if (lines.isEmpty() || !postmasterAlive(Long.parseLong(lines.get(0).trim()))) {
                return; // a pid file left by a server that is gone: PostgreSQL itself replaces it
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the PostgreSQL of " + cluster + " (pid " + lines.get(0).trim() + ") neither serves nor stops");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for PostgreSQL to stop", e);
            }
        }
    }

    private static void run(List<String> command, Path log) {
        List<String> line = new ArrayList<>();
        if (AS_ROOT) {
            // PostgreSQL's programs refuse to run as root: as zonky does, run them in a user namespace of their own
            line.addAll(List.of("unshare", "-U"));
        }
        line.addAll(command);
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " " + command.get(1) + " failed: "
                        + output.strip() + logTail(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }

    private static String logTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static boolean runsAsRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError | RuntimeException notUnix) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
