package org.ledgerbridge.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL server LedgerBridge runs when no external database is configured, shared by
 * every LedgerBridge process on the same data dir: the first one starts it, the others connect
 * to it, and the last one to leave stops it ({@code db start} leaves a process that uses it until {@code db stop}).
 *
 * <p>Layout of the data dir: {@code pg/} holds the cluster (its {@code postmaster.pid} names the
 * running server and its port), {@code db-password} the generated password of the database user
 * (mode 600), {@code clients/} one locked file per process using the server,
 * {@code ledgerbridge.lock} the lock held while a process starts, joins, leaves or stops the
 * server. The server listens on loopback
 * only and requires the password (scram-sha-256), and commits are durable
 * ({@code synchronous_commit=on}, fsync on): this is a ledger, not a test fixture.
 */
public final class EmbeddedLedgerDatabase implements AutoCloseable {

    public static final String DATABASE = "ledgerbridge";
    public static final String USER = "postgres";
    private static final String HBA_MARKER = "# LedgerBridge: loopback only, password required";
    private static final Duration LEAVE_WAIT = Duration.ofMinutes(2);

    /** The servers this process uses, by data dir: its commands and tests share one registration. */
    private static final Map<Path, Shared> IN_THIS_PROCESS = new HashMap<>();

    private final Shared shared;
    private boolean closed;

    private EmbeddedLedgerDatabase(Shared shared) {
        this.shared = shared;
    }

    /** What {@code db status} shows: the server, if it runs, and who uses it. */
    public record Status(Optional<PostgresServer.Running> server, List<LedgerClients.Client> clients) {
    }

    /** What {@link #stop} did. */
    public enum Stopped { STOPPED, NOT_RUNNING, STILL_IN_USE }

    public static EmbeddedLedgerDatabase start(Path dataDir, Duration lockWait) {
        return start(dataDir, lockWait, "LedgerBridge");
    }

    /** Connects to the data dir's running server, or starts it; {@code command} is what {@code db status} shows for this process. */
    public static EmbeddedLedgerDatabase start(Path dataDir, Duration lockWait, String command) {
        Path key = dataDir.toAbsolutePath().normalize();
        synchronized (IN_THIS_PROCESS) {
            Shared shared = IN_THIS_PROCESS.get(key);
            if (shared == null) {
                shared = Shared.join(key, lockWait, command);
                IN_THIS_PROCESS.put(key, shared);
            }
            shared.users++;
            return new EmbeddedLedgerDatabase(shared);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + shared.port + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return shared.password;
    }

    @Override
    public void close() {
        synchronized (IN_THIS_PROCESS) {
            if (closed) {
                return;
            }
            closed = true;
            if (--shared.users == 0) {
                IN_THIS_PROCESS.remove(shared.dataDir);
                shared.leave();
            }
        }
    }

    /** Stops the server unless a LedgerBridge process still uses it (then the last one to end stops it). */
    public static Stopped stop(Path dataDir, Duration lockWait) {
        Path key = dataDir.toAbsolutePath().normalize();
        synchronized (IN_THIS_PROCESS) {
            try (DataDirLock ignored = DataDirLock.acquire(key, lockWait)) {
                Path cluster = key.resolve("pg");
                if (PostgresServer.running(cluster).isEmpty()) {
                    PostgresServer.awaitStopped(cluster, Duration.ofSeconds(60)); // the last process left, and it may still be stopping
                    return Stopped.NOT_RUNNING;
                }
                if (IN_THIS_PROCESS.containsKey(key) || !LedgerClients.others(key).isEmpty()) {
                    return Stopped.STILL_IN_USE;
                }
                PostgresServer.stop(PostgresBinaries.bin(), cluster, true);
                return Stopped.STOPPED;
            } catch (IOException e) {
                throw new IllegalStateException("Cannot stop the server of " + dataDir + ": " + e.getMessage(), e);
            }
        }
    }

    public static Status status(Path dataDir) {
        Path key = dataDir.toAbsolutePath().normalize();
        try {
            return new Status(PostgresServer.running(key.resolve("pg")), LedgerClients.others(key));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the state of " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** One process's use of one data dir's server. */
    private static final class Shared {
        final Path dataDir;
        final int port;
        final String password;
        final LedgerClients.Registration registration;
        int users;

        private Shared(Path dataDir, int port, String password, LedgerClients.Registration registration) {
            this.dataDir = dataDir;
            this.port = port;
            this.password = password;
            this.registration = registration;
        }

        static Shared join(Path dataDir, Duration lockWait, String command) {
            try (DataDirLock ignored = DataDirLock.acquire(dataDir, lockWait)) {
                Path cluster = dataDir.resolve("pg");
                String password = passwordOf(dataDir);
                Optional<PostgresServer.Running> running = PostgresServer.running(cluster);
                int port;
                if (running.isPresent()) {
                    port = running.get().port();
                } else {
                    PostgresServer.awaitStopped(cluster, Duration.ofSeconds(60));
                    Path bin = PostgresBinaries.bin();
                    if (!Files.exists(cluster.resolve("postgresql.conf"))) {
                        org.springframework.util.FileSystemUtils.deleteRecursively(cluster); // a first start that did not finish
                        PostgresServer.initdb(bin, cluster);
                    }
                    port = PostgresServer.start(bin, cluster, settings()).port();
                    if (!isSecured(cluster)) {
                        secureFreshCluster(port, cluster, password);
                    }
                }
                return new Shared(dataDir, port, password, LedgerClients.register(dataDir, command));
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
            }
        }

        /** Ends this process's use; the server stops when nobody else uses it and nobody asked to keep it running. */
        void leave() {
            try (DataDirLock ignored = DataDirLock.acquire(dataDir, LEAVE_WAIT)) {
                registration.close();
                Path cluster = dataDir.resolve("pg");
                if (LedgerClients.others(dataDir).isEmpty()
                        && PostgresServer.running(cluster).isPresent()) {
                    PostgresServer.stop(PostgresBinaries.bin(), cluster, false);
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot stop the embedded PostgreSQL: " + e.getMessage(), e);
            }
        }
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("timezone", "UTC");
        settings.put("synchronous_commit", "on");
        settings.put("fsync", "on");
        settings.put("listen_addresses", "localhost");
        // the server, a few commands and the tests' contexts each keep a small pool
        settings.put("max_connections", "100");
        settings.put("shared_buffers", "512MB");
        // sorts of a million-line export stay in memory
        settings.put("work_mem", "64MB");
        // a million-row import writes a few GB of WAL: no checkpoint storm in the middle of it
        settings.put("max_wal_size", "8GB");
        return settings;
    }

    private static String passwordOf(Path dataDir) throws IOException {
        Path file = dataDir.resolve("db-password");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Files.writeString(file, password, StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the file keeps the folder's permissions
        }
        return password;
    }

    /**
     * initdb runs with trust authentication; before anybody else can connect, the superuser gets
     * the generated password, the ledger database is created, and pg_hba requires the password.
     */
    private static void secureFreshCluster(int port, Path cluster, String password) throws SQLException, IOException {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, USER, password);
             Statement sql = connection.createStatement()) {
            sql.execute("SET password_encryption = 'scram-sha-256'");
            // the password is 192 random bits: key stretching adds nothing to it, and 4,096 rounds cost
            // each connection about 80 ms of hashing on each side (most of a small command's connect)
            sql.execute("SET scram_iterations = 16");
            sql.execute("ALTER USER " + USER + " PASSWORD '" + password + "'");
            var existing = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!existing.next()) {
                // byte-order collation: codes sort the same everywhere and index keys compare without strcoll
                sql.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8' TEMPLATE template0");
            }
            Files.writeString(cluster.resolve("pg_hba.conf"), """
                    %s
                    local   all   all                  scram-sha-256
                    host    all   all   127.0.0.1/32   scram-sha-256
                    host    all   all   ::1/128        scram-sha-256
                    """.formatted(HBA_MARKER), StandardCharsets.US_ASCII);
            sql.execute("SELECT pg_reload_conf()");
        }
    }

    private static boolean isSecured(Path cluster) throws IOException {
        Path hba = cluster.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readString(hba, StandardCharsets.US_ASCII).startsWith(HBA_MARKER);
    }
}
