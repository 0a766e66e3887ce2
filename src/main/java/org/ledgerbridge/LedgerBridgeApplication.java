package org.ledgerbridge;

import org.ledgerbridge.cli.LedgerBridgeCli;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** One jar: the web UI and REST API (`serve`) and the command line, over the same services. */
@SpringBootApplication
public class LedgerBridgeApplication {

    public static void main(String[] args) {
        int exitCode = LedgerBridgeCli.execute(args, System.out, System.err);
        if (exitCode != LedgerBridgeCli.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
