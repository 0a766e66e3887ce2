package org.ledgerbridge.cli;

import org.ledgerbridge.demo.SyntheticFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate", description = "Writes a synthetic but realistic file for demos and benchmarks (no database needed).")
final class GenerateCommand implements Callable<Integer> {

    @ParentCommand
    LedgerBridgeCli cli;

    @Parameters(index = "0", paramLabel = "KIND", description = "entities, accounts, parties, payment-methods, opening-balances, documents, invoices, payments, gl-transactions, imis-export; or ledger: a whole ledger in the data dir --out")
    String kind;

    @Option(names = "--journals", defaultValue = "1000000", paramLabel = "N",
            description = "with ledger: posted journals, a fifth of them (the last month) not sent yet (default ${DEFAULT-VALUE})")
    long journals;

    @Option(names = "--rows", defaultValue = "1000", paramLabel = "N")
    long rows;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (kind.equals("ledger")) {
            return ledger();
        }
        if (!SyntheticFiles.KINDS.contains(kind)) {
            cli.output.err.println("error: cannot generate '" + kind + "'; one of " + String.join(", ", SyntheticFiles.KINDS));
            return LedgerBridgeCli.USAGE;
        }
        long started = System.nanoTime();
        SyntheticFiles.generate(kind, rows, seed, cli.global.businessDate(), out);
        cli.output.err.printf("generated %s: %,d rows in %s (%.1f s)%n", kind, rows, out, (System.nanoTime() - started) / 1e9);
        return LedgerBridgeCli.DONE;
    }

    /** `generate ledger --journals N --out DIR`: a ledger at volume in the data dir DIR (or the --db-url database). */
    private int ledger() {
        if (cli.global.dbUrl == null || cli.global.dbUrl.isBlank()) {
            cli.global.dataDir = out;
        }
        long started = System.nanoTime();
        return cli.withLedger(ledger -> {
            if (!ledger.bean(org.ledgerbridge.ledger.LedgerSetup.class).isEmpty()) {
                cli.output.err.println("error: " + out + " already holds a ledger; generate into a new folder");
                return LedgerBridgeCli.USAGE;
            }
            Path files = (cli.global.dbUrl == null || cli.global.dbUrl.isBlank() ? out : Path.of(".")).resolve("files");
            try {
                var built = ledger.bean(org.ledgerbridge.demo.VolumeLedger.class).build(journals, cli.global.businessDate(), files,
                        cli.global.actor(), step -> cli.output.err.printf("%5.0f s  %s%n", (System.nanoTime() - started) / 1e9, step));
                try (var generated = java.nio.file.Files.list(files)) {
                    for (Path file : generated.filter(f -> f.toString().endsWith(".csv")).toList()) {
                        java.nio.file.Files.delete(file);
                    }
                }
                cli.output.err.printf("generated ledger: %,d documents, %,d posted journals (%,d marked as sent, %,d sent, %,d waiting) in %s (%.0f s)%n",
                        built.documents(), built.journals(), built.markedSent(), built.sent(), built.waiting(), out,
                        (System.nanoTime() - started) / 1e9);
                if (cli.global.json()) {
                    cli.output.json(java.util.Map.of("status", "done", "ledger", built));
                }
                return LedgerBridgeCli.DONE;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
