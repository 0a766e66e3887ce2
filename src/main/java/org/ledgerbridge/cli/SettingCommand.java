package org.ledgerbridge.cli;

import org.ledgerbridge.ledger.LedgerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "setting", description = "Ledger settings that change what its rules accept (as on the Settings screen).",
        subcommands = {SettingCommand.Show.class, SettingCommand.AllowOverpayments.class})
final class SettingCommand {

    @ParentCommand
    LedgerBridgeCli cli;

    @Command(name = "show", description = "Every setting and its value.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        SettingCommand parent;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = parent.cli;
            return cli.withLedger(ledger -> {
                boolean allow = ledger.bean(LedgerSettings.class).allowPrepaymentsAndOverpayments();
                if (cli.global.json()) {
                    cli.output.json(Map.of(LedgerSettings.ALLOW_PREPAYMENTS_AND_OVERPAYMENTS, allow));
                } else {
                    cli.output.out.println(LedgerSettings.ALLOW_PREPAYMENTS_AND_OVERPAYMENTS + ": " + (allow ? "on" : "off"));
                }
                return LedgerBridgeCli.DONE;
            });
        }
    }

    @Command(name = LedgerSettings.ALLOW_PREPAYMENTS_AND_OVERPAYMENTS,
            description = "on: payments imports keep what a payment leaves over as a credit (a prepayment, an overpayment); "
                    + "off: such a row is rejected.")
    static final class AllowOverpayments implements Callable<Integer> {
        @ParentCommand
        SettingCommand parent;

        @Parameters(paramLabel = "on|off")
        Switch value;

        enum Switch { on, off }

        @Override
        public Integer call() {
            LedgerBridgeCli cli = parent.cli;
            return cli.withLedger(ledger -> {
                ledger.bean(LedgerSettings.class).setAllowPrepaymentsAndOverpayments(value == Switch.on, cli.global.actor());
                cli.output.out.println(LedgerSettings.ALLOW_PREPAYMENTS_AND_OVERPAYMENTS + ": " + value);
                return LedgerBridgeCli.DONE;
            });
        }
    }
}
