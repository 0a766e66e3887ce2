package org.ledgerbridge.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A preview tells the truth: for every kind of the sample ledger, the totals a dry run shows are the
 * totals its commit reports, and a file already imported previews as a duplicate, with nothing to commit.
 */
@LedgerTest
@org.springframework.test.annotation.DirtiesContext(classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class PreviewTotalsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    @Test
    void the_preview_of_each_kind_shows_the_totals_its_commit_reports_and_a_second_preview_says_duplicate() {
        migrationMode.set(NewDocument.Module.AR, true, "setup");
        migrationMode.set(NewDocument.Module.AP, true, "setup");
        for (String kind : List.of("entities", "accounts", "parties", "payment-methods", "opening-balances", "documents")) {
            Path file = Samples.file(kind + ".csv");
            ImportReport preview = imports.run(kind, file, ImportOptions.of(TODAY, "pat").dryRun(true));
            assertThat(preview.status()).as(kind + ": " + preview.errors()).isEqualTo(ImportStatus.VALID);
            assertThat(preview.summary()).as(kind + " preview totals").isNotEmpty();

            ImportReport committed = imports.run(kind, file, ImportOptions.of(TODAY, "pat"));
            assertThat(committed.status()).as(kind).isEqualTo(ImportStatus.COMMITTED);
            Map<String, Object> same = new LinkedHashMap<>(preview.summary());
            same.keySet().retainAll(committed.summary().keySet());
            same.forEach((total, value) -> assertThat(committed.summary().get(total)).as(kind + " " + total).isEqualTo(value));
            if (!kind.equals("documents") && !kind.equals("opening-balances")) {
                assertThat(preview.summary().get("rowsToAdd")).as(kind).isEqualTo(committed.accepted());
            }

            ImportReport again = imports.run(kind, file, ImportOptions.of(TODAY, "pat").dryRun(true));
            assertThat(again.status()).as(kind + " previewed again").isEqualTo(ImportStatus.DUPLICATE);
            assertThat(again.summary()).containsKey("alreadyImportedAs");
        }
    }

    @Test
    void opening_balances_preview_with_the_amounts_they_put_on_the_accounts() {
        Samples.imported(imports, TODAY, "entities", "accounts", "parties");
        ImportReport preview = imports.run("opening-balances", Samples.file("opening-balances.csv"), ImportOptions.of(TODAY, "pat").dryRun(true));

        assertThat(preview.summary()).containsKeys("invoices", "amountInvoiced", "openBalance", "settledBeforeMigration", "creditAvailable");
        assertThat(preview.summary().get("openBalance")).isNotEqualTo("0.00");
        assertThat(jdbc.sql("SELECT count(*) FROM document").query(Long.class).single()).as("nothing written").isZero();
    }

    @Test
    void gl_transactions_preview_with_their_journals_and_the_debits_of_each_entity() throws IOException {
        Samples.imported(imports, TODAY, "entities", "accounts");
        String entity = jdbc.sql("SELECT code FROM financial_entity ORDER BY code LIMIT 1").query(String.class).single();
        List<String> accounts = jdbc.sql("SELECT account_code FROM account WHERE entity_code = ? AND active AND role IS NULL ORDER BY account_code LIMIT 2")
                .param(entity).query(String.class).list();
        Path file = Files.writeString(dir.resolve("gl.csv"), "ENTITY,DATE,JOURNAL,ACCOUNT,DEBIT,CREDIT\n"
                + entity + ",2026-11-02,J1," + accounts.get(0) + ",1250.00,0\n"
                + entity + ",2026-11-02,J1," + accounts.get(1) + ",0,1250.00\n"
                + entity + ",2026-11-03,J2," + accounts.get(0) + ",10.00,0\n"
                + entity + ",2026-11-03,J2," + accounts.get(1) + ",0,10.00\n");

        ImportReport preview = imports.run("gl-transactions", file, ImportOptions.of(TODAY, "pat").dryRun(true));

        assertThat(preview.status()).as(preview.errors().toString()).isEqualTo(ImportStatus.VALID);
        assertThat(preview.summary()).containsEntry("journals", 2).containsEntry(entity + " debit = credit", "1260.00");
        ImportReport committed = imports.run("gl-transactions", file, ImportOptions.of(TODAY, "pat"));
        assertThat(committed.summary()).containsEntry("journals", 2L).containsEntry(entity + " debit = credit", "1260.00");
    }
}
