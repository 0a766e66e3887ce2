package org.ledgerbridge.cli;

import org.ledgerbridge.ledger.LedgerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "setting", description = "Ledger settings that change what its rules accept (as on the Settings screen).",
        subcommands = {SettingCommand.Show.class, SettingCommand.AllowOverpayments.class, SettingCommand.PaymentGlDetailOf.class})
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
                LedgerSettings settings = ledger.bean(LedgerSettings.class);
                boolean allow = settings.allowPrepaymentsAndOverpayments();
                Map<String, String> glDetail = new java.util.LinkedHashMap<>();
                settings.paymentGlDetail().forEach((entity, detail) -> glDetail.put(entity, detail.option()));
                if (cli.global.json()) {
                    cli.output.json(Map.of(LedgerSettings.ALLOW_PREPAYMENTS_AND_OVERPAYMENTS, allow,
                            LedgerSettings.PAYMENT_GL_DETAIL, glDetail));
                } else {
                    cli.output.out.println(LedgerSettings.ALLOW_PREPAYMENTS_AND_OVERPAYMENTS + ": " + (allow ? "on" : "off"));
                    glDetail.forEach((entity, detail) -> cli.output.out.println(LedgerSettings.PAYMENT_GL_DETAIL + " " + entity + ": " + detail));
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

    @Command(name = LedgerSettings.PAYMENT_GL_DETAIL,
            description = "What an entity's payments imports post to its GL: deposit (one journal per day and deposit account, "
                    + "lines summed; the default) or payment (one journal per payment).")
    static final class PaymentGlDetailOf implements Callable<Integer> {
        @ParentCommand
        SettingCommand parent;

        @Parameters(index = "0", paramLabel = "ENTITY")
        String entity;

        @Parameters(index = "1", paramLabel = "deposit|payment")
        org.ledgerbridge.ledger.PaymentGlDetail detail;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = parent.cli;
            return cli.withLedger(ledger -> {
                if (!ledger.bean(LedgerSettings.class).setPaymentGlDetail(entity, detail, cli.global.actor())) {
                    cli.output.err.println("error: UNKNOWN_ENTITY: no financial entity '" + entity + "'");
                    return LedgerBridgeCli.REJECTED;
                }
                cli.output.out.println(LedgerSettings.PAYMENT_GL_DETAIL + " " + entity + ": " + detail.option());
                return LedgerBridgeCli.DONE;
            });
        }
    }
}
