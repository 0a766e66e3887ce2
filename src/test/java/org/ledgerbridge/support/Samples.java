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
                throw new IllegalStateException("sample " + kind + ".csv was not imported: " + report.errors());
            }
        }
    }
}
