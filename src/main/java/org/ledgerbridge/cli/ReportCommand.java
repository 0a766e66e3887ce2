package org.ledgerbridge.cli;

import org.ledgerbridge.ledger.JournalView;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.TrialBalanceLine;
import org.ledgerbridge.receivables.OpenItem;
import org.ledgerbridge.receivables.OpenItems;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "report", description = "Reads the ledger.",
        subcommands = {ReportCommand.TrialBalance.class, ReportCommand.Journals.class, ReportCommand.OpenItemsReport.class,
                ReportCommand.ReconciliationReport.class})
final class ReportCommand {

    @ParentCommand
    LedgerBridgeCli cli;

    @Command(name = "trial-balance", description = "Debit, credit and balance per entity and account (posted batches).")
    static final class TrialBalance implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Option(names = "--entity")
        String entity;

        @Option(names = "--include-unposted", description = "add journals of OPEN and READY batches")
        boolean includeUnposted;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = report.cli;
            return cli.withLedger(ledger -> {
                List<TrialBalanceLine> lines = ledger.bean(LedgerReports.class).trialBalance(entity, includeUnposted);
                if (cli.global.json()) {
                    cli.output.json(lines);
                } else {
                    cli.output.table(List.of("ENTITY", "ACCOUNT", "DEBIT", "CREDIT", "BALANCE"), lines.stream()
                            .map(l -> List.of(l.entity(), l.account(), l.debit().toPlainString(), l.credit().toPlainString(),
                                    l.balance().toPlainString())).toList());
                }
                return LedgerBridgeCli.DONE;
            });
        }
    }

    @Command(name = "journals", description = "Journals with their lines, entity by entity, by date.")
    static final class Journals implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD")
        LocalDate to;

        @Option(names = "--entity")
        String entity;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = report.cli;
            return cli.withLedger(ledger -> {
                LedgerReports reports = ledger.bean(LedgerReports.class);
                // read and written a page at a time: a million journals never sit in memory
                Iterable<JournalView> journals = org.ledgerbridge.ledger.Page.each(cursor -> reports.journals(from, to, entity, cursor,
                        org.ledgerbridge.ledger.Page.MAX_LIMIT));
                if (cli.global.json()) {
                    cli.output.jsonArray(journals);
                } else {
                    for (JournalView j : journals) {
                        cli.output.out.println("journal " + j.id() + "  " + j.entity() + "  " + j.date() + "  batch " + j.batch()
                                + " (" + j.status() + ")  " + j.source());
                        cli.output.table(List.of("  ACCOUNT", "DEBIT", "CREDIT", "PARTY", "DOCUMENT", "DESCRIPTION"),
                                j.lines().stream().map(l -> java.util.Arrays.asList("  " + l.account(), l.debit().toPlainString(),
                                        l.credit().toPlainString(), l.partyId(), l.documentNumber(), l.description())).toList());
                    }
                }
                return LedgerBridgeCli.DONE;
            });
        }
    }

    @Command(name = "open-items", description = "AR and AP documents that are not closed.")
    static final class OpenItemsReport implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Option(names = "--party")
        String party;

        @Option(names = "--all", description = "include closed documents")
        boolean all;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = report.cli;
            return cli.withLedger(ledger -> {
                OpenItems openItems = ledger.bean(OpenItems.class);
                OpenItems.Filter filter = new OpenItems.Filter(null, party, null, all);
                // read and written a page at a time, as the documents screen reads them
                Iterable<OpenItem> items = org.ledgerbridge.ledger.Page.each(cursor -> openItems.page(filter, cursor, org.ledgerbridge.ledger.Page.MAX_LIMIT));
                if (cli.global.json()) {
                    cli.output.jsonArray(items);
                } else {
                    cli.output.tableStream(List.of("ENTITY", "MODULE", "TYPE", "NUMBER", "PARTY", "DATE", "DUE", "CURRENCY", "ORIGINAL",
                                    "OPEN", "STATUS", "BATCH"),
                            java.util.stream.StreamSupport.stream(items.spliterator(), false).map(i -> List.of(i.entity(), i.module(), i.type(), i.number(), i.partyId(),
                                    String.valueOf(i.date()), i.dueDate() == null ? "" : i.dueDate().toString(), i.currency(),
                                    i.originalAmount().toPlainString(), i.openBalance().toPlainString(), i.status(),
                                    i.batch() == null ? "" : i.batch())));
                }
                return LedgerBridgeCli.DONE;
            });
        }
    }

    @Command(name = "reconciliation", description = "AR/AP subledger open balances (invoices less credits) against the GL: AR control plus unapplied credits, AP control.")
    static final class ReconciliationReport implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Option(names = "--entity")
        String entity;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = report.cli;
            return cli.withLedger(ledger -> {
                var lines = ledger.bean(org.ledgerbridge.receivables.Reconciliation.class).run(entity);
                if (cli.global.json()) {
                    cli.output.json(lines);
                } else {
                    cli.output.table(List.of("ENTITY", "MODULE", "SUBLEDGER", "CONTROL", "GL", "DIFFERENCE", "UNRELEASED"),
                            lines.stream().map(l -> List.of(l.entity(), l.module(), l.subledger().toPlainString(),
                                    l.glAccounts(), l.gl().toPlainString(),
                                    l.difference().toPlainString(), String.valueOf(l.unreleased()))).toList());
                }
                return LedgerBridgeCli.DONE;
            });
        }
    }
}
