package org.ledgerbridge.cli;

import org.ledgerbridge.ledger.JournalView;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.TrialBalanceLine;
import org.ledgerbridge.payments.DepositPayments;
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
                ReportCommand.ReconciliationReport.class, ReportCommand.AgingReport.class, ReportCommand.ProjectsReport.class})
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
                cli.output.answer(cli.global.json(), lines,
                        () -> cli.output.table(List.of("ENTITY", "ACCOUNT", "DEBIT", "CREDIT", "BALANCE"), lines.stream()
                                .map(l -> List.of(l.entity(), l.account(), l.debit().toPlainString(), l.credit().toPlainString(),
                                l.balance().toPlainString())).toList()));
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

        @Option(names = "--id", paramLabel = "N", description = "only journal N")
        Long id;

        @Option(names = "--payments", description = "with --id: the payments summed into the journal (a deposit journal's), "
                + "with what each paid")
        boolean payments;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = report.cli;
            if (payments && id == null) {
                cli.output.err.println("error: --payments lists the payments of one journal: give its --id");
                return LedgerBridgeCli.USAGE;
            }
            return cli.withLedger(ledger -> {
                LedgerReports reports = ledger.bean(LedgerReports.class);
                if (id != null) {
                    return oneJournal(cli, reports, ledger.bean(DepositPayments.class));
                }
                // read and written a page at a time: a million journals never sit in memory
                Iterable<JournalView> journals = org.ledgerbridge.ledger.Page.each(cursor -> reports.journals(from, to, entity, cursor,
                        org.ledgerbridge.ledger.Page.MAX_LIMIT));
                if (cli.global.json()) {
                    cli.output.jsonArray(journals);
                } else {
                    journals.forEach(j -> print(cli, j));
                }
                return LedgerBridgeCli.DONE;
            });
        }

        private int oneJournal(LedgerBridgeCli cli, LedgerReports reports, DepositPayments deposits) {
            java.util.Optional<JournalView> journal = reports.journal(id);
            if (journal.isEmpty()) {
                cli.output.err.println("error: no journal " + id);
                return LedgerBridgeCli.REJECTED;
            }
            if (!payments) {
                cli.output.answer(cli.global.json(), journal.get(), () -> print(cli, journal.get()));
                return LedgerBridgeCli.DONE;
            }
            // a page at a time: a deposit of a million payments never sits in memory
            Iterable<DepositPayments.PaymentInJournal> summed = org.ledgerbridge.ledger.Page.each(cursor ->
                    deposits.ofJournal(id, cursor, org.ledgerbridge.ledger.Page.MAX_LIMIT).orElseThrow());
            if (cli.global.json()) {
                cli.output.jsonStream(java.util.Map.of("journal", journal.get()), "payments", summed);
            } else {
                print(cli, journal.get());
                cli.output.tableStream(List.of("PAYMENT", "ROW", "BILL TO", "DATE", "AMOUNT", "METHOD", "CHECK", "PAID"),
                        java.util.stream.StreamSupport.stream(summed.spliterator(), false).map(p -> java.util.Arrays.asList(p.number(),
                                String.valueOf(p.row()), p.partyId(), p.date().toString(), p.amount().toPlainString(), p.method(),
                                p.checkNumber(), paid(p))));
            }
            return LedgerBridgeCli.DONE;
        }

        private static String paid(DepositPayments.PaymentInJournal payment) {
            List<String> paid = new java.util.ArrayList<>();
            payment.paid().forEach(a -> paid.add(a.entity() + "/" + a.document() + " " + a.amount().toPlainString()));
            if (payment.unapplied().signum() > 0) {
                paid.add("credit " + payment.unapplied().toPlainString());
            }
            return String.join(", ", paid);
        }

        static void print(LedgerBridgeCli cli, JournalView j) {
            cli.output.out.println("journal " + j.id() + (j.number() == null ? "" : " (" + j.label() + ")") + "  " + j.entity() + "  "
                    + j.date() + "  batch " + j.batch()
                    + " (" + j.status() + ")  " + j.source() + (j.depositOf() == null ? "" : "  (deposit of journal " + j.depositOf() + ")"));
            cli.output.table(List.of("  ACCOUNT", "DEBIT", "CREDIT", "PARTY", "DOCUMENT", "DESCRIPTION"),
                    j.lines().stream().map(l -> java.util.Arrays.asList("  " + l.account(), l.debit().toPlainString(),
                            l.credit().toPlainString(), l.partyId(), l.documentNumber(), l.description())).toList());
        }
    }

    @Command(name = "aging", description = "AR or AP aging on the business date (--as-of): per entity, party and currency, the "
            + "open balances current and 1-30, 31-60, 61-90 and over 90 days past due (past the document date when it has no due "
            + "date); a credit not used yet counts against the party. Entity totals last.")
    static final class AgingReport implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Option(names = "--module", defaultValue = "AR", paramLabel = "AR|AP", description = "AR (default) or AP")
        org.ledgerbridge.receivables.NewDocument.Module module;

        @Option(names = "--entity")
        String entity;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = report.cli;
            if (module == org.ledgerbridge.receivables.NewDocument.Module.PM) {
                cli.output.err.println("error: --module is AR or AP");
                return LedgerBridgeCli.USAGE;
            }
            java.time.LocalDate asOf = cli.global.businessDate();
            return cli.withLedger(ledger -> {
                org.ledgerbridge.receivables.Aging aging = ledger.bean(org.ledgerbridge.receivables.Aging.class);
                // a page at a time: a hundred thousand members never sit in memory
                Iterable<org.ledgerbridge.receivables.Aging.Line> parties = org.ledgerbridge.ledger.Page.each(cursor ->
                        aging.page(module, asOf, entity, cursor, org.ledgerbridge.ledger.Page.MAX_LIMIT));
                List<org.ledgerbridge.receivables.Aging.Line> totals = aging.totals(module, asOf).stream()
                        .filter(t -> entity == null || t.entity().equals(entity)).toList();
                if (cli.global.json()) {
                    cli.output.jsonStream(java.util.Map.of("asOf", asOf, "module", module, "totals", totals), "parties", parties);
                    return LedgerBridgeCli.DONE;
                }
                cli.output.out.println(module + " aging on " + asOf);
                cli.output.tableStream(org.ledgerbridge.receivables.Aging.COLUMNS,
                        java.util.stream.StreamSupport.stream(parties.spliterator(), false).map(org.ledgerbridge.receivables.Aging.Line::cells));
                cli.output.out.println();
                cli.output.table(org.ledgerbridge.receivables.Aging.COLUMNS, totals.stream()
                        .map(org.ledgerbridge.receivables.Aging.Line::cells).toList());
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

    @Command(name = "projects", description = "Projects with their pro forma invoices (Migrated once released) and revenue-line "
            + "actuals from their released transactions.")
    static final class ProjectsReport implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Option(names = "--project", paramLabel = "P")
        String project;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = report.cli;
            return cli.withLedger(ledger -> {
                org.ledgerbridge.projects.Projects projects = ledger.bean(org.ledgerbridge.projects.Projects.class);
                Iterable<org.ledgerbridge.projects.ProjectBalances> items = org.ledgerbridge.ledger.Page.each(
                        cursor -> projects.page(project, cursor, 200));
                if (cli.global.json()) {
                    cli.output.jsonArray(items);
                    return LedgerBridgeCli.DONE;
                }
                boolean any = false;
                for (org.ledgerbridge.projects.ProjectBalances p : items) {
                    any = true;
                    cli.output.out.println(p.project() + "  " + p.name() + "  (" + p.entity() + ", customer " + p.customerId() + ", "
                            + p.status() + ")  balance " + p.balance().toPlainString());
                    p.proForma().forEach(f -> cli.output.out.println("  pro forma " + f.number() + "  " + f.date() + "  original "
                            + f.originalAmount().toPlainString() + "  open " + f.openBalance().toPlainString()
                            + (f.arDocument() == null ? "" : "  AR " + f.arDocument()) + (f.migrated() ? "  Migrated" : "  not released")));
                    p.revenueLines().forEach(l -> cli.output.out.println("  revenue line " + l.revenueLine() + "  actual "
                            + l.actualAmount().toPlainString() + "  quantity " + l.actualQuantity().toPlainString()));
                }
                if (!any) {
                    cli.output.out.println(project == null ? "no project in this ledger (`import projects`)" : "no project " + project);
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
                cli.output.answer(cli.global.json(), lines,
                        () -> cli.output.table(List.of("ENTITY", "MODULE", "SUBLEDGER", "CONTROL", "GL", "DIFFERENCE", "UNRELEASED"),
                                lines.stream().map(l -> List.of(l.entity(), l.module(), l.subledger().toPlainString(),
                                l.glAccounts(), l.gl().toPlainString(),
                                l.difference().toPlainString(), String.valueOf(l.unreleased()))).toList()));
                return LedgerBridgeCli.DONE;
            });
        }
    }
}
