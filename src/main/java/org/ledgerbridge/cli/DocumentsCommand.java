package org.ledgerbridge.cli;

import org.ledgerbridge.receivables.CreditApplications;
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

@Command(name = "documents", description = "AR/AP documents: release, edit, delete, release retainage of migrated documents; apply credits to invoices.",
        subcommands = {DocumentsCommand.Release.class, DocumentsCommand.Edit.class, DocumentsCommand.ReleaseRetainage.class,
                DocumentsCommand.Delete.class, DocumentsCommand.Apply.class, DocumentsCommand.ApplyCredits.class})
final class DocumentsCommand {

    @ParentCommand
    LedgerBridgeCli cli;

    @Command(name = "release", description = "Releases BALANCED migrated documents: balances update, no GL batch. With "
            + "--module PM --all: the migrated pro forma invoices and project transactions (project balances, revenue-line actuals).")
    static final class Release implements Callable<Integer> {
        @ParentCommand
        DocumentsCommand parent;

        @picocli.CommandLine.Option(names = "--module", paramLabel = "PM", description = "PM: project balances (with --all)")
        org.ledgerbridge.receivables.NewDocument.Module module;

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
            if (module == org.ledgerbridge.receivables.NewDocument.Module.PM) {
                if (!which.all) {
                    parent.cli.output.err.println("error: project balances are released together: documents release --module PM --all");
                    return LedgerBridgeCli.USAGE;
                }
                return parent.report(ledger -> ledger.bean(org.ledgerbridge.projects.Projects.class).release(parent.cli.global.actor()),
                        "released");
            }
            return parent.report(ledger -> ledger.bean(MigratedDocuments.class).release(
                    which.all ? List.of() : which.numbers, which.all, parent.cli.global.businessDate(), parent.cli.global.actor()),
                    "released");
        }
    }

    @Command(name = "edit", description = "Edits an unreleased migrated document with the documents import's rules: party, "
            + "dates, currency, rate, amounts, description, status. NUMBER or ENTITY/NUMBER.")
    static final class Edit implements Callable<Integer> {
        @ParentCommand
        DocumentsCommand parent;

        @Parameters(paramLabel = "NUMBER")
        String number;

        @Option(names = "--party", paramLabel = "ID")
        String party;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD")
        LocalDate date;

        @Option(names = "--currency", paramLabel = "CODE")
        String currency;

        @Option(names = "--exchange-rate", paramLabel = "RATE")
        java.math.BigDecimal exchangeRate;

        @Option(names = "--original-amount", paramLabel = "AMOUNT")
        java.math.BigDecimal originalAmount;

        @Option(names = "--open-balance", paramLabel = "AMOUNT", description = "including the retained part, as in the import")
        java.math.BigDecimal openBalance;

        @Option(names = "--due-date", paramLabel = "YYYY-MM-DD")
        LocalDate dueDate;

        @Option(names = "--description")
        String description;

        @Option(names = "--status", paramLabel = "ON_HOLD|BALANCED")
        DocumentStatus status;

        @Override
        public Integer call() {
            return parent.report(ledger -> ledger.bean(MigratedDocuments.class).edit(number, new MigratedDocuments.Edit(party, date,
                    dueDate, currency, exchangeRate, originalAmount, openBalance, description, status), parent.cli.global.actor()), "edited");
        }
    }

    @Command(name = "delete", description = "Deletes an unreleased migrated document entered by mistake (audited); its file "
            + "row imports again. NUMBER or ENTITY/NUMBER.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        DocumentsCommand parent;

        @Parameters(paramLabel = "NUMBER")
        String number;

        @Option(names = "--reason", required = true)
        String reason;

        @Override
        public Integer call() {
            return parent.report(ledger -> ledger.bean(MigratedDocuments.class).delete(number, reason, parent.cli.global.actor()),
                    "deleted");
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

    @Command(name = "apply", description = "Applies a credit (an unapplied payment, a prepayment, a credit memo) to an invoice of "
            + "the same party: its journal goes into a new OPEN batch, both open balances go down. Documents are named "
            + "ENTITY/NUMBER, or by number when only one AR document has it.")
    static final class Apply implements Callable<Integer> {
        @ParentCommand
        DocumentsCommand parent;

        @Parameters(paramLabel = "CREDIT")
        String credit;

        @Option(names = "--to", required = true, paramLabel = "INVOICE")
        String invoice;

        @Option(names = "--amount", description = "default: all the credit can pay of the invoice")
        java.math.BigDecimal amount;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "date of the application and its journal (default: the business date)")
        LocalDate date;

        @Override
        public Integer call() {
            return parent.applied(ledger -> ledger.bean(CreditApplications.class).apply(credit, invoice, amount,
                    date != null ? date : parent.cli.global.businessDate(), parent.cli.global.actor()));
        }
    }

    @Command(name = "apply-credits", description = "Applies each party's open credits, oldest first, to its open invoices: in the "
            + "credit's own entity first, oldest due date first, same currency. One new OPEN batch holds the journals.")
    static final class ApplyCredits implements Callable<Integer> {
        @ParentCommand
        DocumentsCommand parent;

        @Option(names = "--party", paramLabel = "ID")
        String party;

        @Option(names = "--entity", paramLabel = "CODE", description = "only the credits and invoices of this entity")
        String entity;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "default: the business date")
        LocalDate date;

        @Option(names = "--dry-run", description = "say what would be applied and write nothing")
        boolean dryRun;

        @Override
        public Integer call() {
            return parent.applied(ledger -> ledger.bean(CreditApplications.class).applyAll(party, entity,
                    date != null ? date : parent.cli.global.businessDate(), dryRun, parent.cli.global.actor()));
        }
    }

    private int applied(Function<LedgerRuntime, CreditApplications.Outcome> apply) {
        return cli.withLedger(ledger -> {
            CreditApplications.Outcome outcome = apply.apply(ledger);
            if (outcome instanceof CreditApplications.Outcome.Applied applied) {
                if (cli.global.json()) {
                    cli.output.json(applied);
                    return LedgerBridgeCli.DONE;
                }
                cli.output.table(List.of("PARTY", "CREDIT", "INVOICE", "AMOUNT", "DATE"), applied.applications().stream()
                        .map(a -> List.of(a.party(), a.credit(), a.invoice(), a.amount().toPlainString(), a.date().toString())).toList());
                cli.output.out.println((applied.dryRun() ? "dry run: would apply " : "applied ") + applied.applications().size()
                        + " credit(s), " + applied.total().toPlainString() + (applied.dryRun() ? "; nothing written"
                        : "; journals in OPEN batch " + applied.batchId() + " (" + applied.batchName() + ")"));
                return LedgerBridgeCli.DONE;
            }
            CreditApplications.Outcome.Refused refused = (CreditApplications.Outcome.Refused) outcome;
            cli.output.refused(cli.global.json(), refused.rule(), refused.message(), "nothing changed", Map.of());
            return LedgerBridgeCli.REFUSED;
        });
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
