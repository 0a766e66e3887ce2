package org.ledgerbridge.cli;

import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.imports.MappingProfile;
import org.ledgerbridge.imports.RowProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import", description = "Validates and commits one file, all or nothing.")
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    LedgerBridgeCli cli;

    @Parameters(index = "0", paramLabel = "KIND",
            description = "entities, accounts, parties, payment-methods, opening-balances, documents, payments, credit-applications, trial-balance, gl-transactions")
    String kind;

    @Parameters(index = "1", paramLabel = "FILE")
    Path file;

    @Option(names = "--dry-run", description = "validate against the current ledger and write nothing")
    boolean dryRun;

    @Option(names = "--max-rows", paramLabel = "N", description = "reject files with more than N data rows")
    Long maxRows;

    @Option(names = "--mapping", paramLabel = "FILE", description = "mapping profile (YAML or JSON): column names, date formats, number locale")
    Path mapping;

    @Option(names = "--mapping-profile", paramLabel = "NAME", description = "a mapping profile saved in the ledger (mapping save NAME FILE)")
    String mappingProfile;

    @Option(names = "--allow-overpayment", description = "payments: accept prepayments and overpayments as credits on general AR")
    boolean allowOverpayment;

    @Option(names = "--batch", paramLabel = "N", description = "imis: the iMIS batch number to post (repeatable)")
    java.util.List<String> batches = new java.util.ArrayList<>();

    @Option(names = "--target", paramLabel = "T", description = "gl-accounts: the GL target whose chart this is")
    String target;

    @Option(names = "--action", paramLabel = "insert|insert-with-matching", defaultValue = "insert",
            description = "payments: insert-with-matching skips rows that match a payment already in the ledger")
    String action;

    @Option(names = "--gl-detail", paramLabel = "deposit|payment",
            description = "payments: deposit journals (per day and deposit account, lines summed) or a journal per payment; "
                    + "default: each entity's setting")
    org.ledgerbridge.ledger.PaymentGlDetail glDetail;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            cli.output.err.println("error: no file " + file);
            return LedgerBridgeCli.USAGE;
        }
        MappingProfile profile = MappingProfile.NONE;
        if (mapping != null) {
            try {
                profile = MappingProfile.read(mapping);
            } catch (MappingProfile.InvalidMappingException e) {
                cli.output.err.println("error: " + e.getMessage());
                return LedgerBridgeCli.USAGE;
            }
        }
        if (mapping != null && mappingProfile != null) {
            cli.output.err.println("error: --mapping FILE or --mapping-profile NAME, not both");
            return LedgerBridgeCli.USAGE;
        }
        MappingProfile fromFile = profile;
        return cli.withLedger(ledger -> {
            ImportService imports = ledger.bean(ImportService.class);
            if (imports.kind(kind).isEmpty()) {
                cli.output.err.println("error: unknown import kind '" + kind + "'; one of " + String.join(", ", imports.kinds()));
                return LedgerBridgeCli.USAGE;
            }
            MappingProfile chosen = fromFile;
            if (mappingProfile != null) {
                var saved = ledger.bean(org.ledgerbridge.imports.MappingProfiles.class).profile(mappingProfile);
                if (saved.isEmpty()) {
                    var refused = org.ledgerbridge.imports.MappingProfiles.notFound(mappingProfile);
                    cli.output.refused(cli.global.json(), refused.code(), refused.message(), "nothing imported", java.util.Map.of());
                    return LedgerBridgeCli.REFUSED;
                }
                chosen = saved.get();
            }
            ImportOptions options = ImportOptions.of(cli.global.businessDate(), cli.global.actor())
                    .dryRun(dryRun)
                    .withMaxRows(maxRows)
                    .withMapping(chosen)
                    .withKindOptions(allowOverpayment, action, batches, target)
                    .withFlag("gl-detail", glDetail == null ? "" : glDetail.option())
                    .withProgress(new ProgressBar(cli.output, (dryRun ? "validating " : "importing ") + file.getFileName()));
            ImportReport report = imports.run(kind, file, options);
            print(report);
            if (report.status() != ImportStatus.REJECTED) {
                return LedgerBridgeCli.DONE;
            }
            return report.refusedByLedgerRule() ? LedgerBridgeCli.REFUSED : LedgerBridgeCli.REJECTED;
        });
    }

    private void print(ImportReport report) {
        if (cli.global.json()) {
            cli.output.json(report.contractJson());
            return;
        }
        var out = cli.output.out;
        out.println(report.status().label() + ": " + report.file() + " (" + report.kind() + "), " + report.rows() + " rows, "
                + report.accepted() + " accepted" + (report.dryRun() ? ", dry run: nothing written" : "")
                + String.format(" (%.1f s)", report.durationMillis() / 1000.0));
        if (report.status() == ImportStatus.DUPLICATE) {
            out.println("these exact bytes were already imported; nothing written");
        }
        if (report.status() == ImportStatus.REJECTED) {
            out.println(report.errors().size() + " error(s); nothing written:");
        }
        for (RowProblem e : report.errors()) {
            out.println("  error   " + where(e) + e.code() + ": " + e.message());
        }
        for (RowProblem w : report.warnings()) {
            out.println("  warning " + where(w) + w.code() + ": " + w.message());
        }
        // per-row details are for scripts (--report json); people get the totals
        report.summary().forEach((key, value) -> {
            if (!(value instanceof java.util.Collection<?> list && list.size() > 10)) {
                out.println("  " + key + ": " + value);
            }
        });
    }

    private static String where(RowProblem problem) {
        return (problem.row() > 0 ? "row " + problem.row() + " " : "")
                + (problem.column() != null ? problem.column() + " " : "");
    }
}
