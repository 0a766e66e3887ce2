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
}
