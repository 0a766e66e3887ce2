package org.ledgerbridge.cli;

import org.ledgerbridge.imports.SyntheticFiles;
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

    @Parameters(index = "0", paramLabel = "KIND", description = "entities, accounts, parties, payment-methods, opening-balances, documents, invoices, payments, gl-transactions, imis-export")
    String kind;

    @Option(names = "--rows", defaultValue = "1000", paramLabel = "N")
    long rows;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!SyntheticFiles.KINDS.contains(kind)) {
            cli.output.err.println("error: cannot generate '" + kind + "'; one of " + String.join(", ", SyntheticFiles.KINDS));
            return LedgerBridgeCli.USAGE;
        }
        long started = System.nanoTime();
        SyntheticFiles.generate(kind, rows, seed, cli.global.businessDate(), out);
        cli.output.err.printf("generated %s: %,d rows in %s (%.1f s)%n", kind, rows, out, (System.nanoTime() - started) / 1e9);
        return LedgerBridgeCli.DONE;
    }
}
