package org.ledgerbridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A second JVM on this test run's classes: another LedgerBridge process, as an operator or cron would start one. */
public final class OtherProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private OtherProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** `ledgerbridge ARGS` in a process of its own, its output in {@code log}. */
    public static OtherProcess ledgerbridge(Path log, String... args) {
        List<String> all = new ArrayList<>(List.of("org.ledgerbridge.cli.Main"));
        all.addAll(List.of(args));
        return java(log, all);
    }

    /** `ledgerbridge ARGS` started from the folder {@code workingDir} with these environment variables, as a script would. */
    public static OtherProcess ledgerbridgeIn(Path workingDir, java.util.Map<String, String> environment, Path log, String... args) {
        List<String> all = new ArrayList<>(List.of("org.ledgerbridge.cli.Main"));
        all.addAll(List.of(args));
        return start(log, all, workingDir, environment);
    }

    /** A main class of this test run in a process of its own. */
    public static OtherProcess java(Path log, List<String> mainAndArgs) {
        return start(log, mainAndArgs, null, java.util.Map.of());
    }

    private static OtherProcess start(Path log, List<String> mainAndArgs, Path workingDir, java.util.Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (workingDir != null) {
                builder.directory(workingDir.toFile());
            }
            builder.environment().putAll(environment);
            // the operator's GL limits of this test run (pom.xml), for a command that sends in its own process
            builder.environment().putIfAbsent("LEDGERBRIDGE_GL_DIR", System.getProperty("ledgerbridge.gl-dir", System.getProperty("java.io.tmpdir")));
            builder.environment().putIfAbsent("LEDGERBRIDGE_GL_URLS", System.getProperty("ledgerbridge.gl-urls", ""));
            return new OtherProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of its output that starts with {@code prefix}, waiting for it; fails when the process ends first. */
    public String awaitLine(String prefix, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> line = lines().stream().filter(l -> l.startsWith(prefix)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError("the process ended (exit " + process.exitValue() + ") without saying '" + prefix + "': " + output());
            }
            sleep(100);
        }
        throw new AssertionError("no '" + prefix + "' within " + wait + ": " + output());
    }

    public int exitCode(Duration wait) {
        try {
            if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("still running after " + wait + ": " + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook, no goodbye. */
    public void kill() {
        process.destroyForcibly();
        exitCode(Duration.ofSeconds(30));
    }

    /** What Ctrl-C or a service manager does: SIGTERM, the shutdown hooks run. */
    public int stop() {
        process.destroy();
        return exitCode(Duration.ofSeconds(60));
    }

    public String output() {
        return String.join("\n", lines());
    }

    private List<String> lines() {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
