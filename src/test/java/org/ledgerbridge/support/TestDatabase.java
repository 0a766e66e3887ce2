package org.ledgerbridge.support;

import org.ledgerbridge.storage.EmbeddedLedgerDatabase;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded PostgreSQL for the whole test run; every test context gets a database of
 * its own on it, so tests never see each other's ledgers.
 */
public final class TestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedLedgerDatabase server;

    private TestDatabase() {
    }

    public static synchronized EmbeddedLedgerDatabase server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("ledgerbridge-test-db");
                server = EmbeddedLedgerDatabase.start(dir, Duration.ofSeconds(5));
                EmbeddedLedgerDatabase started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    deleteInTheBackground(dir); // a test run leaves no server data behind (each run's was 1-3 GB)
                }));
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::reportASlowExit));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /**
     * Surefire kills a test JVM that takes 30 s to exit after its tests: what its threads were doing
     * at 20 s goes to the log, so the slow shutdown hook can be named.
     */
    private static void reportASlowExit() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                return;
            }
            StringBuilder dump = new StringBuilder("The test JVM is still exiting after 20 s; its threads:\n");
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
                for (StackTraceElement frame : stack) {
                    dump.append("    at ").append(frame).append('\n');
                }
            });
            System.err.println(dump);
        }, "slow-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /**
     * Deleting the run's 1-3 GB of server files took over 30 s on the CI machine, and Surefire kills a
     * test JVM that takes 30 s to exit: a process of its own deletes them once the server has
     * stopped, and the JVM exits at once. Where no shell can be started, they are deleted here.
     */
    private static void deleteInTheBackground(Path dir) {
        try {
            new ProcessBuilder("sh", "-c", "for i in $(seq 300); do [ -e \"$0/pg/postmaster.pid\" ] || break; sleep 0.2; done; rm -rf \"$0\"",
                    dir.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException noShell) {
            deleteWhenStopped(dir);
        }
    }

    /** The server may still write its last files for a moment after it was told to stop: delete until nothing is left. */
    private static void deleteWhenStopped(Path dir) {
        for (int attempt = 0; attempt < 50 && Files.exists(dir); attempt++) {
            try {
                org.springframework.util.FileSystemUtils.deleteRecursively(dir);
            } catch (IOException retried) {
                // a file appeared or went while walking the tree: try again
            }
            if (Files.exists(dir)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (Files.exists(dir)) {
            System.err.println("could not delete " + dir + ": the embedded server did not stop");
        }
    }

    /**
     * The coordinator of a Citus cluster the tests run on instead of the embedded server
     * ({@code -Dledgerbridge.test.citus=host:port}, the {@code citus} Maven profile with
     * {@code bench/citus start}): each test database is created on every node, and the ledger's
     * migrations distribute its tables.
     */
    static final String CITUS = System.getProperty("ledgerbridge.test.citus", "");

    public static String user() {
        return CITUS.isEmpty() ? server().user() : "postgres";
    }

    public static String password() {
        return CITUS.isEmpty() ? server().password() : "";
    }

    /** A new, empty database; its JDBC URL. */
    public static String newDatabaseUrl() {
        if (!CITUS.isEmpty()) {
            return CitusDatabases.create("test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet(), CITUS);
        }
        EmbeddedLedgerDatabase db = server();
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return db.jdbcUrl().replace("/" + EmbeddedLedgerDatabase.DATABASE, "/" + name);
    }

    /** A new, empty database, as a plain data source (no pool). */
    public static javax.sql.DataSource newDataSource() {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(newDatabaseUrl());
        dataSource.setUser(user());
        dataSource.setPassword(password());
        return dataSource;
    }

    /** A new database copied from {@code template} (which nobody may be connected to); its JDBC URL. */
    public static String copyOf(String templateUrl, String name) {
        String template = templateUrl.substring(templateUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        if (!CITUS.isEmpty()) {
            return CitusDatabases.copy(template, name, CITUS);
        }
        EmbeddedLedgerDatabase db = server();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name);
            c.createStatement().execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return db.jdbcUrl().replace("/" + EmbeddedLedgerDatabase.DATABASE, "/" + name);
    }

    /** Points a Spring test context at a fresh database. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "spring.datasource.url=" + newDatabaseUrl(),
                    "spring.datasource.username=" + user(),
                    "spring.datasource.password=" + password()
            ).applyTo(context.getEnvironment());
        }
    }
}
