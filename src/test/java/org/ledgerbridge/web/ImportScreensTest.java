package org.ledgerbridge.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.LedgerBridgeApplication;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.support.Samples;
import org.ledgerbridge.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/** The imports screen with a bad file: every error by row and column on the page and in the CSV, nothing written. */
@SpringBootTest(classes = LedgerBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@DirtiesContext
class ImportScreensTest {

    @Autowired WebApplicationContext context;
    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired JdbcClient jdbc;
    MockMvc mvc;

    @BeforeEach
    void the_sample_ledger() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        if (jdbc.sql("SELECT count(*) FROM financial_entity").query(Long.class).single() == 0) {
            Samples.withOpenInvoices(imports, migrationMode, migrated, LocalDate.of(2026, 11, 21));
        }
    }

    @Test
    void exporting_a_range_with_nothing_new_says_so_instead_of_downloading_an_empty_zip() throws Exception {
        var answer = mvc.perform(MockMvcRequestBuilders.post("/export/gl").param("from", "2020-01-01").param("to", "2020-01-31")
                        .param("format", "csv").with(user("amy").roles("APPROVER")).with(csrf()))
                .andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentType()).startsWith("text/html");
        assertThat(answer.getContentAsString()).contains("No journal to export from 2020-01-01 to 2020-01-31");
    }

    @Test
    void a_rejected_preview_lists_each_error_by_row_and_column_and_offers_them_as_csv() throws Exception {
        var file = new MockMultipartFile("file", "payments.csv", "text/csv", ("BILL_TO_ID,AMOUNT,PAYMENT_METHOD_ID,DATE,CHECK_NUMBER,"
                + "INVOICE_NUMBERS,INVOICE_TYPES,SOURCE_SYSTEMS,IS_PREPAYMENT\n100231,1.234,VISA,2026-11-02,,INV-20411,,,\n"
                + "100231,10.00,VISA,2026-02-31,=HYPERLINK(\"x\"),INV-20411,,,\n").getBytes(StandardCharsets.UTF_8));
        String job = mvc.perform(MockMvcRequestBuilders.multipart("/imports").file(file).param("kind", "payments")
                        .with(user("pat").roles("PREPARER")).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(job).startsWith("/imports/jobs/");

        String page = "";
        for (int i = 0; i < 100 && !page.contains("import-status"); i++) {
            Thread.sleep(100);
            page = mvc.perform(MockMvcRequestBuilders.get(job).with(user("pat").roles("PREPARER")))
                    .andReturn().getResponse().getContentAsString();
        }
        assertThat(page).contains(">rejected<").contains("AMOUNT_EXCEEDS_CURRENCY_SCALE").contains("INVALID_DATE")
                .contains("FORMULA_NOT_ALLOWED").doesNotContain("id=\"commit\"");

        String csv = mvc.perform(MockMvcRequestBuilders.get(job + "/errors.csv").with(user("val").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("ROW,COLUMN,SEVERITY,CODE,MESSAGE")
                .contains("2,\"AMOUNT\",error,\"AMOUNT_EXCEEDS_CURRENCY_SCALE\"")
                .contains("3,\"DATE\",error,\"INVALID_DATE\"")
                .contains("3,\"CHECK_NUMBER\",error,\"FORMULA_NOT_ALLOWED\"");
        assertThat(jdbc.sql("SELECT count(*) FROM payment").query(Long.class).single()).isZero();
    }

    @Test
    void the_imis_converter_screen_says_beside_a_batch_that_the_ledger_already_posted_it() throws Exception {
        if (jdbc.sql("SELECT count(*) FROM imis_line_posted WHERE batch_num = '1042'").query(Long.class).single() == 0) {
            assertThat(imports.run("imis", Samples.file("imis-export.csv"), org.ledgerbridge.imports.ImportOptions.of(LocalDate.of(2026, 11, 21),
                    "clerk").withFlag("batch", "1042")).status()).isEqualTo(org.ledgerbridge.imports.ImportStatus.COMMITTED);
        }
        var file = new MockMultipartFile("file", "imis-export.csv", "text/csv", java.nio.file.Files.readAllBytes(Samples.file("imis-export.csv")));

        String page = mvc.perform(MockMvcRequestBuilders.multipart("/imis/upload").file(file).with(user("pat").roles("PREPARER")).with(csrf()))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"warning-1042\"").contains("iMIS batch 1042 is in the ledger as AB001042-1 (OPEN)")
                .doesNotContain("id=\"warning-1041\"");
    }

    @Test
    void the_imports_screen_offers_a_template_of_each_kind_and_the_api_gives_the_same_file() throws Exception {
        String page = mvc.perform(MockMvcRequestBuilders.get("/imports").with(user("val").roles("VIEWER"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"template-payments\"", "/imports/templates/opening-balances?format=xlsx");

        var csv = mvc.perform(MockMvcRequestBuilders.get("/imports/templates/payments").with(user("val").roles("VIEWER"))).andReturn()
                .getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).contains("payments-template.csv");
        var api = mvc.perform(MockMvcRequestBuilders.get("/api/imports/templates/payments").with(user("val").roles("VIEWER"))).andReturn()
                .getResponse();
        assertThat(api.getContentAsByteArray()).isEqualTo(csv.getContentAsByteArray());
        var xlsx = mvc.perform(MockMvcRequestBuilders.get("/api/imports/templates/payments").param("format", "xlsx")
                .with(user("val").roles("VIEWER"))).andReturn().getResponse();
        assertThat(xlsx.getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/imports/templates/nonsense").with(user("val").roles("VIEWER")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
