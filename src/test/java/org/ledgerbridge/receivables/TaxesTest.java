package org.ledgerbridge.receivables;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.delivery.GlExport;
import org.ledgerbridge.delivery.GlExportService;
import org.ledgerbridge.delivery.Summarize;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.imports.RowProblem;
import org.ledgerbridge.ledger.Batch;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchStatus;
import org.ledgerbridge.ledger.TaxSplit;
import org.ledgerbridge.ledger.TaxCategory;
import org.ledgerbridge.ledger.TaxZone;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Taxes from a document's tax zone and tax category: the zones and categories, the split of a total, the GL's tax code. */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class TaxesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final String DOCUMENTS = "MODULE,TYPE,NUMBER,PARTY_ID,ENTITY,DATE,DUE_DATE,CURRENCY,ORIGINAL_AMOUNT,OPEN_BALANCE,"
            + "STATUS,TAX_ZONE,TAX_CATEGORY\n";

    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired OpenItems openItems;
    @Autowired BatchService batches;
    @Autowired GlExportService export;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    /** Pennsylvania's 6 % sales tax for PSAB; publications are taxable, dues are not. */
    @BeforeEach
    void the_sample_ledger_with_a_tax_zone_and_two_categories() throws IOException {
        Samples.imported(imports, TODAY, "entities", "accounts", "parties", "payment-methods");
        assertThat(importFile("tax-zones", "ZONE,ENTITY,TAX_CODE,RATE,TAX_ACCOUNT\nPA,PSAB,PA-SALES-6,0.06,2100\nPA,BMC,PA-SALES-6,0.06,2100\n")
                .status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(importFile("tax-categories", "CATEGORY,TAXABLE\nPUBLICATIONS,yes\nDUES,no\n").status()).isEqualTo(ImportStatus.COMMITTED);
        migrationMode.set(NewDocument.Module.AR, true, "setup");
    }

    private ImportReport importFile(String kind, String content) throws IOException {
        Path file = dir.resolve(kind + "-" + System.nanoTime() + ".csv");
        Files.writeString(file, content);
        return imports.run(kind, file, ImportOptions.of(TODAY, "tester"));
    }

    private OpenItem document(String number) {
        return openItems.list(null, true).stream().filter(d -> d.number().equals(number)).findFirst().orElseThrow();
    }

    @Test
    void the_tax_of_a_total_is_total_times_rate_over_one_plus_rate_rounded_half_up_and_the_rest_is_the_amount_excluding_tax() {
        TaxZone pa = new TaxZone("PSAB", "PA", "PA-SALES-6", new BigDecimal("0.06"), "2100");
        TaxCategory taxable = new TaxCategory("PUBLICATIONS", true);

        assertThat(TaxSplit.of(new BigDecimal("106.00"), pa, taxable, "USD")).isEqualTo(new TaxSplit(new BigDecimal("100.00"), new BigDecimal("6.00")));
        assertThat(TaxSplit.of(new BigDecimal("100.00"), pa, taxable, "USD")).isEqualTo(new TaxSplit(new BigDecimal("94.34"), new BigDecimal("5.66")));
        assertThat(TaxSplit.of(new BigDecimal("0.53"), pa, taxable, "USD")).as("0.03 exactly half: up")
                .isEqualTo(new TaxSplit(new BigDecimal("0.50"), new BigDecimal("0.03")));
        assertThat(TaxSplit.of(new BigDecimal("1060"), pa, taxable, "JPY")).isEqualTo(new TaxSplit(new BigDecimal("1000"), new BigDecimal("60")));
        assertThat(TaxSplit.of(new BigDecimal("100.00"), pa, new TaxCategory("DUES", false), "USD"))
                .isEqualTo(new TaxSplit(new BigDecimal("100.00"), new BigDecimal("0.00")));
    }

    @Test
    void a_migrated_document_with_a_zone_and_a_category_splits_its_total_and_shows_both() throws IOException {
        ImportReport report = importFile("documents", DOCUMENTS
                + "AR,INVOICE,INV-1,100231,PSAB,2026-10-01,2026-10-31,USD,106.00,106.00,BALANCED,PA,PUBLICATIONS\n"
                + "AR,INVOICE,INV-2,100231,PSAB,2026-10-01,2026-10-31,USD,100.00,100.00,BALANCED,PA,DUES\n"
                + "AR,INVOICE,INV-3,100231,PSAB,2026-10-01,2026-10-31,USD,100.00,100.00,BALANCED,,\n");

        assertThat(report.status()).as(report.errors().toString()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(List.of(document("INV-1"), document("INV-2"), document("INV-3")))
                .extracting(OpenItem::taxZone, OpenItem::taxCategory, OpenItem::amountExTax, OpenItem::taxAmount)
                .containsExactly(tuple("PA", "PUBLICATIONS", new BigDecimal("100.00"), new BigDecimal("6.00")),
                        tuple("PA", "DUES", new BigDecimal("100.00"), new BigDecimal("0.00")),
                        tuple(null, null, null, null));
    }

    @Test
    void an_unknown_zone_or_category_or_one_without_the_other_is_an_error_at_its_row_and_column_and_nothing_is_written()
            throws IOException {
        ImportReport report = importFile("documents", DOCUMENTS
                + "AR,INVOICE,INV-1,100231,PSAB,2026-10-01,2026-10-31,USD,106.00,106.00,BALANCED,NJ,PUBLICATIONS\n"
                + "AR,INVOICE,INV-2,100231,PSAB,2026-10-01,2026-10-31,USD,106.00,106.00,BALANCED,PA,BOOKS\n"
                + "AR,INVOICE,INV-3,100231,PSAB,2026-10-01,2026-10-31,USD,106.00,106.00,BALANCED,PA,\n"
                + "AR,INVOICE,INV-4,100231,PSAB,2026-10-01,2026-10-31,USD,106.00,106.00,BALANCED,,DUES\n"
                + "AR,INVOICE,INV-5,100231,SEC,2026-10-01,2026-10-31,USD,106.00,106.00,BALANCED,PA,DUES\n");

        assertThat(report.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name()).containsExactly(
                tuple(2L, "TAX_ZONE", "UNKNOWN_TAX_ZONE"),
                tuple(3L, "TAX_CATEGORY", "UNKNOWN_TAX_CATEGORY"),
                tuple(4L, "TAX_CATEGORY", "TAX_ZONE_AND_CATEGORY_TOGETHER"),
                tuple(5L, "TAX_ZONE", "TAX_ZONE_AND_CATEGORY_TOGETHER"),
                tuple(6L, "TAX_ZONE", "UNKNOWN_TAX_ZONE"));
        assertThat(jdbc.sql("SELECT count(*) FROM document").query(Long.class).single()).isZero();
    }

    @Test
    void tax_zones_and_categories_are_refused_row_by_row_with_their_codes_and_nothing_is_written() throws IOException {
        ImportReport zones = importFile("tax-zones", "ZONE,ENTITY,TAX_CODE,RATE,TAX_ACCOUNT\n"
                + "NJ,NOPE,NJ-6,0.06625,2100\n"
                + "NJ,PSAB,NJ-6,0.06625,9999\n"
                + "NJ2,PSAB,NJ-6,6.625,2100\n"
                + "NJ3,PSAB,NJ-6,0.0662501,2100\n"
                + "PA,PSAB,PA-6,0.06,2100\n");
        ImportReport categories = importFile("tax-categories", "CATEGORY,TAXABLE\nBOOKS,maybe\nDUES,no\n");

        assertThat(zones.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name()).containsExactly(
                tuple(2L, "ENTITY", "UNKNOWN_ENTITY"),
                tuple(3L, "TAX_ACCOUNT", "UNKNOWN_ACCOUNT"),
                tuple(4L, "RATE", "RATE_NOT_A_FRACTION"),
                tuple(5L, "RATE", "RATE_TOO_PRECISE"),
                tuple(6L, "ZONE", "ALREADY_EXISTS"));
        assertThat(categories.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name()).containsExactly(
                tuple(2L, "TAXABLE", "INVALID_VALUE"),
                tuple(3L, "CATEGORY", "ALREADY_EXISTS"));
        assertThat(jdbc.sql("SELECT count(*) FROM tax_zone").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM tax_category").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void an_opening_balance_keeps_its_zone_and_category_and_a_tax_other_than_the_zones_is_a_warning() throws IOException {
        ImportReport report = importFile("opening-balances", "ACCOUNT_ID,CARDLINE_AMOUNT_EXTAX,CARDLINE_AMOUNT_TAX,BALANCE_DUE_EXTAX,"
                + "BALANCE_DUE_TAX,INVOICE_ISSUE_DATE,INVOICE_DUE_DATE,TAX_ZONE,TAX_CATEGORY\n"
                + "100231,100.00,6.00,100.00,6.00,01/11/2026,01/12/2026,PA,PUBLICATIONS\n"
                + "100232,100.00,5.00,100.00,5.00,01/11/2026,01/12/2026,PA,PUBLICATIONS\n");

        assertThat(report.status()).as(report.errors().toString()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(report.warnings()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name())
                .containsExactly(tuple(3L, "CARDLINE_AMOUNT_TAX", "TAX_DIFFERS_FROM_ZONE"));
        assertThat(openItems.list("100232", true)).singleElement().satisfies(ob -> {
            assertThat(ob.taxZone()).isEqualTo("PA");
            assertThat(ob.taxAmount()).as("the file's tax is kept").isEqualByComparingTo("5.00");
        });
    }

    @Test
    void gl_history_lines_keep_their_tax_code_and_the_xero_file_carries_it_as_the_tax_rate_in_detail_and_in_summary()
            throws IOException {
        ImportReport refused = importFile("gl-transactions", "ENTITY,DATE,JOURNAL,ACCOUNT,DEBIT,CREDIT,DESCRIPTION,TAX_CODE\n"
                + "PSAB,2026-11-02,GJ-1,1010,106.00,,book sale,\nPSAB,2026-11-02,GJ-1,4200,,106.00,book sale,NJ-6\n");
        assertThat(refused.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name())
                .containsExactly(tuple(3L, "TAX_CODE", "UNKNOWN_TAX_CODE"));

        ImportReport report = importFile("gl-transactions", "ENTITY,DATE,JOURNAL,ACCOUNT,DEBIT,CREDIT,DESCRIPTION,TAX_CODE\n"
                + "PSAB,2026-11-02,GJ-1,1010,106.00,,book sale,\nPSAB,2026-11-02,GJ-1,4200,,106.00,book sale,PA-SALES-6\n");
        assertThat(report.status()).as(report.errors().toString()).isEqualTo(ImportStatus.COMMITTED);
        long batch = batches.list().stream().map(Batch::id).findFirst().orElseThrow();
        batches.changeStatus(List.of(batch), BatchStatus.READY, "c");
        batches.post(List.of(batch), "c");

        for (Summarize level : List.of(Summarize.DETAIL, Summarize.DAY)) {
            Path zip = dir.resolve("xero-" + level + ".zip");
            assertThat(export.export(TODAY.minusDays(30), TODAY.plusDays(30), "xero", null, true, level, zip, "t"))
                    .isInstanceOf(GlExport.Exported.class);
            String file = entry(zip, "PSAB");
            assertThat(file).as(level.name()).contains(",4200,PA-SALES-6,-106.00").contains(",1010,Tax Exempt,106.00");
        }
    }

    private static String entry(Path zip, String prefix) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().startsWith(prefix)) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + prefix + " file in " + zip);
    }
}
