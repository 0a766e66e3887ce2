package org.ledgerbridge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.support.Cli;
import org.ledgerbridge.support.Samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `mapping save|list|show|delete` keep column mappings in the ledger; `import --mapping-profile NAME` uses one. */
class MappingCommandTest {

    @TempDir
    Path dir;

    @Test
    void a_mapping_saved_once_imports_a_legacy_file_by_name_and_is_listed_shown_and_deleted() throws IOException {
        Cli cli = Cli.onFreshLedger("2026-11-21");
        for (String kind : new String[]{"entities", "accounts", "parties"}) {
            assertThat(cli.run("import", kind, Samples.file(kind + ".csv").toString()).exitCode()).isZero();
        }
        Path profile = Files.writeString(dir.resolve("legacy.yaml"), org.ledgerbridge.support.LegacyOpeningBalances.PROFILE);
        Path file = Files.writeString(dir.resolve("legacy-ob.csv"), org.ledgerbridge.support.LegacyOpeningBalances.FILE);

        Cli.Result saved = cli.run("mapping", "save", "legacy", profile.toString());
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        assertThat(saved.out()).contains("mapping profile legacy saved");
        assertThat(cli.run("mapping", "save", "legacy", profile.toString()).out()).contains("mapping profile legacy replaced");
        assertThat(cli.run("mapping", "list").out()).contains("legacy");
        assertThat(cli.run("mapping", "show", "legacy").out()).isEqualTo(org.ledgerbridge.support.LegacyOpeningBalances.PROFILE);

        Cli.Result imported = cli.run("import", "opening-balances", file.toString(), "--mapping-profile", "legacy");
        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
        assertThat(imported.out()).contains("committed").contains("openBalance: 200.00");

        assertThat(cli.run("mapping", "delete", "legacy").out()).contains("mapping profile legacy deleted");
        Cli.Result unknown = cli.run("import", "opening-balances", file.toString(), "--mapping-profile", "legacy");
        assertThat(unknown.exitCode()).isEqualTo(LedgerBridgeCli.REFUSED);
        assertThat(unknown.err()).contains("MAPPING_NOT_FOUND");
        assertThat(cli.run("mapping", "list").out()).contains("no mapping profile saved");
    }

    @Test
    void a_file_that_is_no_mapping_is_refused_with_its_code_and_nothing_is_saved() throws IOException {
        Cli cli = Cli.onFreshLedger("2026-11-21");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "numberLocale: 12\ncolumns: {A: B}\nwhat: is this\n");

        Cli.Result refused = cli.run("mapping", "save", "broken", broken.toString());

        assertThat(refused.exitCode()).isEqualTo(LedgerBridgeCli.REFUSED);
        assertThat(refused.err()).contains("INVALID_MAPPING");
        Cli.Result badName = cli.run("mapping", "save", "../up", broken.toString());
        assertThat(badName.err()).contains("INVALID_MAPPING_NAME");
        assertThat(cli.run("mapping", "list").out()).contains("no mapping profile saved");
    }
}
