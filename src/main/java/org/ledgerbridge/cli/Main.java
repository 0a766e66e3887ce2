package org.ledgerbridge.cli;

/** `java -jar ledgerbridge.jar COMMAND ...` */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        java.util.OptionalInt passed = CommandClient.tryRunning(args, System.out, System.err);
        if (passed.isPresent()) {
            System.exit(passed.getAsInt());
        }
        CommandLineApplication.ownProcess = true;
        CommandLineApplication.buildEarly(args);
        int exitCode = LedgerBridgeCli.execute(args, System.out, System.err);
        if (exitCode != LedgerBridgeCli.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
