package org.ledgerbridge.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What `db start` leaves running: a LedgerBridge process without the web UI that uses the data
 * dir's database and runs the commands passed to it ({@link CommandServer}), until `db stop`.
 * Its pid is in {@code resident.pid}, its log in {@code resident.log}.
 */
final class ResidentProcess {

    static final String PID_FILE = "resident.pid";
    static final String LOG_FILE = "resident.log";
    static final String SUBCOMMAND = "keep-running";

    private ResidentProcess() {
    }

    /** The resident process of this data dir, when it runs. */
    static Optional<ProcessHandle> running(Path dataDir) {
        try {
            Path file = dataDir.resolve(PID_FILE);
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim())).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether a process answers on the data dir's command socket. */
    static boolean answering(Path dataDir) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(dataDir.resolve(CommandChannel.SOCKET)));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Starts it as a process of its own, with this JVM's options, and waits until it has written its pid (it answers from then on). */
    static ProcessHandle start(Path dataDir, Duration wait) throws IOException, InterruptedException {
        Path absolute = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> !option.startsWith("-agentlib:jdwp") && !option.startsWith("-XX:ArchiveClassesAtExit")
                        // a long-lived process: the optimizing compiler and the default collector, not the short commands' flags
                        && !option.startsWith("-XX:TieredStopAtLevel") && !option.equals("-XX:+UseSerialGC")).toList());
        String classPath = System.getProperty("java.class.path");
        if (String.valueOf(ResidentProcess.class.getResource("ResidentProcess.class")).startsWith("jar:nested:")) {
            command.addAll(List.of("-jar", classPath)); // the executable jar: its launcher finds the nested classes
        } else {
            command.addAll(List.of("-cp", classPath, Main.class.getName()));
        }
        command.addAll(List.of("--data-dir", absolute.toString(), "db", SUBCOMMAND));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(absolute.resolve(LOG_FILE).toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        long deadline = System.nanoTime() + wait.toNanos();
        Path pidFile = absolute.resolve(PID_FILE);
        Files.deleteIfExists(pidFile); // left by one that was killed
        while (!Files.exists(pidFile)) {
            if (!process.isAlive()) {
                throw new IOException("it ended at once (exit " + process.exitValue() + "); see " + absolute.resolve(LOG_FILE));
            }
            if (System.nanoTime() > deadline) {
                process.destroy();
                throw new IOException("it did not answer within " + wait.toSeconds() + " s; see " + absolute.resolve(LOG_FILE));
            }
            Thread.sleep(50);
        }
        return process.toHandle();
    }

    /** Ends it as Ctrl-C would (its shutdown hook closes the socket and leaves the database) and waits for it. */
    static void stop(ProcessHandle resident, Duration wait) {
        resident.destroy();
        try {
            resident.onExit().get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            resident.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
