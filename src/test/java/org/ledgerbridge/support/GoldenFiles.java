package org.ledgerbridge.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Compares an output with its committed golden file. A missing golden file fails the test (one
 * written and then compared with itself would pass anything); {@code -Dgolden.write=true} writes
 * the missing ones, to be read and committed by hand.
 */
public final class GoldenFiles {

    public static final Path ROOT = Path.of("src/test/resources/golden");

    private GoldenFiles() {
    }

    public static void assertMatches(Path golden, String actual) throws IOException {
        if (!Files.exists(golden)) {
            if (!Boolean.getBoolean("golden.write")) {
                fail("no golden file " + golden + "; run the test with -Dgolden.write=true, read what it wrote and commit it");
            }
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
        }
        assertThat(actual).as(golden.toString()).isEqualTo(Files.readString(golden));
    }
}
