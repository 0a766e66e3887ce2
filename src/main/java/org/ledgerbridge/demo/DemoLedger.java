package org.ledgerbridge.demo;

import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;

/**
 * The small sample ledger of `serve --demo`, bundled in the jar: three boroughs' associations
 * (seed 000's PSAB, BMC, SEC), their chart, members and vendors, migrated invoices and bills
 * (seed 002), a day of payments (seed 003) and an iMIS auto-batch (seed 000), left in OPEN
 * batches for the user to review, post and export.
 */
@Service
public class DemoLedger {

    private final ImportService imports;
    private final LedgerSetup ledger;
    private final MigrationMode migrationMode;
    private final MigratedDocuments migrated;

    public DemoLedger(ImportService imports, LedgerSetup ledger, MigrationMode migrationMode, MigratedDocuments migrated) {
        this.imports = imports;
        this.ledger = ledger;
        this.migrationMode = migrationMode;
        this.migrated = migrated;
    }

    /** Loads the demo files when the ledger has no entity yet; false when it already had data. */
    public boolean loadIfEmpty(String actor, LocalDate asOf) {
        if (!ledger.isEmpty()) {
            return false;
        }
        try {
            Path folder = Files.createTempDirectory("ledgerbridge-demo");
            for (String kind : List.of("entities", "accounts", "parties", "payment-methods")) {
                load(folder, kind, kind, ImportOptions.of(asOf, actor));
            }
            migrationMode.set(NewDocument.Module.AR, true, actor);
            migrationMode.set(NewDocument.Module.AP, true, actor);
            load(folder, "documents", "documents", ImportOptions.of(asOf, actor));
            migrated.release(List.of(), true, asOf, actor);
            migrationMode.set(NewDocument.Module.AR, false, actor);
            // AP stays in migration mode: the demo's venue bill B-7782 is on hold, waiting to be released or deleted
            migrationMode.set(NewDocument.Module.AP, false, actor);
            load(folder, "payments", "payments", ImportOptions.of(asOf, actor).withFlag("allow-overpayment", "true"));
            load(folder, "imis-export", "imis", ImportOptions.of(asOf, actor).withFlag("batch", "1041"));
            Files.delete(folder);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the demo ledger", e);
        }
    }

    private void load(Path folder, String file, String kind, ImportOptions options) throws IOException {
        Path copy = folder.resolve(file + ".csv");
        try (InputStream in = new ClassPathResource("demo/" + file + ".csv").getInputStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        ImportReport report = imports.run(kind, copy, options);
        if (report.status() != ImportStatus.COMMITTED) {
            throw new IllegalStateException("the bundled demo file " + file + ".csv was not accepted: " + report.errors());
        }
        Files.delete(copy);
    }
}
