package org.ledgerbridge.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * One LedgerBridge process per data dir. The embedded PostgreSQL must be started and stopped by
 * exactly one owner; a second process waits for the lock and then says clearly that the ledger
 * is in use, rather than starting a second server on the same files.
 */
public final class DataDirLock implements AutoCloseable {

    private static final String LOCK_FILE = "ledgerbridge.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static DataDirLock acquire(Path dataDir, Duration wait) {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(LOCK_FILE);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + wait.toNanos();
            boolean toldWaiting = false;
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (java.nio.channels.OverlappingFileLockException heldByThisProcess) {
                    lock = null;
                }
                if (lock != null) {
                    channel.truncate(0);
                    channel.write(java.nio.ByteBuffer.wrap(
                            (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
                    return new DataDirLock(channel, lock);
                }
                if (System.nanoTime() >= deadline) {
                    String holder = Files.readString(file, StandardCharsets.US_ASCII).trim();
                    channel.close();
                    throw new LedgerInUseException(dataDir, holder);
                }
                if (!toldWaiting) {
                    System.err.println("The ledger in " + dataDir + " is in use by another LedgerBridge process"
                            + (Files.size(file) > 0 ? " (pid " + Files.readString(file).trim() + ")" : "")
                            + "; waiting up to " + wait.toSeconds() + " s ...");
                    toldWaiting = true;
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot lock the data dir " + dataDir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the data dir " + dataDir, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot release the data dir lock", e);
        }
    }
}
