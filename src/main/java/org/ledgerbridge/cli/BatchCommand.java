package org.ledgerbridge.cli;

import org.ledgerbridge.ledger.Batch;
import org.ledgerbridge.ledger.BatchChange;
import org.ledgerbridge.ledger.BatchCorrections;
import org.ledgerbridge.ledger.BatchReadout;
import org.ledgerbridge.ledger.BatchCorrections;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchStatus;
import org.ledgerbridge.ledger.JournalView;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.Page;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "batch", description = "Batch lifecycle: OPEN -> READY -> POSTED.",
        subcommands = {BatchCommand.ListBatches.class, BatchCommand.Show.class, BatchCommand.Status.class, BatchCommand.Post.class, BatchCommand.Void.class,
                BatchCommand.Reverse.class})
final class BatchCommand {

    @ParentCommand
    LedgerBridgeCli cli;

    @Command(name = "list", description = "Every batch with its status and totals.")
    static final class ListBatches implements Callable<Integer> {
        @ParentCommand
        BatchCommand batch;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = batch.cli;
            return cli.withLedger(ledger -> {
                List<Batch> batches = ledger.bean(BatchService.class).list();
                cli.output.answer(cli.global.json(), batches,
                        () -> cli.output.table(List.of("ID", "NAME", "TYPE", "STATUS", "ENTITIES", "JOURNALS", "DEBIT", "CREDIT"),
                                batches.stream().map(b -> List.of(String.valueOf(b.id()), b.name(), b.type().name(), b.status().name(),
                                String.join(",", b.entities()), String.valueOf(b.journals()), b.debit().toPlainString(),
                                b.credit().toPlainString())).toList()));
                return LedgerBridgeCli.DONE;
            });
        }
    }

    @Command(name = "show", description = "One batch, to read before posting it or after: the file it came from, its history "
            + "(status changes, void or reversal and why), its totals per entity and account, and its journals with their lines.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        BatchCommand batch;

        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = batch.cli;
            return cli.withLedger(ledger -> {
                java.util.Optional<BatchReadout.BatchDetail> found = ledger.bean(BatchReadout.class).detail(id);
                if (found.isEmpty()) {
                    cli.output.err.println("error: no batch " + id);
                    return LedgerBridgeCli.REJECTED;
                }
                LedgerReports reports = ledger.bean(LedgerReports.class);
                // read and written a page at a time: a batch of a million journals never sits in memory
                Iterable<JournalView> journals = Page.each(cursor -> reports.journalsOfBatch(id, cursor, Page.MAX_LIMIT));
                if (cli.global.json()) {
                    java.util.Map<String, Object> head = new java.util.LinkedHashMap<>();
                    head.put("batch", found.get().batch());
                    head.put("importedFrom", found.get().importedFrom());
                    head.put("totals", found.get().totals());
                    head.put("history", found.get().history());
                    cli.output.jsonStream(head, "journals", journals);
                    return LedgerBridgeCli.DONE;
                }
                BatchReadout.BatchDetail detail = found.get();
                Batch b = detail.batch();
                cli.output.out.println("batch " + b.id() + "  " + b.name() + "  " + b.type() + "  " + b.status()
                        + (b.reversedBy() == null ? "" : " (reversed by batch " + b.reversedBy() + ")")
                        + "  entities " + String.join(",", b.entities()) + "  journals " + b.journals()
                        + "  debit " + b.debit().toPlainString() + "  credit " + b.credit().toPlainString());
                if (detail.importedFrom() != null) {
                    BatchReadout.ImportedFrom from = detail.importedFrom();
                    cli.output.out.println("imported from " + from.fileName() + " (" + from.kind() + ", import " + from.importRunId()
                            + ") by " + from.actor() + " at " + from.at());
                }
                cli.output.out.println();
                cli.output.table(List.of("WHEN", "WHO", "WHAT", "REASON"), detail.history().stream()
                        .map(h -> java.util.Arrays.asList(h.at().toString(), h.actor(), h.event(), h.reason())).toList());
                cli.output.out.println();
                cli.output.table(List.of("ENTITY", "ACCOUNT", "NAME", "CURRENCY", "DEBIT", "CREDIT"), detail.totals().stream()
                        .map(t -> List.of(t.entity(), t.account(), t.accountName(), t.currency(), t.debit().toPlainString(),
                                t.credit().toPlainString())).toList());
                cli.output.out.println();
                journals.forEach(j -> ReportCommand.Journals.print(cli, j));
                return LedgerBridgeCli.DONE;
            });
        }
    }

    @Command(name = "status", description = "Sets batches to READY (checked) or back to OPEN.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        BatchCommand batch;

        @Parameters(paramLabel = "ID", arity = "1..*")
        List<Long> ids;

        @Option(names = "--to", required = true, paramLabel = "READY|OPEN")
        BatchStatus to;

        @Override
        public Integer call() {
            return batch.report(ledger -> ledger.bean(BatchService.class).changeStatus(ids, to, batch.cli.global.actor()));
        }
    }

    @Command(name = "post", description = "Posts READY batches; their journals become immutable.")
    static final class Post implements Callable<Integer> {
        @ParentCommand
        BatchCommand batch;

        @Parameters(paramLabel = "ID", arity = "1..*")
        List<Long> ids;

        @Override
        public Integer call() {
            return batch.report(ledger -> ledger.bean(BatchService.class).post(ids, batch.cli.global.actor()));
        }
    }

    @Command(name = "void", description = "Voids OPEN batches, all or none: their journals and their effects are removed, the "
            + "audit log keeps why, and the file they came from imports again.")
    static final class Void implements Callable<Integer> {
        @ParentCommand
        BatchCommand batch;

        @Parameters(paramLabel = "ID", arity = "1..*")
        List<Long> ids;

        @Option(names = "--reason", required = true)
        String reason;

        @Override
        public Integer call() {
            return batch.report(ledger -> ledger.bean(BatchCorrections.class).voidBatches(ids, reason, batch.cli.global.actor()));
        }
    }

    @Command(name = "reverse", description = "Reverses POSTED batches, all or none: a new REVERSAL batch of mirror journals, "
            + "to be set READY and posted like any batch; once posted, what the batches did to the subledger is undone "
            + "(payments unapplied, credits removed, invoices open again) and their file imports again.")
    static final class Reverse implements Callable<Integer> {
        @ParentCommand
        BatchCommand batch;

        @Parameters(paramLabel = "ID", arity = "1..*")
        List<Long> ids;

        @Option(names = "--reason", required = true)
        String reason;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD",
                description = "date of every reversing journal (default: the date of the journal it reverses)")
        java.time.LocalDate date;

        @Override
        public Integer call() {
            return batch.report(ledger -> ledger.bean(BatchCorrections.class).reverse(ids, reason, date, batch.cli.global.actor()));
        }
    }

    private int report(java.util.function.Function<LedgerRuntime, BatchChange> change) {
        return cli.withLedger(ledger -> {
            BatchChange result = change.apply(ledger);
            if (result instanceof BatchChange.Changed changed) {
                cli.output.answer(cli.global.json(), Map.of("status", changed.status().name(), "batches", changed.batchIds()),
                        () -> cli.output.out.println(changed.status() + ": batch(es) " + changed.batchIds()));
                return LedgerBridgeCli.DONE;
            }
            if (result instanceof BatchChange.Reversing reversing) {
                cli.output.answer(cli.global.json(), reversing,
                        () -> cli.output.out.println("REVERSING: batch(es) " + reversing.batchIds() + ": " + reversing.journals()
                                + " reversing journal(s) in OPEN batch " + reversing.reversalBatchId() + " (" + reversing.reversalBatchName()
                                + "); set it READY and post it to undo them"));
                return LedgerBridgeCli.DONE;
            }
            BatchChange.Refused refused = (BatchChange.Refused) result;
            cli.output.refused(cli.global.json(), refused.code(), refused.message(), "nothing changed", Map.of("batch", refused.batchId()));
            return LedgerBridgeCli.REFUSED;
        });
    }
}
