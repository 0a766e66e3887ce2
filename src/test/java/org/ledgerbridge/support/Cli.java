package org.ledgerbridge.support;

import org.ledgerbridge.cli.LedgerBridgeCli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs `ledgerbridge ...` in this JVM against a database of the test server, capturing its output. */
public final class Cli {

    private final List<String> global;

    private Cli(List<String> global) {
        this.global = global;
    }

    /** A CLI on a fresh, empty ledger. */
    public static Cli onFreshLedger(String asOf) {
        return new Cli(List.of("--db-url", TestDatabase.newDatabaseUrl(), "--db-user", TestDatabase.user(),
                "--db-password", TestDatabase.password(), "--as-of", asOf));
    }

    /** A CLI on the given database of the test server. */
    public static Cli on(String url, String asOf) {
        return new Cli(List.of("--db-url", url, "--db-user", TestDatabase.user(), "--db-password", TestDatabase.password(), "--as-of", asOf));
    }

    /** A CLI on the embedded database of a data dir, as a user runs it. */
    public static Cli onDataDir(java.nio.file.Path dataDir, String asOf) {
        return new Cli(List.of("--data-dir", dataDir.toString(), "--as-of", asOf));
    }

    /** The sample setup imported and the sample documents migrated and released: a ledger owing its invoices. */
    public Cli owingTheSampleInvoices() {
        for (String kind : new String[]{"entities", "accounts", "parties", "payment-methods"}) {
            org.assertj.core.api.Assertions.assertThat(run("import", kind, Samples.file(kind + ".csv").toString()).exitCode()).isZero();
        }
        run("migration-mode", "on", "--module", "AR");
        run("migration-mode", "on", "--module", "AP");
        org.assertj.core.api.Assertions.assertThat(run("import", "documents", Samples.file("documents.csv").toString()).exitCode()).isZero();
        run("documents", "release", "--all");
        run("migration-mode", "off", "--module", "AR");
        return this;
    }

    /** The global options (database, business date), for a CLI started as a process of its own. */
    public List<String> globalOptions() {
        return global;
    }

    public Result run(String... args) {
        return runWithInput("", args);
    }

    /** Runs with {@code input} as standard input (a password for `--password-stdin`, say). */
    public Result runWithInput(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(global);
        all.addAll(List.of(args));
        int exit = LedgerBridgeCli.execute(all.toArray(String[]::new),
                new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public record Result(int exitCode, String out, String err) {
    }
}
