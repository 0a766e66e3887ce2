package org.ledgerbridge.storage;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.support.TestDatabase;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A command brings the ledger's schema to this version's migrations, and reads one table when it is there already. */
class LedgerSchemaTest {

    private static long count(DataSource dataSource, String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); var rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(DataSource dataSource, String statement) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute(statement);
        }
    }

    @Test
    void the_newest_migration_is_the_highest_numbered_file_this_version_ships() throws IOException {
        MigrationVersion highest;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            highest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> MigrationVersion.fromVersion(n.substring(1, n.indexOf("__")))).max(MigrationVersion::compareTo).orElseThrow();
        }
        assertThat(LedgerSchema.newestMigration()).contains(highest);
    }

    @Test
    void a_new_database_gets_every_migration_and_the_next_command_runs_none() throws Exception {
        DataSource ledger = TestDatabase.newDataSource();
        assertThat(LedgerSchema.upToDate(ledger)).as("no schema history yet").isFalse();

        LedgerSchema.bringUpToDate(ledger);
        long applied = count(ledger, "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL");
        long migrations;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        assertThat(applied).isEqualTo(migrations);
        assertThat(LedgerSchema.upToDate(ledger)).isTrue();
        long history = count(ledger, "SELECT count(*) FROM flyway_schema_history");

        LedgerSchema.bringUpToDate(ledger);
        assertThat(count(ledger, "SELECT count(*) FROM flyway_schema_history")).isEqualTo(history);
    }

    @Test
    void the_ledger_rules_are_applied_after_the_versioned_migrations_and_again_when_they_change() throws Exception {
        DataSource ledger = TestDatabase.newDataSource();
        LedgerSchema.bringUpToDate(ledger);
        assertThat(LedgerSchema.repeatableMigrations()).extracting(r -> r.getFilename()).containsExactly("R__ledger_rules.sql");
        assertThat(count(ledger, "SELECT checksum FROM flyway_schema_history WHERE script = 'R__ledger_rules.sql'"))
                .as("our checksum of the file is Flyway's").isEqualTo(LedgerSchema.checksumOf(LedgerSchema.repeatableMigrations()[0]));

        // a ledger whose rules are older than this version's: Flyway runs, and puts this version's back
        execute(ledger, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE script = 'R__ledger_rules.sql'");
        execute(ledger, "CREATE OR REPLACE FUNCTION ledger_tables_are_not_truncated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$");
        assertThat(LedgerSchema.upToDate(ledger)).as("the rules changed since they were applied").isFalse();

        LedgerSchema.bringUpToDate(ledger);
        assertThat(LedgerSchema.upToDate(ledger)).isTrue();
        assertThat(count(ledger, "SELECT count(*) FROM pg_proc WHERE proname = 'ledger_tables_are_not_truncated' AND prosrc LIKE '%RAISE EXCEPTION%'"))
                .isEqualTo(1);
    }

    @Test
    void every_trigger_function_is_defined_in_the_ledger_rules_file_and_nowhere_after_it() throws Exception {
        DataSource ledger = TestDatabase.newDataSource();
        LedgerSchema.bringUpToDate(ledger);
        String rules = Files.readString(Path.of("src/main/resources/db/migration/R__ledger_rules.sql"));
        try (Connection c = ledger.getConnection(); var rs = c.createStatement().executeQuery(
                "SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1")) {
            while (rs.next()) {
                assertThat(rules).as(rs.getString(1)).contains("CREATE OR REPLACE FUNCTION " + rs.getString(1) + "(");
            }
        }
        // V1 to V20 are history; a function defined by a later versioned migration would differ from the file
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).toList()) {
                String name = file.getFileName().toString();
                if (Integer.parseInt(name.substring(1, name.indexOf("__"))) > 20) {
                    assertThat(Files.readString(file)).as(name).doesNotContainPattern("(?i)CREATE\\s+(OR\\s+REPLACE\\s+)?FUNCTION");
                }
            }
        }
    }

    @Test
    void a_ledger_behind_this_version_or_with_a_failed_migration_goes_to_flyway() throws Exception {
        DataSource ledger = TestDatabase.newDataSource();
        LedgerSchema.bringUpToDate(ledger);
        String newest = LedgerSchema.newestMigration().orElseThrow().getVersion();

        execute(ledger, "UPDATE flyway_schema_history SET success = false WHERE version = '" + newest + "'");
        assertThat(LedgerSchema.upToDate(ledger)).as("the newest migration failed").isFalse();

        execute(ledger, "DELETE FROM flyway_schema_history WHERE version = '" + newest + "'");
        assertThat(LedgerSchema.upToDate(ledger)).as("the newest migration is not applied").isFalse();
    }
}
