package org.ledgerbridge.cli;

/** `java -jar ledgerbridge.jar COMMAND ...` */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = LedgerBridgeCli.execute(args, System.out, System.err);
        if (exitCode != LedgerBridgeCli.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
