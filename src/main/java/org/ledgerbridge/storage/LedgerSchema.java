package org.ledgerbridge.storage;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The ledger's tables brought to this version's migrations ({@code db/migration}, applied by
 * Flyway) before a command uses them. A command in its own process first reads the schema
 * history: when the ledger is already at the newest migration, as it is after the first command,
 * nothing else runs (Flyway's set-up and its validation of every migration cost half a second
 * of a small command's start). {@code serve} runs Flyway itself at every start, with its validation.
 */
public final class LedgerSchema {

    static final String MIGRATIONS = "classpath:db/migration";

    private LedgerSchema() {
    }

    public static void bringUpToDate(DataSource dataSource) {
        if (!upToDate(dataSource)) {
            Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).callbacks(new CitusLedger()).load().migrate();
        } else {
            CitusLedger.distributeWhenOnCitus(dataSource); // a copy of a database (a restore, a template) lacks its settings
        }
    }

    /** Every migration this version has is applied and none failed. */
    static boolean upToDate(DataSource dataSource) {
        Optional<MigrationVersion> newest = newestMigration();
        if (newest.isEmpty()) {
            return true;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            MigrationVersion applied = null;
            try (ResultSet history = statement.executeQuery("select to_regclass('flyway_schema_history') is not null")) {
                history.next();
                if (!history.getBoolean(1)) {
                    return false;
                }
            }
            try (ResultSet history = statement.executeQuery("select version, success from flyway_schema_history where version is not null")) {
                while (history.next()) {
                    if (!history.getBoolean(2)) {
                        return false; // Flyway says what failed
                    }
                    MigrationVersion version = MigrationVersion.fromVersion(history.getString(1));
                    applied = applied == null || version.compareTo(applied) > 0 ? version : applied;
                }
            }
            if (applied == null || applied.compareTo(newest.get()) < 0) {
                return false;
            }
            for (Resource rules : repeatableMigrations()) {
                try (var last = connection.prepareStatement("""
                        select checksum from flyway_schema_history
                         where version is null and script = ? and success order by installed_rank desc limit 1""")) {
                    last.setString(1, rules.getFilename());
                    try (ResultSet checksum = last.executeQuery()) {
                        if (!checksum.next() || checksum.getInt(1) != checksumOf(rules)) {
                            return false; // the rules changed since they were applied: Flyway applies them again
                        }
                    }
                }
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the ledger's schema history: " + e.getMessage(), e);
        }
    }

    /** {@code R__<description>.sql}: the ledger's rules, applied again by Flyway whenever the file changes. */
    static Resource[] repeatableMigrations() {
        try {
            return new PathMatchingResourcePatternResolver(LedgerSchema.class.getClassLoader()).getResources(MIGRATIONS + "/R__*.sql");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flyway's checksum of a migration file: CRC-32 of its lines without their line breaks (and without a byte order mark). */
    static int checksumOf(Resource migration) {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(migration.getInputStream(), StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }

    /** The highest version among the migration files {@code V<version>__<description>.sql} this version ships. */
    static Optional<MigrationVersion> newestMigration() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver(LedgerSchema.class.getClassLoader())
                    .getResources(MIGRATIONS + "/V*__*.sql");
            return Stream.of(files).map(Resource::getFilename).filter(Objects::nonNull)
                    .map(name -> MigrationVersion.fromVersion(name.substring(1, name.indexOf("__")).replace('_', '.')))
                    .max(Comparator.naturalOrder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
