package org.ledgerbridge.cli;

import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.imports.RowProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "import", description = "Validates and commits one file, all or nothing.")
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    LedgerBridgeCli cli;

    @Parameters(index = "0", paramLabel = "KIND",
            description = "entities, accounts, parties, payment-methods, opening-balances, documents, payments, trial-balance, gl-transactions")
    String kind;

    @Parameters(index = "1", paramLabel = "FILE")
    Path file;

    @Option(names = "--dry-run", description = "validate against the current ledger and write nothing")
    boolean dryRun;

    @Option(names = "--max-rows", paramLabel = "N", description = "reject files with more than N data rows")
    Long maxRows;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            cli.output.err.println("error: no file " + file);
            return LedgerBridgeCli.USAGE;
        }
        return cli.withLedger(ledger -> {
            ImportService imports = ledger.bean(ImportService.class);
            if (imports.kind(kind).isEmpty()) {
                cli.output.err.println("error: unknown import kind '" + kind + "'; one of " + String.join(", ", imports.kinds()));
                return LedgerBridgeCli.USAGE;
            }
            ImportOptions options = new ImportOptions(dryRun, cli.global.businessDate(), cli.global.actor(), maxRows, Map.of());
            ImportReport report = imports.run(kind, file, options);
            print(report);
            return report.status() == ImportStatus.REJECTED ? LedgerBridgeCli.REJECTED : LedgerBridgeCli.DONE;
        });
    }

    private void print(ImportReport report) {
        if (cli.global.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kind", report.kind());
            json.put("file", report.file());
            json.put("sha256", report.sha256());
            json.put("dryRun", report.dryRun());
            json.put("status", report.status().label());
            json.put("rows", report.rows());
            json.put("accepted", report.accepted());
            json.put("errors", report.errors());
            json.put("warnings", report.warnings());
            json.put("summary", report.summary());
            cli.output.json(json);
            return;
        }
        var out = cli.output.out;
        out.println(report.status().label() + ": " + report.file() + " (" + report.kind() + "), " + report.rows() + " rows, "
                + report.accepted() + " accepted" + (report.dryRun() ? ", dry run: nothing written" : ""));
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
        report.summary().forEach((key, value) -> out.println("  " + key + ": " + value));
    }

    private static String where(RowProblem problem) {
        return (problem.row() > 0 ? "row " + problem.row() + " " : "")
                + (problem.column() != null ? problem.column() + " " : "");
    }
}
