package org.ledgerbridge.storage;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.support.TestDatabase;
import org.postgresql.ds.PGSimpleDataSource;

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

    private static DataSource newDatabase() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(TestDatabase.newDatabaseUrl());
        dataSource.setUser(TestDatabase.server().user());
        dataSource.setPassword(TestDatabase.server().password());
        return dataSource;
    }

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
        DataSource ledger = newDatabase();
        assertThat(LedgerSchema.upToDate(ledger)).as("no schema history yet").isFalse();

        LedgerSchema.bringUpToDate(ledger);
        long applied = count(ledger, "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL");
        long migrations;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        assertThat(applied).isEqualTo(migrations);
        assertThat(LedgerSchema.upToDate(ledger)).isTrue();

        LedgerSchema.bringUpToDate(ledger);
        assertThat(count(ledger, "SELECT count(*) FROM flyway_schema_history")).isEqualTo(applied);
    }

    @Test
    void a_ledger_behind_this_version_or_with_a_failed_migration_goes_to_flyway() throws Exception {
        DataSource ledger = newDatabase();
        LedgerSchema.bringUpToDate(ledger);
        String newest = LedgerSchema.newestMigration().orElseThrow().getVersion();

        execute(ledger, "UPDATE flyway_schema_history SET success = false WHERE version = '" + newest + "'");
        assertThat(LedgerSchema.upToDate(ledger)).as("the newest migration failed").isFalse();

        execute(ledger, "DELETE FROM flyway_schema_history WHERE version = '" + newest + "'");
        assertThat(LedgerSchema.upToDate(ledger)).as("the newest migration is not applied").isFalse();
    }
}
