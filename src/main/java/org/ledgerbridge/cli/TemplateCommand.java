package org.ledgerbridge.cli;

import org.ledgerbridge.imports.ImportTemplates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;

@Command(name = "template", description = "Writes an import file to fill in: the header and an example row of an import kind, "
        + "with what each column takes (no database needed).")
final class TemplateCommand implements Callable<Integer> {

    @ParentCommand
    LedgerBridgeCli cli;

    @Parameters(index = "0", paramLabel = "KIND", completionCandidates = TemplateKinds.class, description = "${COMPLETION-CANDIDATES}")
    String kind;

    @Option(names = "--out", paramLabel = "FILE", description = "a .csv or .xlsx file (default: CSV on standard output); never overwritten")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (ImportTemplates.columns(kind).isEmpty()) {
            cli.output.err.println("error: no import kind '" + kind + "'; one of " + String.join(", ", ImportTemplates.kinds()));
            return LedgerBridgeCli.USAGE;
        }
        if (out == null) {
            ImportTemplates.write(kind, ImportTemplates.Format.CSV, cli.output.out);
            cli.output.out.flush();
            return LedgerBridgeCli.DONE;
        }
        ImportTemplates.Format format = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")
                ? ImportTemplates.Format.XLSX : ImportTemplates.Format.CSV;
        if (Files.exists(out)) {
            cli.output.err.println("error: " + out + " exists; a template never overwrites a file");
            return LedgerBridgeCli.USAGE;
        }
        try (OutputStream file = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
            ImportTemplates.write(kind, format, file);
        }
        cli.output.err.println("wrote " + out + " (" + format.extension() + "): the " + kind + " header, an example row and what each "
                + "column takes");
        return LedgerBridgeCli.DONE;
    }

    /** The import kinds with a template, for the help. */
    static final class TemplateKinds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ImportTemplates.kinds().iterator();
        }
    }
}
