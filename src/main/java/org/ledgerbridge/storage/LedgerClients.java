package org.ledgerbridge.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The processes using a data dir's embedded server. Each holds a lock on its own file in
 * {@code clients/} for as long as it runs; the operating system drops the lock when the process
 * ends, even by kill -9, so a file whose lock can be taken belongs to a process that is gone.
 */
public final class LedgerClients {

    /** A process using the server: what it runs and since when. */
    public record Client(long pid, String command, Instant since) {
    }

    private LedgerClients() {
    }

    /** This process's registration; closing it says this process no longer uses the server. */
    static final class Registration implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;

        private Registration(Path file, FileChannel channel, FileLock lock) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot end this process's use of the ledger: " + e.getMessage(), e);
            }
        }
    }

    static Registration register(Path dataDir, String command) throws IOException {
        Path folder = Files.createDirectories(dataDir.resolve("clients"));
        long pid = ProcessHandle.current().pid();
        Path file = folder.resolve(String.valueOf(pid));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("Another process holds " + file);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((pid + "\n" + Instant.now() + "\n" + command.replace('\n', ' ') + "\n")
                .getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new Registration(file, channel, lock);
    }

    /** The other processes using the server now; files left by processes that are gone are removed. */
    static List<Client> others(Path dataDir) throws IOException {
        Path folder = dataDir.resolve("clients");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        String self = String.valueOf(ProcessHandle.current().pid());
        List<Client> clients = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals(self)).toList()) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    FileLock lock = channel.tryLock();
                    if (lock != null) {
                        Files.deleteIfExists(file); // its process ended without saying so
                        lock.release();
                        continue;
                    }
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    clients.add(lines.size() >= 3
                            ? new Client(Long.parseLong(lines.get(0)), lines.get(2), Instant.parse(lines.get(1)))
                            : new Client(Long.parseLong(file.getFileName().toString()), "(starting)", Instant.now()));
                } catch (java.nio.file.NoSuchFileException gone) {
                    // it ended while we looked
                }
            }
        }
        clients.sort(Comparator.comparing(Client::since));
        return clients;
    }
}
