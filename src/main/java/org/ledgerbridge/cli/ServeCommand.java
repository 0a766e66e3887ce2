package org.ledgerbridge.cli;

import org.ledgerbridge.demo.DemoLedger;
import org.ledgerbridge.users.Role;
import org.ledgerbridge.users.UserAccounts;
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
        Map<String, Object> properties = new java.util.HashMap<>(Map.of("server.port", port));
        if (cli.global.asOf != null) {
            properties.put("ledgerbridge.fixed-as-of", cli.global.asOf.toString());
        }
        LedgerRuntime ledger = LedgerRuntime.start(cli.global, true, properties);
        CommandServer commands = null;
        if ((cli.global.dbUrl == null || cli.global.dbUrl.isBlank()) && !ResidentProcess.answering(cli.global.dataDir)) {
            try {
                // the command line on this data dir runs its commands here, without a start-up of its own
                commands = CommandServer.start(cli.global.dataDir, ledger.context());
            } catch (java.io.IOException | UnsupportedOperationException e) {
                cli.output.err.println("note: commands on this data dir start processes of their own (" + e.getMessage() + ")");
            }
        }
        CommandServer passedCommands = commands;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (passedCommands != null) {
                passedCommands.close();
            }
            ledger.close();
        }, "ledgerbridge-shutdown"));
        if (demo) {
            boolean loaded = ledger.bean(DemoLedger.class).loadIfEmpty(cli.global.actor(), cli.global.businessDate());
            cli.output.err.println(loaded ? "Demo ledger loaded." : "The ledger already holds data; demo data not loaded.");
        }
        UserAccounts users = ledger.bean(UserAccounts.class);
        if (users.isEmpty() && demo) {
            // a demo login with a password made up now and shown once: there is no default password
            String password = UserAccounts.randomPassword();
            users.add("admin", Role.ADMIN, password, cli.global.actor());
            cli.output.out.println("Demo login: user admin, password " + password + "  (shown once; add your own with `user add`)");
        } else if (users.isEmpty()) {
            cli.output.out.println("No login yet: create the first one with"
                    + "  ./ledgerbridge user add NAME --role ADMIN --password-stdin");
        }
        String portInUse = ledger.context().getEnvironment().getProperty("local.server.port", String.valueOf(port));
        cli.output.out.println("LedgerBridge is running at http://localhost:" + portInUse + "/  (Ctrl-C stops it)");
        return LedgerBridgeCli.KEEP_RUNNING;
    }
}
