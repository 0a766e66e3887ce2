package org.ledgerbridge.cli;

import org.ledgerbridge.delivery.GlTargets;
import org.ledgerbridge.delivery.GlTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "target", description = "Where journals are delivered.",
        subcommands = {GlTargetCommand.Add.class, GlTargetCommand.ListTargets.class, GlTargetCommand.Map.class, GlTargetCommand.Close.class})
final class GlTargetCommand {
    @ParentCommand
    GlCommand parent;

    @Command(name = "add", description = "Adds a file, ledger or http target.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        GlTargetCommand target;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--type", required = true, paramLabel = "file|ledger|http")
        GlTarget.Type type;

        @Option(names = "--format", paramLabel = "F", completionCandidates = GlFormatNames.class,
                description = "of a file target: ${COMPLETION-CANDIDATES}")
        String format;

        @Option(names = "--path", paramLabel = "P", description = "a file target's folder, a ledger target's journal file: inside "
                + "the folder GL files are written under (LEDGERBRIDGE_GL_DIR, by default the data dir's gl folder); a relative path "
                + "is taken inside it")
        String path;

        @Option(names = "--url", paramLabel = "U")
        String url;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = target.parent.cli;
            return cli.withLedger(ledger -> {
                GlTargets.TargetChange change = ledger.bean(GlTargets.class).addTarget(name, type, format,
                        path, url, cli.global.actor());
                if (change instanceof GlTargets.TargetRefused refused) {
                    cli.output.err.println("refused: " + refused.code() + ": " + refused.message());
                    return LedgerBridgeCli.USAGE;
                }
                cli.output.out.println("target " + name + " added");
                return LedgerBridgeCli.DONE;
            });
        }
    }

    @Command(name = "map", description = "The GL's code for an entity (company) or an account, when it differs.")
    static final class Map implements Callable<Integer> {
        @ParentCommand
        GlTargetCommand target;

        @Parameters(paramLabel = "TARGET")
        String name;

        @Option(names = "--entity", required = true)
        String entity;

        @Option(names = "--account", description = "map this account of the entity; without it, the entity itself")
        String account;

        @Option(names = "--to", required = true, paramLabel = "GL_CODE")
        String glCode;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = target.parent.cli;
            return cli.withLedger(ledger -> {
                ledger.bean(GlTargets.class).map(name, account == null ? "ENTITY" : "ACCOUNT", entity, account == null ? entity : account,
                        glCode, cli.global.actor());
                cli.output.out.println((account == null ? "entity " + entity : "account " + account + " of " + entity) + " is "
                        + glCode + " in " + name);
                return LedgerBridgeCli.DONE;
            });
        }
    }

    @Command(name = "close", description = "The GL's books are closed through a date: validation refuses journals on or before it.")
    static final class Close implements Callable<Integer> {
        @ParentCommand
        GlTargetCommand target;

        @Parameters(paramLabel = "TARGET")
        String name;

        @Option(names = "--through", required = true, paramLabel = "YYYY-MM-DD")
        LocalDate through;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = target.parent.cli;
            return cli.withLedger(ledger -> {
                ledger.bean(GlTargets.class).closePeriod(name, through, cli.global.actor());
                cli.output.out.println(name + " closed through " + through);
                return LedgerBridgeCli.DONE;
            });
        }
    }

    @Command(name = "list", description = "The GL targets.")
    static final class ListTargets implements Callable<Integer> {
        @ParentCommand
        GlTargetCommand target;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = target.parent.cli;
            return cli.withLedger(ledger -> {
                List<GlTarget> targets = ledger.bean(GlTargets.class).targets();
                cli.output.answer(cli.global.json(), targets,
                        () -> cli.output.table(List.of("NAME", "TYPE", "FORMAT", "WHERE"), targets.stream().map(t -> List.of(t.name(), t.type().name(),
                                t.format() == null ? "" : t.format(), t.url() != null ? t.url() : t.path())).toList()));
                return LedgerBridgeCli.DONE;
            });
        }
    }
}

/** The range of --all: from the oldest journal not sent to the business date unless said. */
