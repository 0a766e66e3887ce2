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
 * The lock a LedgerBridge process holds while it starts, joins, leaves or stops the data dir's
 * embedded PostgreSQL (a second or so): one server per cluster, never stopped while a process
 * joins it. Another process waits for it, and past the wait says who holds it.
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
                    System.err.println("The database of " + dataDir + " is being started or stopped by another LedgerBridge process"
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
