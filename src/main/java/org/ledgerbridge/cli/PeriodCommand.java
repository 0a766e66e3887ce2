package org.ledgerbridge.cli;

import org.ledgerbridge.ledger.LedgerSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.LocalDate;

@Command(name = "period", description = "Closes an entity's books through a date.", subcommands = PeriodCommand.Close.class)
final class PeriodCommand {

    @ParentCommand
    LedgerBridgeCli cli;

    @Command(name = "close", description = "Refuses journals of the entity dated on or before --through.")
    static final class Close implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        PeriodCommand period;

        @Option(names = "--entity", required = true)
        String entity;

        @Option(names = "--through", required = true, paramLabel = "YYYY-MM-DD")
        LocalDate through;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = period.cli;
            return cli.withLedger(ledger -> {
                if (!ledger.bean(LedgerSetup.class).entities().containsKey(entity)) {
                    cli.output.err.println("error: no financial entity " + entity);
                    return LedgerBridgeCli.REFUSED;
                }
                ledger.bean(LedgerSetup.class).closePeriod(entity, through, cli.global.actor());
                cli.output.out.println("closed: " + entity + " through " + through);
                return LedgerBridgeCli.DONE;
            });
        }
    }
}
