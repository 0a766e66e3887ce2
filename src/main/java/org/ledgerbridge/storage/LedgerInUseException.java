package org.ledgerbridge.storage;

import java.nio.file.Path;

/** Another process held the data dir's start/stop lock past the wait; the operator gets a sentence, not a stack trace. */
public final class LedgerInUseException extends RuntimeException {
    public LedgerInUseException(Path dataDir, String holderPid) {
        super("The database of the ledger in " + dataDir.toAbsolutePath() + " is being started or stopped by another LedgerBridge process"
                + (holderPid.isEmpty() ? "" : " (pid " + holderPid + ")")
                + "; retry when it is done (`ledgerbridge db status` says who uses the ledger).");
    }
}
