package org.ledgerbridge.cli;

import org.ledgerbridge.receivables.DocumentChange;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "migration-mode", description = "The migration-mode switch of the AR, AP and PM (projects) subledgers: while it is on, migrated documents and project balances are entered and released without GL journals.",
        subcommands = {MigrationModeCommand.Status.class, MigrationModeCommand.On.class, MigrationModeCommand.Off.class})
final class MigrationModeCommand {

    @ParentCommand
    LedgerBridgeCli cli;

    @Command(name = "status", description = "Whether AR, AP and PM are in migration mode.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        MigrationModeCommand parent;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = parent.cli;
            return cli.withLedger(ledger -> {
                List<MigrationMode.Switch> switches = ledger.bean(MigrationMode.class).status();
                cli.output.answer(cli.global.json(), switches,
                        () -> switches.forEach(s -> cli.output.out.println(s.module() + ": " + (s.enabled() ? "ON" : "off")
                                + "  (changed " + s.changedAt().toLocalDate() + " by " + s.changedBy() + ")")));
                return LedgerBridgeCli.DONE;
            });
        }
    }

    abstract static class Toggle implements Callable<Integer> {
        @ParentCommand
        MigrationModeCommand parent;

        @Option(names = "--module", required = true, paramLabel = "AR|AP|PM")
        NewDocument.Module module;

        abstract boolean on();

        @Override
        public Integer call() {
            LedgerBridgeCli cli = parent.cli;
            return cli.withLedger(ledger -> {
                Optional<DocumentChange.Refused> refused = ledger.bean(MigrationMode.class).set(module, on(), cli.global.actor());
                if (refused.isPresent()) {
                    cli.output.refused(cli.global.json(), refused.get().code(), refused.get().message(), "nothing changed", Map.of());
                    return LedgerBridgeCli.REFUSED;
                }
                cli.output.out.println(module + " migration mode " + (on() ? "ON" : "off"));
                return LedgerBridgeCli.DONE;
            });
        }
    }

    @Command(name = "on", description = "Puts a subledger in migration mode.")
    static final class On extends Toggle {
        @Override
        boolean on() {
            return true;
        }
    }

    @Command(name = "off", description = "Takes a subledger out of migration mode.")
    static final class Off extends Toggle {
        @Override
        boolean on() {
            return false;
        }
    }
}
