package org.ledgerbridge.imports;

import org.ledgerbridge.ledger.LedgerSetup;
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

/** The small sample ledger of `serve --demo`, bundled in the jar (three boroughs' associations). */
@Service
public class DemoLedger {

    /** In import order: each file refers only to what the ones before it created. */
    private static final List<String> FILES = List.of("entities", "accounts", "parties", "payment-methods");

    private final ImportService imports;
    private final LedgerSetup ledger;

    public DemoLedger(ImportService imports, LedgerSetup ledger) {
        this.imports = imports;
        this.ledger = ledger;
    }

    /** Loads the demo files when the ledger has no entity yet; false when it already had data. */
    public boolean loadIfEmpty(String actor, LocalDate asOf) {
        if (!ledger.isEmpty()) {
            return false;
        }
        try {
            Path folder = Files.createTempDirectory("ledgerbridge-demo");
            for (String kind : FILES) {
                Path file = folder.resolve(kind + ".csv");
                try (InputStream in = new ClassPathResource("demo/" + kind + ".csv").getInputStream()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                ImportReport report = imports.run(kind, file, ImportOptions.of(asOf, actor));
                if (report.status() != ImportStatus.COMMITTED) {
                    throw new IllegalStateException("the bundled demo file " + kind + ".csv was not accepted: " + report.errors());
                }
                Files.delete(file);
            }
            Files.delete(folder);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the demo ledger", e);
        }
    }
}
