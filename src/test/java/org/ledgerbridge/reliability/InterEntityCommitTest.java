package org.ledgerbridge.reliability;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.ledger.LedgerCheck;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.TrialBalanceLine;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a Citus cluster an inter-entity payment writes two entities, whose journals live on two
 * workers: the cluster commits them with two-phase commit. The coordinator is killed (SIGKILL)
 * after one worker has prepared its half and while the other is still preparing; once it is back
 * and Citus has recovered its prepared transactions, neither entity holds any of the payment, and
 * the same import then commits both halves. Runs only on the cluster ({@code -Pcitus}), on this machine.
 */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS) // an empty ledger, whatever class ran before
@EnabledIfSystemProperty(named = "ledgerbridge.test.citus", matches = ".+")
class InterEntityCommitTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    /** BMC's member pays BMC's invoice to PSAB's Visa account: PSAB takes the cash, BMC the receivable. */
    private static final String PAYMENT = """
            BILL_TO_ID,AMOUNT,PAYMENT_METHOD_ID,DATE,CHECK_NUMBER,INVOICE_NUMBERS,INVOICE_TYPES,SOURCE_SYSTEMS,IS_PREPAYMENT
            100233,1000.00,VISA,2026-11-03,,,,,
            """;

    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired LedgerReports reports;
    @Autowired LedgerCheck check;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;
    private String database;
    private Connection hold;

    @BeforeEach
    void the_boroughs_owe_their_migrated_invoices() {
        Samples.withOpenInvoices(imports, migrationMode, migrated, TODAY);
        database = jdbc.sql("SELECT current_database()").query(String.class).single();
    }

    @Test
    void a_coordinator_crash_between_the_two_entities_halves_of_a_payment_leaves_neither() throws Exception {
        String cash = worker("PSAB");
        String receivable = worker("BMC");
        assertThat(cash).as("the two entities' journals live on two workers").isNotEqualTo(receivable);
        Map<String, BigDecimal> psabBefore = balances("PSAB");
        Map<String, BigDecimal> bmcBefore = balances("BMC");
        long journalsBefore = jdbc.sql("SELECT count(*) FROM journal").query(Long.class).single();
        holdPreparesOf("PSAB", cash);

        Path file = Files.writeString(dir.resolve("payment.csv"), PAYMENT);
        ExecutorService importing = Executors.newSingleThreadExecutor();
        try {
            Future<?> running = importing.submit(() -> imports.run("payments", file, ImportOptions.of(TODAY, "tester")));
            await(() -> preparedOn(receivable) > 0, "BMC's half prepared");
            killCoordinatorBackendsOf(database);
            release();
            finished(running);
        } finally {
            importing.shutdownNow();
        }
        await(() -> preparedOn(cash) > 0 || holdsNone(cash), "PSAB's worker done with its prepare");
        await(this::coordinatorAnswers, "the coordinator back");
        jdbc.sql("SELECT recover_prepared_transactions()").query(Integer.class).single();

        assertThat(preparedOn(cash) + preparedOn(receivable)).as("prepared transactions left").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM journal").query(Long.class).single()).isEqualTo(journalsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM payment").query(Long.class).single()).isZero();
        assertThat(balances("PSAB")).isEqualTo(psabBefore);
        assertThat(balances("BMC")).isEqualTo(bmcBefore);
        assertThat(check.run()).isEmpty();

        onWorker(cash, "DROP TRIGGER hold_prepare ON " + shard("PSAB"));
        imports.run("payments", file, ImportOptions.of(TODAY, "tester"));
        assertThat(balances("PSAB")).containsEntry("1050", new BigDecimal("1000.00")).containsEntry("1900", new BigDecimal("-1000.00"));
        assertThat(balances("BMC")).containsEntry("1900", new BigDecimal("1000.00"));
        assertThat(check.run()).isEmpty();
    }

    private Map<String, BigDecimal> balances(String entity) {
        return reports.trialBalance(entity, true).stream().collect(Collectors.toMap(TrialBalanceLine::account, TrialBalanceLine::balance));
    }

    /** host:port of the worker holding {@code entity}'s journals. */
    private String worker(String entity) {
        return jdbc.sql("""
                        SELECT nodename || ':' || nodeport FROM pg_dist_shard_placement
                         WHERE shardid = get_shard_id_for_distribution_column('journal', ?)""")
                .param(entity).query(String.class).single();
    }

    private String shard(String entity) {
        return jdbc.sql("SELECT 'journal_' || get_shard_id_for_distribution_column('journal', ?)").param(entity).query(String.class).single();
    }

    /**
     * Journals written to {@code entity}'s shard make that worker's PREPARE TRANSACTION wait for an
     * advisory lock this test holds there until {@link #release}. The function is made on the
     * coordinator (Citus makes it on every node; a worker refuses to), the trigger on the shard.
     */
    private void holdPreparesOf(String entity, String worker) throws SQLException {
        jdbc.sql("""
                CREATE FUNCTION hold_prepare() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock_shared(4242);
                    RETURN NULL;
                END $$""").update();
        onWorker(worker, "CREATE CONSTRAINT TRIGGER hold_prepare AFTER INSERT ON " + shard(entity)
                + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hold_prepare()");
        hold = DriverManager.getConnection("jdbc:postgresql://" + worker + "/" + database, "postgres", "");
        hold.createStatement().execute("SELECT pg_advisory_lock(4242)");
    }

    private void release() throws SQLException {
        hold.close(); // its session's advisory lock with it
    }

    private boolean holdsNone(String worker) {
        return query(worker, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'PREPARE TRANSACTION%'"
                + " AND state = 'active'") == 0;
    }

    private long preparedOn(String worker) {
        return query(worker, "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()");
    }

    /** SIGKILL to the coordinator's backends of this database: PostgreSQL restarts the whole server, as after a crash. */
    private void killCoordinatorBackendsOf(String database) throws Exception {
        List<Long> pids = jdbc.sql("""
                        SELECT pid FROM pg_stat_activity
                         WHERE datname = ? AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND state = 'active'""")
                .param(database).query(Long.class).list();
        assertThat(pids).as("the import's backend on the coordinator").isNotEmpty();
        for (long pid : pids) {
            assertThat(new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor()).isZero();
        }
    }

    private boolean coordinatorAnswers() {
        try {
            return jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void onWorker(String worker, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + worker + "/" + database, "postgres", "")) {
            c.createStatement().execute(sql);
        }
    }

    private long query(String worker, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + worker + "/" + database, "postgres", "");
             var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The import ends, with a failure or with a report of one: its connection is gone. */
    private static void finished(Future<?> running) throws InterruptedException {
        try {
            running.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            // expected: the coordinator went in the middle of the commit
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the import neither committed nor failed", e);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited a minute for " + what);
            }
            Thread.sleep(50);
        }
    }
}
