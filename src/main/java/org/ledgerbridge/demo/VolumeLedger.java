package org.ledgerbridge.demo;

import org.ledgerbridge.delivery.GlIntegration;
import org.ledgerbridge.delivery.GlSending;
import org.ledgerbridge.delivery.GlTargets;
import org.ledgerbridge.delivery.GlTarget;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.ledger.BatchChange;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchStatus;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * A ledger at the size of a large association, for trying and measuring screens, the API and
 * commands where small demo ledgers hide what grows (`generate ledger --journals N`). Built with
 * the product's own imports on the demo chart: a quarter of N migrated documents (released), N
 * posted journals of four lines over four months before the business date, the oldest half
 * marked as sent, the next three tenths sent to a file target, and the last month (a fifth of N)
 * posted and not sent yet.
 */
@Service
public class VolumeLedger {

    public static final String TARGET = "volume-files";
    private static final long PART = 200_000;

    private final ImportService imports;
    private final BatchService batches;
    private final MigrationMode migrationMode;
    private final MigratedDocuments migrated;
    private final GlIntegration integration;
    private final GlSending sending;
    private final GlTargets glTargets;
    private final org.ledgerbridge.delivery.GlDestinations destinations;

    public VolumeLedger(ImportService imports, BatchService batches, MigrationMode migrationMode, MigratedDocuments migrated,
                        GlIntegration integration, GlSending sending, GlTargets glTargets, org.ledgerbridge.delivery.GlDestinations destinations) {
        this.destinations = destinations;
        this.imports = imports;
        this.batches = batches;
        this.migrationMode = migrationMode;
        this.migrated = migrated;
        this.integration = integration;
        this.sending = sending;
        this.glTargets = glTargets;
    }

    /** What was built: journals posted, of which sent, marked as sent, and waiting. */
    public record Built(long documents, long journals, long sent, long markedSent, long waiting) {
    }

    /**
     * Builds the ledger into an empty one. {@code files} is a scratch folder for the generated
     * files; the file target writes what it is sent under {@code files}/sent.
     */
    public Built build(long journals, LocalDate today, Path files, String actor, Consumer<String> step) throws IOException {
        Files.createDirectories(files);
        ImportOptions options = ImportOptions.of(today, actor);
        for (String kind : List.of("entities", "accounts", "payment-methods")) {
            load(kind, kind, 0, today, files, options, step);
        }
        long documents = Math.max(100, journals / 4);
        load("parties", "parties", Math.max(10, documents / 2), today, files, options, step);
        migrationMode.set(NewDocument.Module.AR, true, actor);
        load("documents", "documents", documents, today, files, options, step);
        step.accept("releasing the migrated documents");
        migrated.release(List.of(), true, today, actor);
        // a tenth of the generated documents are on hold, as in a real migration: AR waits in migration mode for them
        migrationMode.set(NewDocument.Module.AR, false, actor).ifPresent(waiting -> step.accept("AR stays in migration mode: "
                + waiting.message().substring(0, waiting.message().indexOf(':'))));

        long waiting = journals / 5;
        long history = journals - waiting;
        LocalDate lastMonth = today.minusDays(30);
        // the history in files of at most 200,000 journals: the GL transactions import holds a file's journals until it commits
        for (long part = 0, left = history; left > 0; part++, left -= PART) {
            Path old = files.resolve("gl-history-" + (part + 1) + ".csv");
            SyntheticFiles.glTransactions(Math.min(PART, left) * 4, 7 + part, lastMonth.minusDays(1), 90, old);
            importAndPost(old, options, step);
            Files.delete(old);
        }
        Path recent = files.resolve("gl-last-month.csv");
        SyntheticFiles.glTransactions(waiting * 4, 8, today.minusDays(1), 30, recent);

        // history: the oldest half keyed into the GL by hand, the rest sent to a file target
        LocalDate markedThrough = lastMonth.minusDays(1).minusDays(45);
        step.accept("marking journals through " + markedThrough + " as sent");
        long marked = ((GlIntegration.MarkSent.Marked) integration.markSentRange(LocalDate.of(1, 1, 1), markedThrough,
                "volume ledger: keyed into the GL by hand", actor)).journals().size();
        Path sent = files.resolve("sent");
        if (destinations.refusalOfPath(sent.toString()).isPresent() && destinations.folder().isPresent()) {
            sent = destinations.folder().get().resolve("volume-sent"); // GL files are written only under the operator's GL folder
        }
        Files.createDirectories(sent);
        if (glTargets.target(TARGET).isEmpty()) {
            glTargets.addTarget(TARGET, GlTarget.Type.file, "sage300", sent.toString(), null, actor);
            // the GL's chart: every account of the demo chart, active
            Path chart = files.resolve("gl-accounts.csv");
            List<String> accounts = Files.readAllLines(files.resolve("accounts.csv"));
            Files.write(chart, java.util.stream.Stream.concat(java.util.stream.Stream.of("ENTITY,ACCOUNT,ACTIVE"), accounts.stream().skip(1)
                    .map(line -> line.split(",")).map(cells -> cells[0] + "," + cells[1] + ",yes")).toList());
            ImportReport report = imports.run("gl-accounts", chart, options.withKindOptions(false, null, List.of(), TARGET));
            if (report.status() != ImportStatus.COMMITTED) {
                throw new IllegalStateException("the GL chart of the volume ledger was not accepted: " + report.errors());
            }
        }
        step.accept("sending the rest of the history to " + TARGET);
        GlIntegration.Summary history2 = integration.summary(markedThrough.plusDays(1), lastMonth.minusDays(1), today);
        GlSending.Sending result = sending.sendRange(history2, glTargets.target(TARGET).orElseThrow(), actor, GlSending.Progress.NONE);
        if (!(result instanceof GlSending.RangeSent sentJournals)) {
            throw new IllegalStateException("the volume ledger's history was not sent: " + result);
        }
        FileSystemUtils.deleteRecursively(sent);
        Files.createDirectories(sent);
        // the month not sent yet, posted after the sends so that none of it is backdated
        importAndPost(recent, options, step);
        return new Built(documents, journals, sentJournals.sent(), marked, waiting);
    }

    private void load(String kind, String file, long rows, LocalDate today, Path files, ImportOptions options, Consumer<String> step)
            throws IOException {
        Path path = files.resolve(file + ".csv");
        SyntheticFiles.generate(kind, rows, 42, today, path);
        step.accept("importing " + kind + (rows > 0 ? " (" + rows + " rows)" : ""));
        ImportReport report = imports.run(kind, path, options);
        if (report.status() != ImportStatus.COMMITTED) {
            throw new IllegalStateException("the generated " + kind + " file was not accepted: " + report.errors());
        }
    }

    private void importAndPost(Path file, ImportOptions options, Consumer<String> step) {
        step.accept("importing and posting " + file.getFileName());
        ImportReport report = imports.run("gl-transactions", file, options);
        if (report.status() != ImportStatus.COMMITTED) {
            throw new IllegalStateException("the generated GL history was not accepted: " + report.errors());
        }
        List<Long> open = batches.page(List.of(BatchStatus.OPEN), null, 1000).items().stream().map(b -> b.id()).toList();
        BatchChange ready = batches.changeStatus(open, BatchStatus.READY, options.actor());
        BatchChange posted = batches.post(open, options.actor());
        if (ready instanceof BatchChange.Refused || posted instanceof BatchChange.Refused) {
            throw new IllegalStateException("the volume ledger's batches were not posted: " + ready + ", " + posted);
        }
    }
}
