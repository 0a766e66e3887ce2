package org.ledgerbridge.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Each test starts from an empty ledger of its own. */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class SetupImportsTest {

    @Autowired ImportService imports;
    @Autowired LedgerSetup setup;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    private ImportReport importFile(String kind, String name, String content) throws IOException {
        return importBytes(kind, name, content.getBytes(StandardCharsets.UTF_8));
    }

    private ImportReport importBytes(String kind, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return imports.run(kind, file, ImportOptions.of(LocalDate.of(2026, 11, 21), "tester"));
    }

    private void samplesUpTo(String... kinds) {
        for (String kind : kinds) {
            ImportReport report = imports.run(kind, Samples.file(kind + ".csv"), ImportOptions.of(LocalDate.of(2026, 11, 21), "tester"));
            assertThat(report.status()).as(kind + " " + report.errors()).isEqualTo(ImportStatus.COMMITTED);
        }
    }

    private long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void the_sample_setup_files_import_and_the_same_bytes_again_are_a_duplicate_that_writes_nothing() {
        samplesUpTo("entities", "accounts", "parties", "payment-methods");
        assertThat(setup.entities()).containsOnlyKeys("PSAB", "BMC", "SEC");
        assertThat(setup.accounts()).hasSize(39);
        assertThat(setup.paymentMethods()).hasSize(6);
        long runs = rows("import_run");

        ImportReport again = imports.run("accounts", Samples.file("accounts.csv"), ImportOptions.of(LocalDate.of(2026, 11, 21), "tester"));

        assertThat(again.status()).isEqualTo(ImportStatus.DUPLICATE);
        assertThat(setup.accounts()).hasSize(39);
        assertThat(rows("import_run")).isEqualTo(runs);
    }

    @Test
    void a_bad_entities_file_lists_every_error_by_row_and_column_and_writes_nothing() throws IOException {
        samplesUpTo("entities");
        ImportReport report = importFile("entities", "entities.csv", """
                CODE,NAME,BASE_CURRENCY
                PSAB,Already there,USD
                NEW1,,XYZ
                NEW1,Twice,USD
                bad code!,Bad,EUR
                NEW2,Fine,usd
                """);

        assertThat(report.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name()).containsExactly(
                tuple(2L, "CODE", "ALREADY_EXISTS"),
                tuple(3L, "NAME", "VALUE_REQUIRED"),
                tuple(3L, "BASE_CURRENCY", "UNKNOWN_CURRENCY"),
                tuple(4L, "CODE", "DUPLICATE_IN_FILE"),
                tuple(5L, "CODE", "INVALID_CODE"));
        assertThat(setup.entities()).containsOnlyKeys("PSAB", "BMC", "SEC");
    }

    @Test
    void a_bad_accounts_file_names_unknown_entities_bad_types_and_roles() throws IOException {
        samplesUpTo("entities", "accounts");
        ImportReport report = importFile("accounts", "accounts.csv", """
                ENTITY,ACCOUNT,NAME,TYPE,ROLE
                NOPE,1000,Cash,ASSET,
                PSAB,1010,Operating Cash again,ASSET,
                PSAB,6000,Travel,COST,
                PSAB,6100,Misc,EXPENSE,BOSS
                PSAB,6200,Second AR,ASSET,AR_CONTROL
                PSAB,6300,Equity as AR,EQUITY,
                BMC,6400,Payables?,ASSET,AP_CONTROL
                """);

        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name()).containsExactly(
                tuple(2L, "ENTITY", "UNKNOWN_ENTITY"),
                tuple(3L, "ACCOUNT", "ALREADY_EXISTS"),
                tuple(4L, "TYPE", "INVALID_VALUE"),
                tuple(5L, "ROLE", "INVALID_VALUE"),
                tuple(6L, "ROLE", "DUPLICATE_ROLE"),
                tuple(8L, "ROLE", "ROLE_TYPE_MISMATCH"));
        assertThat(setup.accounts()).hasSize(39);
    }

    @Test
    void a_bad_parties_file_is_rejected_with_its_rows() throws IOException {
        samplesUpTo("entities");
        ImportReport report = importFile("parties", "parties.csv", """
                PARTY_ID,NAME,KIND,ENTITY
                100231,Borough of Ashland,CUSTOMER,PSAB
                100231,Borough of Ashland again,CUSTOMER,PSAB
                100232,Borough of Bellefonte,MEMBER,PSAB
                100233,Borough of Carlisle,CUSTOMER,XYZ
                """);

        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name()).containsExactly(
                tuple(3L, "PARTY_ID", "DUPLICATE_IN_FILE"),
                tuple(4L, "KIND", "INVALID_VALUE"),
                tuple(5L, "ENTITY", "UNKNOWN_ENTITY"));
        assertThat(rows("party")).isZero();
    }

    @Test
    void a_payment_method_needs_an_asset_account_of_its_entity() throws IOException {
        samplesUpTo("entities", "accounts");
        ImportReport report = importFile("payment-methods", "methods.csv", """
                METHOD_ID,ENTITY,CASH_ACCOUNT
                VISA,PSAB,1050
                MC,PSAB,9999
                CHK,PSAB,4000
                ACH,NOPE,1010
                """);

        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name()).containsExactly(
                tuple(3L, "CASH_ACCOUNT", "UNKNOWN_ACCOUNT"),
                tuple(4L, "CASH_ACCOUNT", "CASH_ACCOUNT_NOT_ASSET"),
                tuple(5L, "ENTITY", "UNKNOWN_ENTITY"));
        assertThat(setup.paymentMethods()).isEmpty();
    }

    @Test
    void a_missing_required_column_is_one_clear_error_and_an_unknown_column_a_warning() throws IOException {
        ImportReport report = importFile("entities", "entities.csv", """
                code,name,Colour
                PSAB,State Association of Boroughs,blue
                """);

        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name())
                .containsExactly(tuple(1L, "BASE_CURRENCY", "MISSING_COLUMN"));
        assertThat(report.warnings()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name())
                .containsExactly(tuple(1L, "Colour", "UNKNOWN_COLUMN"));
        assertThat(setup.entities()).isEmpty();
    }

    @Test
    void a_blank_row_and_a_ragged_row_are_errors() throws IOException {
        ImportReport report = importFile("entities", "entities.csv", "CODE,NAME,BASE_CURRENCY\nPSAB,Boroughs,USD\n\nBMC,Consortium\n");

        assertThat(report.errors()).extracting(RowProblem::row, p -> p.code().name())
                .containsExactly(tuple(3L, "BLANK_ROW"), tuple(4L, "FIELD_COUNT_MISMATCH"));
        assertThat(setup.entities()).isEmpty();
    }

    @Test
    void semicolons_a_byte_order_mark_windows_1252_and_quoted_newlines_are_read() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = "CODE;NAME;BASE_CURRENCY\nPSAB;\"State Association\nof Boroughs\";USD\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        assertThat(importBytes("entities", "a.csv", withBom).status()).isEqualTo(ImportStatus.COMMITTED);

        byte[] cp1252 = "CODE,NAME,BASE_CURRENCY\nSEC,Société d'éducation,EUR\n".getBytes(Charset.forName("windows-1252"));
        assertThat(importBytes("entities", "b.csv", cp1252).status()).isEqualTo(ImportStatus.COMMITTED);

        assertThat(setup.entities().get("PSAB").name()).isEqualTo("State Association\nof Boroughs");
        assertThat(setup.entities().get("SEC").name()).isEqualTo("Société d'éducation");
    }

    @Test
    void a_dry_run_validates_and_writes_nothing() throws IOException {
        Path file = dir.resolve("entities.csv");
        Files.writeString(file, "CODE,NAME,BASE_CURRENCY\nPSAB,Boroughs,USD\n");

        ImportReport report = imports.run("entities", file, ImportOptions.of(LocalDate.of(2026, 11, 21), "t").dryRun(true));

        assertThat(report.status()).isEqualTo(ImportStatus.VALID);
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(setup.entities()).isEmpty();
        assertThat(imports.run("entities", file, ImportOptions.of(LocalDate.of(2026, 11, 21), "t")).status())
                .isEqualTo(ImportStatus.COMMITTED);
    }

    @Test
    void an_unclosed_quote_rejects_the_file_with_its_row() throws IOException {
        ImportReport report = importFile("entities", "entities.csv", "CODE,NAME,BASE_CURRENCY\nPSAB,\"Boroughs,USD\n");

        assertThat(report.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(report.errors()).extracting(p -> p.code().name()).containsExactly("MALFORMED_CSV");
        assertThat(setup.entities()).isEmpty();
    }

    @Test
    void a_rejected_run_is_recorded_for_the_audit_trail_but_changes_no_ledger_table() throws IOException {
        importFile("entities", "entities.csv", "CODE,NAME,BASE_CURRENCY\nPSAB,,USD\n");

        assertThat(jdbc.sql("SELECT status FROM import_run").query(String.class).list()).containsExactly("rejected");
        assertThat(rows("financial_entity")).isZero();
    }
}
