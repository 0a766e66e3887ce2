package org.ledgerbridge.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The sample files of ../shared/samples (copied into the test resources), as the product's users would hand them to us. */
public final class Samples {

    private Samples() {
    }

    public static Path file(String name) {
        Path file = Path.of("src/test/resources/samples", name);
        if (!Files.exists(file)) {
            throw new IllegalStateException("sample file " + file + " not found");
        }
        return file;
    }

    /** Imports the named sample setup files ("entities", "accounts", ...) in order, each of which must commit. */
    public static void imported(org.ledgerbridge.imports.ImportService imports, java.time.LocalDate asOf, String... kinds) {
        for (String kind : kinds) {
            var report = imports.run(kind, file(kind + ".csv"), org.ledgerbridge.imports.ImportOptions.of(asOf, "setup"));
            if (report.status() != org.ledgerbridge.imports.ImportStatus.COMMITTED) {
                throw new IllegalStateException("sample " + kind + ".csv was not imported: " + report.status() + " " + report.errors()
                        + " " + report.warnings());
            }
        }
    }

    /** The sample ledger with its migrated invoices open, as a payments import expects it (seed 002, then seed 003). */
    public static void withOpenInvoices(org.ledgerbridge.imports.ImportService imports, org.ledgerbridge.receivables.MigrationMode migrationMode,
                                        org.ledgerbridge.receivables.MigratedDocuments migrated, java.time.LocalDate asOf) {
        imported(imports, asOf, "entities", "accounts", "parties", "payment-methods");
        migrationMode.set(org.ledgerbridge.receivables.NewDocument.Module.AR, true, "setup");
        migrationMode.set(org.ledgerbridge.receivables.NewDocument.Module.AP, true, "setup");
        var documents = imports.run("documents", file("documents.csv"), org.ledgerbridge.imports.ImportOptions.of(asOf, "setup"));
        if (documents.status() != org.ledgerbridge.imports.ImportStatus.COMMITTED) {
            throw new IllegalStateException("sample documents.csv was not imported: " + documents.errors());
        }
        migrated.release(java.util.List.of(), true, asOf, "setup");
        migrationMode.set(org.ledgerbridge.receivables.NewDocument.Module.AR, false, "setup");
    }

    /** A GL target's chart as `import gl-accounts` takes it, holding every account of the ledger's chart. */
    public static void glHasTheLedgersChart(org.ledgerbridge.imports.ImportService imports, org.ledgerbridge.ledger.LedgerSetup setup,
                                            String target, Path dir) {
        try {
            Path chart = dir.resolve("gl-accounts-" + target + ".csv");
            Files.writeString(chart, "ENTITY,ACCOUNT\n" + String.join("\n", setup.accounts().stream()
                    .map(a -> a.entity() + "," + a.code()).toList()) + "\n");
            var report = imports.run("gl-accounts", chart, org.ledgerbridge.imports.ImportOptions.of(java.time.LocalDate.now(), "admin")
                    .withFlag("target", target));
            if (report.status() != org.ledgerbridge.imports.ImportStatus.COMMITTED) {
                throw new IllegalStateException("GL chart not imported: " + report.errors());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The sample ledger migrated the way an accountant does it, so that the subledger ties out with
     * the GL: the sample documents (and {@code moreDocuments}, rows of the documents file) released,
     * and a trial balance whose AR and AP control accounts hold exactly their open balances.
     * {@code trialBalance} is the trial-balance file (AR 1200 / AP 2000 / equity 3900 per entity).
     */
    public static void migratedWithTrialBalance(org.ledgerbridge.imports.ImportService imports,
                                                org.ledgerbridge.receivables.MigrationMode migrationMode,
                                                org.ledgerbridge.receivables.MigratedDocuments migrated, java.time.LocalDate asOf,
                                                Path dir, String moreDocuments, String trialBalance) throws java.io.IOException {
        imported(imports, asOf, "entities", "accounts", "parties", "payment-methods");
        migrationMode.set(org.ledgerbridge.receivables.NewDocument.Module.AR, true, "setup");
        migrationMode.set(org.ledgerbridge.receivables.NewDocument.Module.AP, true, "setup");
        committed(imports, "documents", file("documents.csv"), asOf);
        if (!moreDocuments.isEmpty()) {
            Path more = dir.resolve("more-documents.csv");
            Files.writeString(more, Files.readAllLines(file("documents.csv")).get(0) + "\n" + moreDocuments);
            committed(imports, "documents", more, asOf);
        }
        migrated.release(java.util.List.of(), true, asOf, "setup");
        migrationMode.set(org.ledgerbridge.receivables.NewDocument.Module.AR, false, "setup");
        migrationMode.set(org.ledgerbridge.receivables.NewDocument.Module.AP, false, "setup");
        Path tb = dir.resolve("trial-balance.csv");
        Files.writeString(tb, trialBalance);
        committed(imports, "trial-balance", tb, asOf);
    }

    /** Imports a file that must commit. */
    public static void committed(org.ledgerbridge.imports.ImportService imports, String kind, Path file, java.time.LocalDate asOf) {
        var report = imports.run(kind, file, org.ledgerbridge.imports.ImportOptions.of(asOf, "setup"));
        if (report.status() != org.ledgerbridge.imports.ImportStatus.COMMITTED) {
            throw new IllegalStateException(kind + " file " + file.getFileName() + " was not imported: " + report.errors());
        }
    }
}
