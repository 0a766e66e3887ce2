package org.ledgerbridge.cli;

import org.ledgerbridge.delivery.GlIntegration;
import org.ledgerbridge.delivery.GlSending;
import org.ledgerbridge.delivery.GlTargets;
import org.ledgerbridge.delivery.GlTarget;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "gl", description = "GL integration: journals not sent yet, validate and send them, mark as sent.",
        subcommands = {GlCommand.Pending.class, GlCommand.MarkSent.class, GlTargetCommand.class, GlCommand.Validate.class,
                GlCommand.Send.class, GlCommand.Reconcile.class, GlCommand.History.class})
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
                GlIntegration integration = ledger.bean(GlIntegration.class);
                GlIntegration.Summary summary = integration.summary(from, to, cli.global.businessDate());
                // the journals are read a page at a time and written as they come: memory stays flat at any size
                if (cli.global.json()) {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("oldestNotSent", summary.oldestNotSent());
                    json.put("unpostedTransactions", summary.unpostedTransactions());
                    json.put("from", summary.from());
                    json.put("to", summary.to());
                    json.put("journalsInRange", summary.journals());
                    json.put("entities", summary.entities());
                    try (var journals = cli.output.jsonStream(json, "journals")) {
                        integration.eachJournal(summary.from(), summary.to(), journals::item);
                    }
                } else {
                    cli.output.out.println("oldest journal not sent: " + (summary.oldestNotSent() == null ? "none" : summary.oldestNotSent())
                            + "; transactions not posted: " + summary.unpostedTransactions() + "; " + summary.journals()
                            + " journal(s) waiting from " + summary.from() + " to " + summary.to());
                    summary.entities().forEach(e -> cli.output.out.println("  " + e.entity() + ": " + e.journals() + " journal(s), debit "
                            + e.debit().toPlainString() + ", credit " + e.credit().toPlainString() + " " + e.currency()));
                    try (var table = cli.output.table(List.of("ID", "NUMBER", "ENTITY", "DATE", "BATCH", "DEBIT", "CREDIT",
                            "BACKDATED"))) {
                        integration.eachJournal(summary.from(), summary.to(), j -> table.row(List.of(String.valueOf(j.id()), j.label(), j.entity(),
                                j.date().toString(), j.batch(), j.debit().toPlainString(), j.credit().toPlainString(),
                                j.backdated() ? "BACKDATED" : "")));
                    }
                }
                return LedgerBridgeCli.DONE;
            });
        }
    }

    @Command(name = "mark-sent", description = "Marks balanced posted journals as sent (keyed into the GL by hand); audited.")
    static final class MarkSent implements Callable<Integer> {
        @ParentCommand
        GlCommand parent;

        @ArgGroup(multiplicity = "1")
        Which which;

        @picocli.CommandLine.Mixin
        Range range;

        @Option(names = "--reason", required = true)
        String reason;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = parent.cli;
            return cli.withLedger(ledger -> {
                GlIntegration integration = ledger.bean(GlIntegration.class);
                GlIntegration.MarkSent result;
                if (which.all) {
                    GlIntegration.Summary all = range.of(integration, cli.global.businessDate());
                    result = integration.markSentRange(all.from(), all.to(), reason, cli.global.actor());
                } else {
                    result = integration.markSent(which.ids, reason, cli.global.actor());
                }
                if (result instanceof GlIntegration.MarkSent.Refused refused) {
                    cli.output.refused(cli.global.json(), refused.code(), refused.message(), "nothing marked",
                            Map.of("journal", refused.journal()));
                    return LedgerBridgeCli.REFUSED;
                }
                List<Long> ids = ((GlIntegration.MarkSent.Marked) result).journals();
                cli.output.answer(cli.global.json(), Map.of("status", "marked-sent", "journals", ids),
                        () -> cli.output.out.println("marked as sent: " + (which.all ? ids.size() + " journal(s)" : "journal(s) " + ids)
                                + " (" + reason + ")"));
                return LedgerBridgeCli.DONE;
            });
        }
    }

    @Command(name = "history", description = "A journal's history: validations, sends, marks, reconciliations (who, when, what).")
    static final class History implements Callable<Integer> {
        @ParentCommand
        GlCommand parent;

        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = parent.cli;
            return cli.withLedger(ledger -> {
                var events = ledger.bean(org.ledgerbridge.ledger.AuditLog.class).history("journal:" + id);
                cli.output.answer(cli.global.json(), events,
                        () -> cli.output.table(List.of("AT", "WHO", "WHAT", "DETAILS"), events.stream().map(e -> List.of(e.at().toString(), e.actor(),
                                e.action(), e.details())).toList()));
                return LedgerBridgeCli.DONE;
            });
        }
    }

    static final class Range {
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "with --all: default the oldest journal not sent")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "with --all: default the business date")
        LocalDate to;

        GlIntegration.Summary of(GlIntegration integration, LocalDate businessDate) {
            return integration.summary(from, to, businessDate);
        }
    }

    /** Journal ids, or --all for every posted journal not sent. */
    static final class Which {
        @Parameters(paramLabel = "ID", arity = "1..*")
        List<Long> ids;

        @Option(names = "--all", required = true)
        boolean all;
    }

    abstract static class WithTarget implements Callable<Integer> {
        @ParentCommand
        GlCommand parent;

        @ArgGroup(multiplicity = "1")
        Which which;

        @Option(names = "--target", paramLabel = "T", description = "the target (may be left out when there is only one)")
        String targetName;

        @picocli.CommandLine.Mixin
        Range range;

        abstract int run(LedgerBridgeCli cli, GlSending sending, List<Long> ids, GlTarget target);

        /** --all: the journals of the range (validate and send work on it chunk by chunk instead). */
        int runRange(LedgerBridgeCli cli, GlIntegration integration, GlSending sending, GlIntegration.Summary range, GlTarget target) {
            List<Long> ids = new java.util.ArrayList<>();
            GlIntegration.IdAndDate after = null;
            for (var chunk = integration.chunk(range.from(), range.to(), null, 5_000); !chunk.isEmpty();
                 chunk = integration.chunk(range.from(), range.to(), after, 5_000)) {
                chunk.forEach(j -> ids.add(j.id()));
                after = chunk.get(chunk.size() - 1);
            }
            return run(cli, sending, ids, target);
        }

        static GlSending.Progress bar(LedgerBridgeCli cli, String label) {
            ProgressBar bar = new ProgressBar(cli.output, label);
            return (done, total) -> bar.progress(done, done, total);
        }

        @Override
        public Integer call() {
            LedgerBridgeCli cli = parent.cli;
            return cli.withLedger(ledger -> {
                GlSending sending = ledger.bean(GlSending.class);
                GlTargets glTargets = ledger.bean(GlTargets.class);
                List<GlTarget> targets = glTargets.targets();
                GlTarget target = targetName != null ? glTargets.target(targetName).orElse(null) : targets.size() == 1 ? targets.get(0) : null;
                if (target == null) {
                    cli.output.err.println("error: say which target with --target; targets: "
                            + String.join(", ", targets.stream().map(GlTarget::name).toList()));
                    return LedgerBridgeCli.USAGE;
                }
                if (which.all) {
                    GlIntegration integration = ledger.bean(GlIntegration.class);
                    return runRange(cli, integration, sending, range.of(integration, cli.global.businessDate()), target);
                }
                return run(cli, sending, which.ids, target);
            });
        }
    }

    @Command(name = "validate", description = "Asks the target whether it would accept each journal; sends nothing. Exit 3 when one would be refused.")
    static final class Validate extends WithTarget {
        @Override
        int runRange(LedgerBridgeCli cli, GlIntegration integration, GlSending sending, GlIntegration.Summary range, GlTarget target) {
            GlSending.Progress progress = bar(cli, "validating");
            List<GlSending.Problem> problems = sending.validateRange(range, target, cli.global.actor(), progress);
            progress.journals(range.journals(), range.journals());
            return answer(cli, range.journals(), problems, target);
        }

        @Override
        int run(LedgerBridgeCli cli, GlSending sending, List<Long> ids, GlTarget target) {
            return answer(cli, ids.size(), sending.validate(ids, target, cli.global.actor()), target);
        }

        private static int answer(LedgerBridgeCli cli, long journals, List<GlSending.Problem> problems, GlTarget target) {
            if (cli.global.json()) {
                cli.output.json(Map.of("valid", problems.isEmpty(), "journals", journals, "problems", problems));
            } else if (problems.isEmpty()) {
                cli.output.out.println("valid: " + journals + " journal(s) would be accepted by " + target.name());
            } else {
                problems.forEach(p -> cli.output.out.println("journal " + p.journal() + (p.line() > 0 ? " line " + p.line() : "") + "  "
                        + p.code() + ": " + p.message()));
            }
            return problems.isEmpty() ? LedgerBridgeCli.DONE : LedgerBridgeCli.REFUSED;
        }
    }

    @Command(name = "send", description = "Validates, then sends each journal exactly once. Exit 4 when the target fails.")
    static final class Send extends WithTarget {
        @Override
        int runRange(LedgerBridgeCli cli, GlIntegration integration, GlSending sending, GlIntegration.Summary range, GlTarget target) {
            GlSending.Progress progress = bar(cli, "sending");
            GlSending.Sending result = sending.sendRange(range, target, cli.global.actor(), progress);
            return answer(cli, result, target);
        }

        @Override
        int run(LedgerBridgeCli cli, GlSending sending, List<Long> ids, GlTarget target) {
            return answer(cli, sending.send(ids, target, cli.global.actor()), target);
        }

        private static int answer(LedgerBridgeCli cli, GlSending.Sending result, GlTarget target) {
            if (cli.global.json()) {
                cli.output.json(result instanceof GlSending.RangeSent range
                        ? Map.of("status", "done", "sent", range.sent()) : result);
            }
            if (result instanceof GlSending.RangeSent range) {
                if (!cli.global.json()) {
                    cli.output.out.println("sent " + range.sent() + " journal(s) to " + target.name());
                }
                return LedgerBridgeCli.DONE;
            }
            if (result instanceof GlSending.Sent sent) {
                if (!cli.global.json()) {
                    cli.output.out.println("sent " + sent.sent().size() + " journal(s) to " + target.name()
                            + (sent.alreadySent().isEmpty() ? "" : "; " + sent.alreadySent().size() + " had been sent before: nothing done for them"));
                }
                return LedgerBridgeCli.DONE;
            }
            if (result instanceof GlSending.SendRefused refused) {
                cli.output.err.println("refused: " + refused.code() + ": " + refused.message());
                refused.problems().forEach(p -> cli.output.err.println("  journal " + p.journal() + (p.line() > 0 ? " line " + p.line() : "")
                        + "  " + p.code() + ": " + p.message()));
                return LedgerBridgeCli.REFUSED;
            }
            GlSending.SendFailed failed = (GlSending.SendFailed) result;
            cli.output.err.println("failed: " + failed.message() + "; sent " + failed.sent() + ", uncertain " + failed.uncertain()
                    + " (reconcile them with `gl reconcile`)");
            return LedgerBridgeCli.EXTERNAL_FAILURE;
        }
    }

    @Command(name = "reconcile", description = "Asks the target whether it has journals whose send was uncertain.")
    static final class Reconcile extends WithTarget {
        @Override
        int run(LedgerBridgeCli cli, GlSending sending, List<Long> ids, GlTarget target) {
            Map<Long, String> outcome = sending.reconcile(ids, target, cli.global.actor());
            cli.output.answer(cli.global.json(), outcome,
                    () -> outcome.forEach((id, state) -> cli.output.out.println("journal " + id + ": " + state)));
            return outcome.containsValue("UNCERTAIN") ? LedgerBridgeCli.EXTERNAL_FAILURE : LedgerBridgeCli.DONE;
        }
    }
}
