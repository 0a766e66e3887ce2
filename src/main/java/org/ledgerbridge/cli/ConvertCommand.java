package org.ledgerbridge.cli;

import org.ledgerbridge.delivery.GlFormat;
import org.ledgerbridge.delivery.GlFormats;
import org.ledgerbridge.imis.ImisBatchHistory;
import org.ledgerbridge.imis.ImisChart;
import org.ledgerbridge.imis.ImisConverter;
import org.ledgerbridge.imis.ImisSummary;
import org.ledgerbridge.imports.MappingProfile;
import org.ledgerbridge.imports.RowProblem;
import org.ledgerbridge.ledger.LedgerSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "convert", description = "Converts a source system's export into GL import files.", subcommands = ConvertCommand.Imis.class)
final class ConvertCommand {

    @ParentCommand
    LedgerBridgeCli cli;

    @Command(name = "imis", description = "iMIS auto-batch export -> one balanced GL file per financial entity.")
    static final class Imis implements Callable<Integer> {
        @ParentCommand
        ConvertCommand parent;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--batch", required = true, paramLabel = "N", description = "the iMIS batch number (repeatable)")
        List<String> batches;

        @Option(names = "--format", defaultValue = "sage300", paramLabel = "F", completionCandidates = GlFormatNames.class,
                description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
        String format;

        @Option(names = "--out", required = true, paramLabel = "DIR")
        Path out;

        @Option(names = "--mapping", paramLabel = "FILE")
        Path mapping;

        @Option(names = "--summarize", defaultValue = "detail", paramLabel = "detail|transaction|day|batch")
        ImisSummary summarize;

        @Option(names = "--name-pattern", defaultValue = "AB######-#", paramLabel = "P",
                description = "batch file names: the first run of # is the batch number (default ${DEFAULT-VALUE})")
        String namePattern;

        @Option(names = "--inter-entity-account", defaultValue = "1900", paramLabel = "A",
                description = "without a ledger: the due to / due from account of every entity (default ${DEFAULT-VALUE})")
        String interEntityAccount;

        @Option(names = "--currency", defaultValue = "USD", paramLabel = "C", description = "without a ledger: the entities' currency")
        String currency;

        @Option(names = "--no-ledger", description = "do not check entities and accounts against the ledger's chart")
        boolean noLedger;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = parent.cli;
            if (!Files.isRegularFile(file)) {
                cli.output.err.println("error: no file " + file);
                return LedgerBridgeCli.USAGE;
            }
            Optional<GlFormat> glFormat = GlFormats.named(format);
            if (glFormat.isEmpty()) {
                cli.output.err.println("error: no format '" + format + "'; one of " + String.join(", ", GlFormats.names()));
                return LedgerBridgeCli.USAGE;
            }
            MappingProfile profile;
            try {
                profile = mapping == null ? MappingProfile.NONE : MappingProfile.read(mapping);
            } catch (MappingProfile.InvalidMappingException e) {
                cli.output.err.println("error: " + e.getMessage());
                return LedgerBridgeCli.USAGE;
            }
            boolean ledgerAvailable = !noLedger && (cli.global.dbUrl != null && !cli.global.dbUrl.isBlank()
                    || Files.exists(cli.global.dataDir.resolve("pg").resolve("postgresql.conf")));
            if (ledgerAvailable) {
                return cli.withLedger(ledger -> {
                    ImisChart chart = ImisChart.of(ledger.bean(LedgerSetup.class), interEntityAccount, currency);
                    return run(cli, glFormat.get(), profile, chart, ledger.bean(ImisBatchHistory.class).warnings(batches));
                });
            }
            return run(cli, glFormat.get(), profile, ImisChart.none(interEntityAccount, currency), List.of());
        }

        private int run(LedgerBridgeCli cli, GlFormat glFormat, MappingProfile profile, ImisChart chart, List<ImisBatchHistory.Warning> warnings) {
            long started = System.nanoTime();
            ImisConverter.Conversion conversion = ImisConverter.convert(file, new LinkedHashSet<>(batches), glFormat, summarize,
                    namePattern, chart, profile, out, new ProgressBar(cli.output, "converting " + file.getFileName()));
            if (conversion instanceof ImisConverter.Rejected rejected) {
                cli.output.answer(cli.global.json(), Map.of("status", "rejected", "errors", rejected.errors()), () -> {
                    cli.output.out.println("rejected: " + file.getFileName() + "; nothing written:");
                    for (RowProblem e : rejected.errors()) {
                        cli.output.out.println("  error   " + (e.row() > 0 ? "row " + e.row() + " " : "")
                                + (e.column() != null ? e.column() + " " : "") + e.code() + ": " + e.message());
                    }
                });
                return LedgerBridgeCli.REJECTED;
            }
            ImisConverter.Converted converted = (ImisConverter.Converted) conversion;
            if (cli.global.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("status", "converted");
                json.put("files", converted.files());
                json.put("linesConverted", converted.linesConverted());
                json.put("linesSkipped", converted.linesSkipped());
                json.put("interEntity", converted.interEntity());
                json.put("warnings", warnings);
                json.put("durationMs", (System.nanoTime() - started) / 1_000_000);
                cli.output.json(json);
            } else {
                cli.output.out.println("converted " + converted.linesConverted() + " line(s) of batch(es) " + String.join(", ", batches)
                        + "; " + converted.linesSkipped() + " line(s) of other batches skipped"
                        + String.format(" (%.1f s)", (System.nanoTime() - started) / 1e9));
                cli.output.table(List.of("ENTITY", "BATCH", "FILE", "LINES", "DEBIT", "CREDIT"), converted.files().stream()
                        .map(f -> List.of(f.entity(), f.batch(), f.file(), String.valueOf(f.lines()), f.debit().toPlainString(),
                                f.credit().toPlainString())).toList());
                converted.interEntity().forEach((pair, amount) -> cli.output.out.println("inter-entity " + pair + ": "
                        + amount.toPlainString()));
                warnings.forEach(w -> cli.output.out.println("  warning " + w.code() + ": " + w.message()));
            }
            return LedgerBridgeCli.DONE;
        }
    }
}
