package org.ledgerbridge.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.support.Samples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedLedgerDatabaseTest {

    @TempDir
    Path dataDir;

    private int ledgerbridge(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return org.ledgerbridge.cli.LedgerBridgeCli.execute(all, quiet, quiet);
    }

    @Test
    void the_ledger_survives_a_restart_in_its_data_dir_and_needs_its_password() throws Exception {
        assertThat(ledgerbridge("import", "entities", Samples.file("entities.csv").toString())).isZero();
        assertThat(Files.readString(dataDir.resolve("db-password"))).hasSizeGreaterThan(20);

        // a second process start: same bytes are recognised as already imported
        assertThat(ledgerbridge("import", "entities", Samples.file("entities.csv").toString())).isZero();

        try (EmbeddedLedgerDatabase db = EmbeddedLedgerDatabase.start(dataDir, Duration.ofSeconds(5))) {
            try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 var rs = c.createStatement().executeQuery("SELECT count(*), current_setting('synchronous_commit') FROM financial_entity")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
                assertThat(rs.getString(2)).isEqualTo("on");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), "wrong password"))
                    .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void a_second_process_on_the_same_data_dir_is_told_the_ledger_is_in_use() {
        try (EmbeddedLedgerDatabase first = EmbeddedLedgerDatabase.start(dataDir, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> EmbeddedLedgerDatabase.start(dataDir, Duration.ofMillis(300)))
                    .isInstanceOf(LedgerInUseException.class)
                    .hasMessageContaining("is in use by another LedgerBridge process");
            assertThat(ledgerbridge("--lock-wait", "0", "check")).isEqualTo(4);
        }
        assertThat(ledgerbridge("check")).isZero();
    }
}
