package org.ledgerbridge.storage;

import java.nio.file.Path;

/** Another process owns the data dir; the operator gets a sentence, not a stack trace. */
public final class LedgerInUseException extends RuntimeException {
    public LedgerInUseException(Path dataDir, String holderPid) {
        super("The ledger in " + dataDir.toAbsolutePath() + " is in use by another LedgerBridge process"
                + (holderPid.isEmpty() ? "" : " (pid " + holderPid + ")")
                + ". Wait for it to finish (a running `serve` holds the ledger until stopped), or stop it and retry.");
    }
}
