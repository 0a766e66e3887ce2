package org.ledgerbridge.support;

import org.ledgerbridge.demo.SyntheticFiles;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger built from generated files (`ledgerbridge generate`), through the imports as a user
 * would: the demo's three entities, their accounts and payment methods, members, and their open
 * invoices migrated and released.
 */
public final class GeneratedLedger {

    private final ImportService imports;
    private final MigrationMode migrationMode;
    private final MigratedDocuments migrated;
    private final LocalDate today;
    private final Path dir;

    public GeneratedLedger(ImportService imports, MigrationMode migrationMode, MigratedDocuments migrated, LocalDate today) {
        this.imports = imports;
        this.migrationMode = migrationMode;
        this.migrated = migrated;
        this.today = today;
        try {
            this.dir = Files.createTempDirectory("generated-ledger");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Members owing {@code invoices} open invoices (about ten per member), released from migration. */
    public void membersOwing(int invoices) {
        for (String kind : List.of("entities", "accounts", "payment-methods")) {
            imported(kind, file(kind, 0));
        }
        imported("parties", file("parties", SyntheticFiles.customersFor(invoices)));
        migrationMode.set(NewDocument.Module.AR, true, "setup");
        imported("documents", file("invoices", invoices));
        migrated.release(List.of(), true, today, "setup");
        migrationMode.set(NewDocument.Module.AR, false, "setup");
    }

    /** A generated file of {@code rows} rows of {@code kind} (seed 42: the same file every time). */
    public Path file(String kind, long rows) {
        Path file = dir.resolve(kind + ".csv");
        try {
            SyntheticFiles.generate(kind, rows, 42, today, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private void imported(String kind, Path file) {
        ImportReport report = imports.run(kind, file, ImportOptions.of(today, "setup"));
        assertThat(report.status()).as("%s %s", kind, report.errors()).isEqualTo(ImportStatus.COMMITTED);
    }
}
