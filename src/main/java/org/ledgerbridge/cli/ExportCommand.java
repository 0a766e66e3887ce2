package org.ledgerbridge.cli;

import org.ledgerbridge.delivery.GlRule;
import org.ledgerbridge.delivery.GlExport;
import org.ledgerbridge.delivery.GlExportService;
import org.ledgerbridge.delivery.Summarize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "export", description = "Exports posted journals for the general ledger.", subcommands = ExportCommand.Gl.class)
final class ExportCommand {

    @ParentCommand
    LedgerBridgeCli cli;

    @Command(name = "gl", description = "Posted journals in the range, one file per financial entity, in a ZIP with a manifest.")
    static final class Gl implements Callable<Integer> {
        @ParentCommand
        ExportCommand parent;

        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD")
        LocalDate to;

        @Option(names = "--format", required = true, paramLabel = "F", completionCandidates = GlFormatNames.class,
                description = "${COMPLETION-CANDIDATES}")
        String format;

        @Option(names = "--out", required = true, paramLabel = "FILE.zip")
        Path out;

        @Option(names = "--entity", paramLabel = "E")
        String entity;

        @Option(names = "--again", description = "export journals that were exported before, too")
        boolean again;

        @Option(names = "--summarize", defaultValue = "detail", paramLabel = "detail|journal|day|month")
        Summarize summarize;

        @Option(names = "--deposits", defaultValue = "detail", paramLabel = "detail|summary",
                description = "DEPOSIT batches: cash per receipt, or one deposit line per entity, batch and day (never both)")
        String deposits;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = parent.cli;
            return cli.withLedger(ledger -> {
                GlExportService exports = ledger.bean(GlExportService.class);
                long started = System.nanoTime(); // the export's work, as for imports: not the creation of its services
                GlExport result = exports.export(from, to, format, entity, again, summarize,
                        "summary".equalsIgnoreCase(deposits), out, cli.global.actor());
                if (result instanceof GlExport.Refused refused) {
                    cli.output.refused(cli.global.json(), refused.code(), refused.message(), "nothing exported", Map.of());
                    return refused.code().equals(GlRule.UNKNOWN_FORMAT) || refused.code().equals(GlRule.INVALID_RANGE)
                            ? LedgerBridgeCli.USAGE : LedgerBridgeCli.REFUSED;
                }
                GlExport.Exported exported = (GlExport.Exported) result;
                if (cli.global.json()) {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("status", "exported");
                    json.put("zip", exported.zip().toString());
                    json.put("journals", exported.journals());
                    json.put("lines", exported.lines());
                    json.put("again", exported.again());
                    json.put("files", exported.files());
                    json.put("durationMs", (System.nanoTime() - started) / 1_000_000);
                    cli.output.json(json);
                } else {
                    cli.output.out.println("exported " + exported.journals() + " journal(s), " + exported.lines() + " line(s) to "
                            + exported.zip() + (exported.again() ? " (including journals exported before)" : ""));
                    cli.output.table(List.of("ENTITY", "FILE", "JOURNALS", "LINES", "DEBIT", "CREDIT"), exported.files().stream()
                            .map(f -> List.of(f.entity(), f.file(), String.valueOf(f.journals()), String.valueOf(f.lines()),
                                    f.debit().toPlainString(), f.credit().toPlainString())).toList());
                }
                return LedgerBridgeCli.DONE;
            });
        }
    }
}
