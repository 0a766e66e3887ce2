package org.ledgerbridge.storage;

import java.nio.file.Path;
import java.time.Duration;

/** A process that uses a data dir's embedded server until it is killed: the other process of the sharing tests. */
public final class HoldsTheLedger {

    private HoldsTheLedger() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedLedgerDatabase db = EmbeddedLedgerDatabase.start(Path.of(args[0]), Duration.ofSeconds(30), "holds the ledger");
        System.out.println("ready " + db.jdbcUrl());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
