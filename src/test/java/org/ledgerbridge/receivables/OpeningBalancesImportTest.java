package org.ledgerbridge.receivables;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.imports.MappingProfile;
import org.ledgerbridge.imports.RowProblem;
import org.ledgerbridge.ledger.LedgerCheck;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Seed 004, the Emersion opening balance import: its columns and every rule of its table. */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class OpeningBalancesImportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final String HEADER = "ACCOUNT_ID,CARDLINE_AMOUNT_EXTAX,CARDLINE_AMOUNT_TAX,BALANCE_DUE_EXTAX,BALANCE_DUE_TAX,"
            + "CARDLINE_DESCRIPTION,INVOICE_ISSUE_DATE,INVOICE_DUE_DATE,ORIGINAL_INVOICE_ID,INVOICE_START,INVOICE_END\n";

    @Autowired ImportService imports;
    @Autowired OpenItems openItems;
    @Autowired LedgerReports reports;
    @Autowired LedgerCheck check;
    @Autowired JdbcClient jdbc;
    @Autowired MigrationMode migrationMode;
    @TempDir Path dir;

    @BeforeEach
    void the_boroughs_are_customers_of_the_ledger() {
        for (String kind : List.of("entities", "accounts", "parties", "payment-methods")) {
            assertThat(imports.run(kind, Samples.file(kind + ".csv"), ImportOptions.of(TODAY, "setup")).status())
                    .isEqualTo(ImportStatus.COMMITTED);
        }
    }

    private ImportReport importCsv(String rows) throws IOException {
        Path file = dir.resolve("opening-balances-" + System.nanoTime() + ".csv");
        Files.writeString(file, HEADER + rows);
        return imports.run("opening-balances", file, ImportOptions.of(TODAY, "tester"));
    }

    private long documents() {
        return jdbc.sql("SELECT count(*) FROM document").query(Long.class).single();
    }

    @Test
    void the_sample_file_becomes_opening_invoices_and_a_credit_without_touching_the_gl() {
        ImportReport report = imports.run("opening-balances", Samples.file("opening-balances.csv"), ImportOptions.of(TODAY, "tester"));

        assertThat(report.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(report.summary()).containsEntry("openBalance", "255.00").containsEntry("creditAvailable", "50.00")
                .containsEntry("settledBeforeMigration", "45.00");
        assertThat(openItems.list(null, false))
                .extracting(OpenItem::partyId, OpenItem::type, OpenItem::originalAmount, OpenItem::openBalance, OpenItem::migrated)
                .containsExactlyInAnyOrder(
                        tuple("100231", "INVOICE", new BigDecimal("200.00"), new BigDecimal("200.00"), true),
                        tuple("100232", "INVOICE", new BigDecimal("100.00"), new BigDecimal("55.00"), true),
                        tuple("100235", "CREDIT_MEMO", new BigDecimal("50.00"), new BigDecimal("50.00"), true));
        assertThat(reports.trialBalance(null, true)).as("no journal is posted").isEmpty();
        assertThat(jdbc.sql("SELECT amount_ex_tax || '/' || tax_amount || '/' || original_reference FROM document WHERE party_id = '100232'")
                .query(String.class).single()).isEqualTo("90.9100/9.0900/LEG-55121");
        assertThat(check.run()).isEmpty();
        assertThat(openItems.check()).isEmpty();
    }

    @Test
    void a_file_breaking_each_rule_is_rejected_with_exactly_those_rows_and_columns_and_nothing_is_written() throws IOException {
        String longText = "x".repeat(256);
        ImportReport report = importCsv(String.join("\n",
                "100231,181.82,18.18,181.82,18.18,fine,01/11/2026,01/12/2026,LEG-1,01/10/2026,31/10/2026",
                "999999,10.00,1.00,10.00,1.00,unknown account,01/11/2026,01/12/2026,,,",
                "V9001,10.00,1.00,10.00,1.00,a vendor,01/11/2026,01/12/2026,,,",
                "100232,,1.00,0.00,0.00,empty ex tax,01/11/2026,01/12/2026,,,",
                "100232,10.00,abc,0.00,0.00,tax not a number,01/11/2026,01/12/2026,,,",
                "100232,1.82,-0.18,0.00,0.00,opposite signs,01/11/2026,01/12/2026,,,",
                "100232,10.00,1.00,-1.00,0.00,negative balance,01/11/2026,01/12/2026,,,",
                "100232,100.00,10.00,120.00,12.00,balance above cardline,01/11/2026,01/12/2026,,,",
                "100235,-45.45,-4.55,5.00,0.00,credit with a balance,01/11/2026,01/12/2026,,,",
                "100232,10.00,1.00,10.00,1.00," + longText + ",01/11/2026,01/12/2026,,,",
                "100232,10.00,1.00,10.00,1.00,long id,01/11/2026,01/12/2026," + "L".repeat(51) + ",,",
                "100232,10.00,1.00,10.00,1.00,no such day,31/02/2026,01/12/2026,,,",
                "100232,10.00,1.00,10.00,1.00,due before issue,01/12/2026,30/11/2026,,,",
                "100232,10.00,1.00,10.00,1.00,due in the past,01/11/2026,20/11/2026,,,",
                "100232,10.00,1.00,10.00,1.00,start after end,01/11/2026,01/12/2026,,31/10/2026,01/10/2026",
                "100232,10.005,1.00,10.00,1.00,too many decimals,01/11/2026,01/12/2026,,,",
                "100232,0.00,0.00,0.00,0.00,nothing on the cardline,01/11/2026,01/12/2026,,,",
                "",
                "100231,90.91,9.09,90.91,9.09,same account again is history,01/10/2026,01/12/2026,LEG-0,01/09/2026,30/09/2026",
                ""));

        assertThat(report.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name()).containsExactly(
                tuple(3L, "ACCOUNT_ID", "UNKNOWN_ACCOUNT"),
                tuple(4L, "ACCOUNT_ID", "ACCOUNT_NOT_A_CUSTOMER"),
                tuple(5L, "CARDLINE_AMOUNT_EXTAX", "VALUE_REQUIRED"),
                tuple(6L, "CARDLINE_AMOUNT_TAX", "INVALID_NUMBER"),
                tuple(7L, "CARDLINE_AMOUNT_TAX", "CARDLINE_SIGNS_DIFFER"),
                tuple(8L, "BALANCE_DUE_EXTAX", "BALANCE_NEGATIVE"),
                tuple(9L, "BALANCE_DUE_EXTAX", "BALANCE_EXCEEDS_CARDLINE"),
                tuple(10L, "BALANCE_DUE_EXTAX", "BALANCE_MUST_BE_ZERO_FOR_CREDIT"),
                tuple(11L, "CARDLINE_DESCRIPTION", "VALUE_TOO_LONG"),
                tuple(12L, "ORIGINAL_INVOICE_ID", "VALUE_TOO_LONG"),
                tuple(13L, "INVOICE_ISSUE_DATE", "INVALID_DATE"),
                tuple(14L, "INVOICE_DUE_DATE", "DUE_DATE_BEFORE_ISSUE_DATE"),
                tuple(15L, "INVOICE_DUE_DATE", "DUE_DATE_IN_PAST"),
                tuple(16L, "INVOICE_START", "INVOICE_START_AFTER_END"),
                tuple(17L, "CARDLINE_AMOUNT_EXTAX", "AMOUNT_EXCEEDS_CURRENCY_SCALE"),
                tuple(18L, "CARDLINE_AMOUNT_EXTAX", "CARDLINE_ZERO"),
                tuple(19L, null, "BLANK_ROW"));
        assertThat(report.errors().stream().filter(e -> e.row() == 9).findFirst().orElseThrow().message())
                .isEqualTo("balance due 132.00 exceeds the cardline total 110.00");
        assertThat(documents()).isZero();
    }

    @Test
    void an_account_with_an_open_opening_invoice_from_an_earlier_import_is_rejected() throws IOException {
        assertThat(importCsv("100231,100.00,10.00,100.00,10.00,first,01/11/2026,01/12/2026,,,\n").status())
                .isEqualTo(ImportStatus.COMMITTED);

        ImportReport second = importCsv("100231,50.00,5.00,50.00,5.00,second,01/11/2026,01/12/2026,,,\n"
                + "100232,50.00,5.00,50.00,5.00,other account,01/11/2026,01/12/2026,,,\n");

        assertThat(second.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name())
                .containsExactly(tuple(2L, "ACCOUNT_ID", "PENDING_INVOICE_EXISTS"));
        assertThat(documents()).isEqualTo(1);
    }

    @Test
    void an_account_with_an_open_migrated_invoice_has_a_pending_invoice_too() throws IOException {
        migrationMode.set(NewDocument.Module.AR, true, "tester");
        Path migrated = dir.resolve("documents.csv");
        Files.writeString(migrated, """
                MODULE,TYPE,NUMBER,PARTY_ID,ENTITY,DATE,DUE_DATE,CURRENCY,EXCHANGE_RATE,ORIGINAL_AMOUNT,OPEN_BALANCE,STATUS
                AR,INVOICE,INV-1,100231,PSAB,2026-07-01,2026-07-31,USD,1,100.00,40.00,BALANCED
                AR,INVOICE,INV-2,100232,PSAB,2026-07-01,2026-07-31,USD,1,100.00,0.00,BALANCED
                """);
        assertThat(imports.run("documents", migrated, ImportOptions.of(TODAY, "tester")).status()).isEqualTo(ImportStatus.COMMITTED);

        ImportReport report = importCsv("100231,50.00,5.00,50.00,5.00,owes INV-1 still,01/11/2026,01/12/2026,,,\n"
                + "100232,50.00,5.00,50.00,5.00,INV-2 was settled before migration,01/11/2026,01/12/2026,,,\n");

        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name())
                .containsExactly(tuple(2L, "ACCOUNT_ID", "PENDING_INVOICE_EXISTS"));
        assertThat(report.errors().get(0).message()).contains("INV-1");
        assertThat(documents()).isEqualTo(2);
    }

    @Test
    void a_fully_paid_history_invoice_is_closed_with_its_migrated_settlement() throws IOException {
        importCsv("100233,500.00,0.00,0.00,0.00,paid in full,01/06/2026,01/12/2026,LEG-9,,\n");

        assertThat(openItems.list("100233", true)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo("CLOSED");
            assertThat(item.openBalance()).isEqualByComparingTo("0");
        });
        assertThat(jdbc.sql("SELECT amount FROM application WHERE kind = 'MIGRATED_SETTLEMENT'").query(BigDecimal.class).single())
                .isEqualByComparingTo("500.00");
        assertThat(openItems.check()).isEmpty();
    }

    @Test
    void max_rows_is_ours_to_choose_and_absent_by_default() throws IOException {
        Path file = dir.resolve("two.csv");
        Files.writeString(file, HEADER + "100231,1.00,0.00,1.00,0.00,a,01/11/2026,01/12/2026,,,\n"
                + "100232,1.00,0.00,1.00,0.00,b,01/11/2026,01/12/2026,,,\n");

        ImportReport capped = imports.run("opening-balances", file, ImportOptions.of(TODAY, "t").withMaxRows(1L));

        assertThat(capped.errors()).extracting(RowProblem::row, p -> p.code().name()).containsExactly(tuple(3L, "TOO_MANY_ROWS"));
        ImportReport atTheCap = imports.run("opening-balances", file, ImportOptions.of(TODAY, "t").withMaxRows(2L).dryRun(true));
        assertThat(atTheCap.status()).as(atTheCap.errors().toString()).isEqualTo(ImportStatus.VALID);
        assertThat(imports.run("opening-balances", file, ImportOptions.of(TODAY, "t")).status()).isEqualTo(ImportStatus.COMMITTED);
    }

    @Test
    void a_mapping_profile_renames_columns_and_sets_the_date_format_and_number_locale() throws IOException {
        Path profile = dir.resolve("emersion-de.yaml");
        Files.writeString(profile, """
                columns:
                  Kundennummer: ACCOUNT_ID
                  Betrag netto: CARDLINE_AMOUNT_EXTAX
                dateFormat: yyyy-MM-dd
                numberLocale: de-DE
                """);
        Path file = dir.resolve("eroeffnung.csv");
        Files.writeString(file, """
                Kundennummer;Betrag netto;CARDLINE_AMOUNT_TAX;BALANCE_DUE_EXTAX;BALANCE_DUE_TAX;CARDLINE_DESCRIPTION;INVOICE_ISSUE_DATE;INVOICE_DUE_DATE
                100231;1.234,50;123,45;1.234,50;123,45;Eröffnungssaldo;2026-11-01;2026-12-01
                100232;1,234.50;0;0;0;US notation is an error here;2026-11-01;2026-12-01
                """);

        ImportReport report = imports.run("opening-balances", file, ImportOptions.of(TODAY, "t").withMapping(MappingProfile.read(profile)));

        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name())
                .containsExactly(tuple(3L, "CARDLINE_AMOUNT_EXTAX", "INVALID_NUMBER"));

        Files.writeString(file, Files.readString(file).lines().limit(2).reduce("", (a, b) -> a + b + "\n"));
        assertThat(imports.run("opening-balances", file, ImportOptions.of(TODAY, "t").withMapping(MappingProfile.read(profile))).status())
                .isEqualTo(ImportStatus.COMMITTED);
        assertThat(openItems.list("100231", false)).singleElement()
                .satisfies(item -> assertThat(item.originalAmount()).isEqualByComparingTo("1357.95"));
    }

    @Test
    void the_first_sheet_of_an_xlsx_workbook_imports_with_typed_dates_and_numbers() throws IOException {
        Path file = dir.resolve("opening-balances.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Opening balances");
            String[] header = HEADER.strip().split(",");
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            sheet.value(1, 0, "100231");
            sheet.value(1, 1, 181.82);
            sheet.value(1, 2, 18.18);
            sheet.value(1, 3, 181.82);
            sheet.value(1, 4, 18.18);
            sheet.value(1, 5, "October service");
            sheet.value(1, 6, LocalDate.of(2026, 11, 1));
            sheet.style(1, 6).format("dd/mm/yyyy").set();
            sheet.value(1, 7, "01/12/2026");
            sheet.value(3, 0, "100232"); // row 3 left out: a blank row
            sheet.value(3, 1, 10);
            sheet.value(3, 2, 1);
            sheet.value(3, 3, 10);
            sheet.value(3, 4, 1);
            sheet.value(3, 6, "01/11/2026");
            sheet.value(3, 7, "01/12/2026");
            workbook.finish();
        }

        ImportReport report = imports.run("opening-balances", file, ImportOptions.of(TODAY, "t"));
        assertThat(report.errors()).extracting(RowProblem::row, p -> p.code().name()).containsExactly(tuple(3L, "BLANK_ROW"));
    }
}
