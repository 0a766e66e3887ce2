package org.ledgerbridge.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;

import static org.assertj.core.api.Assertions.fail;

/**
 * The outside programs that check our exports (hledger, bean-check). On a developer's machine a
 * missing one skips its check, saying so; in CI ({@code CI} set, as {@code .ci/run} does) it fails
 * the test: a check that silently stopped running would guard nothing.
 */
public final class CheckingTools {

    private CheckingTools() {
    }

    /** Carries on when every program is on the PATH; otherwise skips, or fails in CI. */
    public static void require(String... programs) {
        for (String program : programs) {
            if (!onPath(program)) {
                String why = program + " is not installed (Debian package " + ("bean-check".equals(program) ? "beancount" : program) + ")";
                if (System.getenv("CI") != null) {
                    fail(why + ": CI must run this check");
                }
                Assumptions.abort(why + "; the check is skipped");
            }
        }
    }

    private static boolean onPath(String program) {
        try {
            return new ProcessBuilder("which", program).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
