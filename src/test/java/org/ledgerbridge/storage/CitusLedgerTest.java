package org.ledgerbridge.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ledgerbridge.support.TestDatabase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a Citus coordinator the migrations end with the ledger distributed by financial entity: what
 * {@code citus_tables} shows, and the database settings the ledger needs there, given again to a
 * database that lost them (a copy, a restore). Runs only on the cluster ({@code -Pcitus}).
 */
@EnabledIfSystemProperty(named = "ledgerbridge.test.citus", matches = ".+")
class CitusLedgerTest {

    @Test
    void an_entitys_tables_are_distributed_by_the_entity_together_and_the_small_shared_ones_are_on_every_node() throws Exception {
        DataSource ledger = TestDatabase.newDataSource();
        LedgerSchema.bringUpToDate(ledger);

        Map<String, String> kinds = new HashMap<>();
        Set<Long> colocations = new HashSet<>();
        try (Connection c = ledger.getConnection(); ResultSet tables = c.createStatement().executeQuery(
                "SELECT table_name::text, citus_table_type, distribution_column, colocation_id FROM citus_tables")) {
            while (tables.next()) {
                String kind = tables.getString(2);
                kinds.put(tables.getString(1), kind.equals("distributed") ? "distributed by " + tables.getString(3) : kind);
                if (kind.equals("distributed")) {
                    colocations.add(tables.getLong(4));
                }
            }
        }
        for (String table : CitusLedger.DISTRIBUTED_TABLES) {
            assertThat(kinds).as(table).containsEntry(table, "distributed by entity_code");
        }
        for (String table : CitusLedger.REFERENCE_TABLES) {
            assertThat(kinds).as(table).containsEntry(table, "reference");
        }
        assertThat(colocations).as("one co-location group: an entity's rows share a node").hasSize(1);
        assertThat(kinds).doesNotContainKeys("import_run", "audit_event", "gl_export"); // the coordinator's own
    }

    @Test
    void a_database_that_lost_its_settings_gets_them_again_on_the_next_start() throws Exception {
        DataSource ledger = TestDatabase.newDataSource();
        LedgerSchema.bringUpToDate(ledger);
        assertThat(setting(ledger)).isEqualTo("sequential");
        try (Connection c = ledger.getConnection()) {
            c.createStatement().execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET ALL', current_database()); END $$");
        }
        assertThat(setting(ledger)).as("as a copy or a restore has it").isNotEqualTo("sequential");

        LedgerSchema.bringUpToDate(ledger); // a command's start: the schema is up to date, nothing migrates

        assertThat(setting(ledger)).isEqualTo("sequential");
    }

    @Test
    void a_ledger_an_earlier_version_distributed_gets_the_tables_this_version_distributes_on_its_next_start() throws Exception {
        DataSource ledger = TestDatabase.newDataSource();
        LedgerSchema.bringUpToDate(ledger);
        try (Connection c = ledger.getConnection()) {
            // as the version before export marks were distributed left it: a table of the coordinator, keyed by journal
            c.createStatement().execute("SELECT undistribute_table('journal_export')");
            c.createStatement().execute("ALTER TABLE journal_export DROP CONSTRAINT journal_export_pkey, ADD PRIMARY KEY (journal_id)");
        }
        assertThat(CitusLedger.distributed(ledger)).isFalse();

        LedgerSchema.bringUpToDate(ledger);

        assertThat(CitusLedger.distributed(ledger)).isTrue();
        try (Connection c = ledger.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT distribution_column FROM citus_tables WHERE table_name = 'journal_export'::regclass")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("entity_code");
        }
    }

    private static String setting(DataSource ledger) throws SQLException {
        try (Connection c = ledger.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT current_setting('citus.multi_shard_modify_mode')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
