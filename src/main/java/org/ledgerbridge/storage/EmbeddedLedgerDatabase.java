package org.ledgerbridge.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

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
import java.util.HexFormat;
import java.util.Optional;

/**
 * The PostgreSQL server LedgerBridge runs when no external database is configured.
 *
 * <p>Layout of the data dir: {@code pg/} holds the cluster, {@code db-password} the generated
 * password of the database user (mode 600), {@code ledgerbridge.lock} the owner's pid. The server
 * listens on loopback only and requires that password (scram-sha-256), and commits are durable
 * ({@code synchronous_commit=on}, fsync on): this is a ledger, not a test fixture.
 */
public final class EmbeddedLedgerDatabase implements AutoCloseable {

    public static final String DATABASE = "ledgerbridge";
    public static final String USER = "postgres";
    private static final String HBA_MARKER = "# LedgerBridge: loopback only, password required";

    private final DataDirLock lock;
    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedLedgerDatabase(DataDirLock lock, EmbeddedPostgres postgres, String password) {
        this.lock = lock;
        this.postgres = postgres;
        this.password = password;
    }

    public static EmbeddedLedgerDatabase start(Path dataDir, Duration lockWait) {
        DataDirLock lock = DataDirLock.acquire(dataDir, lockWait);
        try {
            Path cluster = dataDir.resolve("pg");
            String password = passwordOf(dataDir);
            stopOrphanedServer(cluster);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("shared_buffers", "512MB")
                    // sorts of a million-line export stay in memory
                    .setServerConfig("work_mem", "64MB")
                    // a million-row import writes a few GB of WAL: no checkpoint storm in the middle of it
                    .setServerConfig("max_wal_size", "8GB")
                    .setConnectConfig("password", password)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            if (!isSecured(cluster)) {
                secureFreshCluster(postgres, cluster, password);
            }
            return new EmbeddedLedgerDatabase(lock, postgres, password);
        } catch (IOException | SQLException | RuntimeException e) {
            lock.close();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot stop the embedded PostgreSQL", e);
        } finally {
            lock.close();
        }
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
    private static void secureFreshCluster(EmbeddedPostgres postgres, Path cluster, String password)
            throws SQLException, IOException {
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, USER, password);
             Statement sql = connection.createStatement()) {
            sql.execute("SET password_encryption = 'scram-sha-256'");
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

    /**
     * A LedgerBridge process killed with -9 leaves its PostgreSQL running. We hold the data dir
     * lock, so that server has no owner: stop it so ours can start on the same files.
     */
    private static void stopOrphanedServer(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
        Optional<ProcessHandle> orphan;
        try {
            orphan = ProcessHandle.of(Long.parseLong(firstLine));
        } catch (NumberFormatException e) {
            return;
        }
        orphan.filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .ifPresent(p -> {
                    System.err.println("Stopping an orphaned PostgreSQL (pid " + p.pid() + ") left by a crashed run ...");
                    p.destroy(); // SIGTERM: smart shutdown, its clients are gone
                    p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
                });
    }
}
