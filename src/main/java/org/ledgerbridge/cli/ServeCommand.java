package org.ledgerbridge.cli;

import org.ledgerbridge.demo.DemoLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "serve", description = "Runs the web UI and REST API until stopped (Ctrl-C).")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    LedgerBridgeCli cli;

    @Option(names = "--port", defaultValue = "${env:LEDGERBRIDGE_PORT:-8080}", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--demo", description = "load a small sample ledger when the ledger is empty")
    boolean demo;

    @Override
    public Integer call() {
        LedgerRuntime ledger = LedgerRuntime.start(cli.global, true, Map.of("server.port", port));
        Runtime.getRuntime().addShutdownHook(new Thread(ledger::close, "ledgerbridge-shutdown"));
        if (demo) {
            boolean loaded = ledger.bean(DemoLedger.class).loadIfEmpty(cli.global.actor(), cli.global.businessDate());
            cli.output.err.println(loaded ? "Demo ledger loaded." : "The ledger already holds data; demo data not loaded.");
        }
        String portInUse = ledger.context().getEnvironment().getProperty("local.server.port", String.valueOf(port));
        cli.output.out.println("LedgerBridge is running at http://localhost:" + portInUse + "/  (Ctrl-C stops it)");
        return LedgerBridgeCli.KEEP_RUNNING;
    }
}
