package org.ledgerbridge.cli;

import org.ledgerbridge.delivery.GlIntegration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "gl", description = "GL integration (seed 001): journals not sent yet, mark as sent.",
        subcommands = {GlCommand.Pending.class, GlCommand.MarkSent.class})
final class GlCommand {

    @ParentCommand
    LedgerBridgeCli cli;

    @Command(name = "pending", description = "Posted journals not sent to the GL, the oldest one, and transactions not yet posted.")
    static final class Pending implements Callable<Integer> {
        @ParentCommand
        GlCommand parent;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "default: the oldest journal not sent")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "default: the business date")
        LocalDate to;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = parent.cli;
            return cli.withLedger(ledger -> {
                GlIntegration.Pending pending = ledger.bean(GlIntegration.class).pending(from, to, cli.global.businessDate());
                if (cli.global.json()) {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("oldestNotSent", pending.oldestNotSent());
                    json.put("unpostedTransactions", pending.unpostedTransactions());
                    json.put("from", pending.from());
                    json.put("to", pending.to());
                    json.put("journals", pending.journals());
                    cli.output.json(json);
                } else {
                    cli.output.out.println("oldest journal not sent: " + (pending.oldestNotSent() == null ? "none" : pending.oldestNotSent())
                            + "; transactions not posted: " + pending.unpostedTransactions() + "; showing " + pending.from() + " to "
                            + pending.to());
                    cli.output.table(List.of("ID", "ENTITY", "DATE", "BATCH", "DEBIT", "CREDIT", "BACKDATED"), pending.journals().stream()
                            .map(j -> List.of(String.valueOf(j.id()), j.entity(), j.date().toString(), j.batch(), j.debit().toPlainString(),
                                    j.credit().toPlainString(), j.backdated() ? "BACKDATED" : "")).toList());
                }
                return LedgerBridgeCli.DONE;
            });
        }
    }

    @Command(name = "mark-sent", description = "Marks balanced posted journals as sent (keyed into the GL by hand); audited.")
    static final class MarkSent implements Callable<Integer> {
        @ParentCommand
        GlCommand parent;

        @Parameters(paramLabel = "ID", arity = "1..*")
        List<Long> ids;

        @Option(names = "--reason", required = true)
        String reason;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = parent.cli;
            return cli.withLedger(ledger -> {
                GlIntegration.MarkSent result = ledger.bean(GlIntegration.class).markSent(ids, reason, cli.global.actor());
                if (result instanceof GlIntegration.MarkSent.Refused refused) {
                    if (cli.global.json()) {
                        cli.output.json(Map.of("status", "refused", "code", refused.code(), "journal", refused.journal(),
                                "message", refused.message()));
                    }
                    cli.output.err.println("refused: " + refused.code() + ": " + refused.message() + "; nothing marked");
                    return LedgerBridgeCli.REFUSED;
                }
                if (cli.global.json()) {
                    cli.output.json(Map.of("status", "marked-sent", "journals", ids));
                } else {
                    cli.output.out.println("marked as sent: journal(s) " + ids + " (" + reason + ")");
                }
                return LedgerBridgeCli.DONE;
            });
        }
    }
}
