package org.ledgerbridge.storage;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A ledger on a Citus cluster (docs/scaling.md): when the database has the {@code citus} extension,
 * the migrations end by distributing the tables an entity owns by {@code entity_code}, co-located so
 * that a journal, its lines, an entity's documents and their applications share a node, and by making
 * the small tables every node reads reference tables. It runs once, in one transaction; on one
 * PostgreSQL server it does nothing.
 *
 * <p>Citus needs the distribution column in every key of a distributed table, so the keys of
 * journals, lines, applications, payments and journal numbers gain the entity here (on one server
 * they stay without it: a text column in front of an id cost a million-payment import seconds). The
 * ledger's rules are trigger functions that read the tables beside their own shard
 * ({@code ledger_shard_groups} in the rules); the triggers are switched off while Citus moves the
 * rows into the shards, which were checked when they were written.
 */
@Component
public final class CitusLedger implements Callback {

    /** Small, written rarely, read by every node's rules and joins. */
    static final List<String> REFERENCE_TABLES = List.of("financial_entity", "account", "party", "payment_method", "batch",
            "period_close", "tax_zone", "tax_category", "ledger_setting", "migration_mode", "gl_target", "gl_account", "gl_target_mapping");
    /** Owned by one entity each, distributed by it; the first is the one the others are co-located with. */
    static final List<String> DISTRIBUTED_TABLES = List.of("journal", "journal_line", "document", "application", "payment",
            "order_reference", "posted_journal_number", "journal_number", "batch_day_total", "batch_account_total", "sent_day_total", "journal_export");
    /** The keys that gain the entity on the cluster, by table (on one server they stay as V8 left them). */
    private static final Map<String, List<String>> KEYS_WITH_THE_ENTITY = Map.of(
            "journal", List.of("ALTER TABLE journal DROP CONSTRAINT journal_pkey, ADD PRIMARY KEY (entity_code, id)",
                    "DROP INDEX journal_reversed_once",
                    "CREATE UNIQUE INDEX journal_reversed_once ON journal (entity_code, reverses_journal_id) WHERE reverses_journal_id IS NOT NULL"),
            "journal_line", List.of("ALTER TABLE journal_line DROP CONSTRAINT journal_line_pkey, ADD PRIMARY KEY (entity_code, journal_id, line_no)"),
            "application", List.of("ALTER TABLE application DROP CONSTRAINT application_pkey, ADD PRIMARY KEY (entity_code, id)"),
            "payment", List.of("ALTER TABLE payment DROP CONSTRAINT payment_pkey, ADD PRIMARY KEY (entity_code, import_run_id, row_no)"),
            "posted_journal_number", List.of(
                    "ALTER TABLE posted_journal_number DROP CONSTRAINT posted_journal_number_pkey, ADD PRIMARY KEY (entity_code, journal_id)"),
            "journal_export", List.of("ALTER TABLE journal_export DROP CONSTRAINT journal_export_pkey, ADD PRIMARY KEY (entity_code, journal_id)"));

    /** The database's settings on the cluster; the last one tells they were given ({@link #settled}). */
    private static final List<String> SETTINGS = List.of(
            forTheDatabase("citus.enable_unsafe_triggers = on"),
            // a ledger's transaction writes batches (a reference table) after reading or writing journals on many
            // shards: Citus allows it when the shards were reached one connection per node
            forTheDatabase("citus.max_adaptive_executor_pool_size = 1"),
            forTheDatabase("citus.multi_shard_modify_mode = 'sequential'"));

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        distributeWhenOnCitus(context.getConfiguration().getDataSource());
    }

    @Override
    public String getCallbackName() {
        return "Citus distribution";
    }

    /**
     * Distributes the ledger's tables when the database is a Citus coordinator and they are not
     * distributed yet (those a later version added, on a ledger an earlier one distributed), and gives the database the settings the ledger needs there when it lacks them
     * (a database copied or restored from another has its tables but not its settings).
     */
    public static void distributeWhenOnCitus(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!onCitus(statement)) {
                return;
            }
            Set<String> undistributed = undistributed(statement);
            boolean settling = !settled(statement);
            if (undistributed.isEmpty() && !settling) {
                return;
            }
            connection.setAutoCommit(false);
            try {
                for (String sql : undistributed.isEmpty() ? SETTINGS : distribution(undistributed)) {
                    statement.execute(sql);
                }
                connection.commit();
                if (dataSource instanceof com.zaxxer.hikari.HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
                    pool.getHikariPoolMXBean().softEvictConnections(); // the database's new settings apply to new connections
                }
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot distribute the ledger's tables on the Citus cluster: " + e.getMessage(), e);
        }
    }

    /** Whether the ledger's tables are distributed over a Citus cluster. */
    static boolean distributed(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return onCitus(statement) && undistributed(statement).isEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The steps that distribute {@code tables} (all of them on a new ledger; on a ledger an earlier
     * version distributed, the tables it did not know yet).
     */
    static List<String> distribution(Set<String> tables) {
        List<String> steps = new ArrayList<>();
        // Citus creates a distributed table's triggers on its shards only with this on (the rules are shard-local)
        steps.add("SET LOCAL citus.enable_unsafe_triggers = on");
        steps.addAll(SETTINGS);
        for (String table : DISTRIBUTED_TABLES) {
            if (tables.contains(table)) {
                steps.addAll(KEYS_WITH_THE_ENTITY.getOrDefault(table, List.of()));
            }
        }
        for (String table : REFERENCE_TABLES) {
            if (tables.contains(table)) {
                steps.addAll(movedWithoutTriggers(table, "create_reference_table('" + table + "')"));
            }
        }
        String colocatedWith = DISTRIBUTED_TABLES.get(0);
        for (String table : DISTRIBUTED_TABLES.stream().filter(tables::contains).toList()) {
            String colocation = table.equals(colocatedWith) ? "" : ", colocate_with => '" + colocatedWith + "'";
            steps.addAll(movedWithoutTriggers(table, "create_distributed_table('" + table + "', 'entity_code'" + colocation + ")"));
        }
        return steps;
    }

    private static String forTheDatabase(String setting) {
        return "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET " + setting.replace("'", "''") + "', current_database()); END $$";
    }

    private static List<String> movedWithoutTriggers(String table, String distribute) {
        return List.of("ALTER TABLE " + table + " DISABLE TRIGGER USER",
                "SELECT " + distribute,
                // the coordinator's own copy of the rows, now in the shards
                "SELECT truncate_local_data_after_distributing_table('" + table + "')",
                "ALTER TABLE " + table + " ENABLE TRIGGER USER");
    }

    private static boolean onCitus(Statement statement) throws SQLException {
        try (ResultSet citus = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')")) {
            citus.next();
            return citus.getBoolean(1);
        }
    }

    private static boolean settled(Statement statement) throws SQLException {
        try (ResultSet mode = statement.executeQuery("SELECT current_setting('citus.multi_shard_modify_mode') = 'sequential'")) {
            mode.next();
            return mode.getBoolean(1);
        }
    }

    /** The ledger's tables Citus does not know yet. */
    private static Set<String> undistributed(Statement statement) throws SQLException {
        Set<String> tables = new LinkedHashSet<>(REFERENCE_TABLES);
        tables.addAll(DISTRIBUTED_TABLES);
        try (ResultSet known = statement.executeQuery("SELECT logicalrelid::regclass::text FROM pg_dist_partition")) {
            while (known.next()) {
                tables.remove(known.getString(1));
            }
        }
        return tables;
    }
}
