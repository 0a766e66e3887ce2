package org.ledgerbridge.cli;

import org.ledgerbridge.receivables.DocumentChange;
import org.ledgerbridge.receivables.DocumentStatus;
import org.ledgerbridge.receivables.MigratedDocuments;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "documents", description = "Migrated AR/AP documents: release, edit, release retainage.",
        subcommands = {DocumentsCommand.Release.class, DocumentsCommand.Edit.class, DocumentsCommand.ReleaseRetainage.class})
final class DocumentsCommand {

    @ParentCommand
    LedgerBridgeCli cli;

    @Command(name = "release", description = "Releases BALANCED migrated documents: balances update, no GL batch.")
    static final class Release implements Callable<Integer> {
        @ParentCommand
        DocumentsCommand parent;

        @ArgGroup(multiplicity = "1")
        Which which;

        static final class Which {
            @Parameters(paramLabel = "NUMBER", arity = "1..*")
            List<String> numbers;

            @Option(names = "--all", required = true)
            boolean all;
        }

        @Override
        public Integer call() {
            return parent.report(ledger -> ledger.bean(MigratedDocuments.class).release(
                    which.all ? List.of() : which.numbers, which.all, parent.cli.global.businessDate(), parent.cli.global.actor()),
                    "released");
        }
    }

    @Command(name = "edit", description = "Edits an unreleased migrated document (due date, description, status).")
    static final class Edit implements Callable<Integer> {
        @ParentCommand
        DocumentsCommand parent;

        @Parameters(paramLabel = "NUMBER")
        String number;

        @Option(names = "--due-date", paramLabel = "YYYY-MM-DD")
        LocalDate dueDate;

        @Option(names = "--description")
        String description;

        @Option(names = "--status", paramLabel = "ON_HOLD|BALANCED")
        DocumentStatus status;

        @Override
        public Integer call() {
            return parent.report(ledger -> ledger.bean(MigratedDocuments.class).edit(number, dueDate, description, status,
                    parent.cli.global.actor()), "edited");
        }
    }

    @Command(name = "release-retainage", description = "Makes a document's retained part payable / receivable.")
    static final class ReleaseRetainage implements Callable<Integer> {
        @ParentCommand
        DocumentsCommand parent;

        @Parameters(paramLabel = "NUMBER")
        String number;

        @Override
        public Integer call() {
            return parent.report(ledger -> ledger.bean(MigratedDocuments.class).releaseRetainage(number, parent.cli.global.actor()),
                    "retainage released");
        }
    }

    private int report(Function<LedgerRuntime, DocumentChange> change, String verb) {
        return cli.withLedger(ledger -> {
            long started = System.nanoTime();
            DocumentChange result = change.apply(ledger);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (result instanceof DocumentChange.Done done) {
                if (cli.global.json()) {
                    cli.output.json(Map.of("status", "done", "changed", done.changed(), "closed", done.closed(), "onHold", done.onHold(),
                            "durationMs", millis));
                } else {
                    cli.output.out.println(verb + ": " + done.changed() + " document(s)"
                            + (done.closed() > 0 ? ", " + done.closed() + " closed (nothing left open)" : "")
                            + (done.onHold() > 0 ? "; " + done.onHold() + " ON_HOLD not released" : "")
                            + "; no journal posted");
                }
                return LedgerBridgeCli.DONE;
            }
            DocumentChange.Refused refused = (DocumentChange.Refused) result;
            cli.output.refused(cli.global.json(), refused.code(), refused.message(), "nothing changed", Map.of());
            return LedgerBridgeCli.REFUSED;
        });
    }
}
