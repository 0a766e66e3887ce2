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

    @Test
    void a_workbook_that_would_inflate_to_gigabytes_is_refused_by_the_web_upload_as_at_once_as_by_the_api() throws Exception {
        byte[] bomb = zip("xl/worksheets/sheet1.xml", 80 << 20);

        long started = System.nanoTime();
        String job = mvc.perform(MockMvcRequestBuilders.multipart("/imports").file(new MockMultipartFile("file", "bomb.xlsx", null, bomb))
                .param("kind", "payments").with(user("pat").roles("PREPARER")).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        String page = awaitReport(job);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(page).contains(">rejected<").contains("ZIP_BOMB");
        assertThat(millis).as("the web upload checks the workbook before it opens it, as the API does").isLessThan(5_000);
        var api = mvc.perform(MockMvcRequestBuilders.multipart("/api/imports/payments").file(new MockMultipartFile("file", "bomb.xlsx", null, bomb))
                .with(user("pat").roles("PREPARER")).with(csrf())).andReturn().getResponse();
        assertThat(api.getContentAsString()).contains("\"code\":\"ZIP_BOMB\"");
    }

    @Test
    void a_damaged_workbook_is_a_coded_error_on_the_screen_and_in_the_api_never_a_server_error() throws Exception {
        byte[] template = mvc.perform(MockMvcRequestBuilders.get("/imports/templates/payments").param("format", "xlsx")
                .with(user("pat").roles("PREPARER"))).andReturn().getResponse().getContentAsByteArray();
        java.util.Map<String, byte[]> damaged = new java.util.LinkedHashMap<>();
        damaged.put("cut in half", java.util.Arrays.copyOf(template, template.length / 2));
        damaged.put("a zip of anything", zip("notes.txt", 10));
        damaged.put("a sheet that is no XML", zipOf("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c r=\"A1\"".getBytes()));
        damaged.put("only a signature", new byte[]{'P', 'K', 3, 4, 0, 0});
        for (var entry : damaged.entrySet()) {
            var file = new MockMultipartFile("file", "damaged.xlsx", null, entry.getValue());
            var api = mvc.perform(MockMvcRequestBuilders.multipart("/api/imports/payments").file(file)
                    .with(user("pat").roles("PREPARER")).with(csrf())).andReturn().getResponse();
            assertThat(api.getStatus()).as(entry.getKey()).isEqualTo(422);
            assertThat(api.getContentAsString()).as(entry.getKey()).contains("\"code\":\"FILE_REJECTED\"").contains("\"code\":\"MALFORMED_XLSX\"");

            String job = mvc.perform(MockMvcRequestBuilders.multipart("/imports").file(file).param("kind", "payments")
                    .with(user("pat").roles("PREPARER")).with(csrf())).andReturn().getResponse().getRedirectedUrl();
            assertThat(awaitReport(job)).as(entry.getKey()).contains(">rejected<").contains("MALFORMED_XLSX");
        }
    }

    @Test
    void the_imis_converter_shows_what_it_wrote_per_entity_with_a_link_to_the_files() throws Exception {
        var file = new MockMultipartFile("file", "imis-export.csv", "text/csv", java.nio.file.Files.readAllBytes(Samples.file("imis-export.csv")));
        String uploaded = mvc.perform(MockMvcRequestBuilders.multipart("/imis/upload").file(file).with(user("pat").roles("PREPARER")).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        String token = token(uploaded);

        var converted = mvc.perform(MockMvcRequestBuilders.post("/imis/convert").param("token", token).param("batch", "1041")
                .param("format", "sage300").with(user("pat").roles("PREPARER")).with(csrf())).andReturn().getResponse();

        assertThat(converted.getStatus()).isEqualTo(200);
        String page = converted.getContentAsString();
        assertThat(page).contains("id=\"imis-report\"").contains("id=\"imis-files\"").contains("Total PSAB").contains("id=\"imis-debit-PSAB\"")
                .contains("<span>7</span> lines").contains("name=\"token\" value=\"" + token + "\"");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/imis/download/[^\"]+)\"").matcher(page);
        assertThat(link.find()).isTrue();
        var zip = mvc.perform(MockMvcRequestBuilders.get(link.group(1).replace("&amp;", "&")).with(user("pat").roles("PREPARER")))
                .andReturn().getResponse();
        assertThat(zip.getContentType()).isEqualTo("application/zip");
        assertThat(zip.getHeader("Content-Disposition")).contains("imis-1041-sage300.zip");
        assertThat(zip.getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');
    }

    @Test
    void a_conversion_refused_keeps_the_upload_and_the_batches_ticked_so_the_clerk_need_not_upload_again() throws Exception {
        String export = java.nio.file.Files.readString(Samples.file("imis-export.csv")).replaceFirst(",-120.00", ",-120.005");
        var file = new MockMultipartFile("file", "imis-bad.csv", "text/csv", export.getBytes(StandardCharsets.UTF_8));
        String token = token(mvc.perform(MockMvcRequestBuilders.multipart("/imis/upload").file(file).with(user("pat").roles("PREPARER"))
                .with(csrf())).andReturn().getResponse().getContentAsString());

        var refused = mvc.perform(MockMvcRequestBuilders.post("/imis/convert").param("token", token).param("batch", "1041")
                .with(user("pat").roles("PREPARER")).with(csrf())).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(422);
        String page = refused.getContentAsString();
        assertThat(page).contains("id=\"imis-errors\"").contains("nothing written").contains("name=\"token\" value=\"" + token + "\"")
                .containsPattern("value=\"1041\"\\s+aria-label=\"batch 1041\"\\s+checked").doesNotContain("id=\"imis-report\"");
        var none = mvc.perform(MockMvcRequestBuilders.post("/imis/convert").param("token", token).with(user("pat").roles("PREPARER")).with(csrf()))
                .andReturn().getResponse();
        assertThat(none.getContentAsString()).contains("Tick at least one batch").contains("name=\"token\" value=\"" + token + "\"");
    }

    private static String token(String page) {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as(page).isTrue();
        return token.group(1);
    }

    private String awaitReport(String job) throws Exception {
        String page = "";
        for (int i = 0; i < 100 && !page.contains("import-status"); i++) {
            Thread.sleep(100);
            page = mvc.perform(MockMvcRequestBuilders.get(job).with(user("pat").roles("PREPARER"))).andReturn().getResponse()
                    .getContentAsString();
        }
        return page;
    }

    /** A workbook-shaped ZIP whose one part is {@code size} spaces. */
    private static byte[] zip(String part, int size) throws java.io.IOException {
        byte[] spaces = new byte[size];
        java.util.Arrays.fill(spaces, (byte) ' ');
        return zipOf(part, spaces);
    }

    private static byte[] zipOf(String part, byte[] content) throws java.io.IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(part));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
