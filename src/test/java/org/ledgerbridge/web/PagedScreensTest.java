package org.ledgerbridge.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ledgerbridge.LedgerBridgeApplication;
import org.ledgerbridge.delivery.GlIntegration;
import org.ledgerbridge.demo.VolumeLedger;
import org.ledgerbridge.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * Screens over a ledger of 1,000 journals (200 waiting for the GL) and 250 documents: lists come
 * 100 rows a page with a Next page link that keeps the user's filters, and "all the journals in
 * the range" is sent on the server side with a progress page, each journal once.
 */
@SpringBootTest(classes = LedgerBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@DirtiesContext
@org.springframework.test.context.TestPropertySource(properties = "ledgerbridge.test.ledger=paged") // a context (and database) of its own
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagedScreensTest {

    private static final Pattern JOURNAL_LINK = Pattern.compile("href=\"/journals/(\\d+)\"");
    private static final Pattern NEXT_PAGE = Pattern.compile("href=\"([^\"]+)\"[^>]*(?:id=\"next-page\"|class=\"next-page\")");

    @Autowired WebApplicationContext context;
    @Autowired VolumeLedger volume;
    @Autowired GlIntegration integration;
    @Autowired BusinessDate businessDate;
    @Autowired JdbcClient jdbc;
    MockMvc mvc;

    @BeforeAll
    void a_ledger_of_a_thousand_journals() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        Path files = Files.createTempDirectory("paged-screens");
        volume.build(1_000, businessDate.today(), files, "setup", step -> {
        });
    }

    @Test
    void the_gl_screen_shows_a_hundred_journals_a_page_and_the_next_page_keeps_the_range_and_target() throws Exception {
        String first = page("/gl?target=" + VolumeLedger.TARGET);
        assertThat(first).contains("id=\"pending-count\">200<");
        Set<String> seen = new HashSet<>(journals(first));
        assertThat(seen).hasSize(100);

        String next = nextPage(first);
        assertThat(next).contains("target=" + VolumeLedger.TARGET).contains("from=").contains("cursor=");
        String second = page(next);
        assertThat(journals(second)).hasSize(100).noneMatch(seen::contains);
        assertThat(second).contains("First page").doesNotContain("id=\"next-page\"");
    }

    @Test
    void a_batch_name_opens_its_screen_with_its_totals_history_and_a_hundred_journals_a_page() throws Exception {
        long batch = jdbc.sql("SELECT batch_id FROM journal GROUP BY batch_id HAVING count(*) > 150 ORDER BY batch_id LIMIT 1")
                .query(Long.class).single();
        assertThat(page("/batches")).contains("href=\"/batches/" + batch + "\"");

        String first = page("/batches/" + batch);
        assertThat(first).contains("id=\"totals\"").contains("id=\"history\"").contains("opened");
        Set<String> seen = new HashSet<>(journals(first));
        assertThat(seen).hasSize(100);
        String second = page(nextPage(first));
        assertThat(journals(second)).isNotEmpty().noneMatch(seen::contains);

        var missing = mvc.perform(MockMvcRequestBuilders.get("/batches/999999").with(user("val").roles("VIEWER"))).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
    }

    @Test
    void the_aging_screen_pages_its_parties_and_its_csv_holds_every_party_the_pages_show() throws Exception {
        String first = page("/reports/aging?module=AR");
        assertThat(first).contains("id=\"aging-totals\"").contains("id=\"aging\"");
        int rows = countRows(first, "aging");
        String cursorPage = first;
        while (cursorPage.contains("class=\"next-page\"")) {
            cursorPage = page(nextPage(cursorPage));
            rows += countRows(cursorPage, "aging");
        }
        var csv = mvc.perform(MockMvcRequestBuilders.get("/reports/aging.csv?module=AR").with(user("val").roles("VIEWER"))).andReturn().getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        List<String> lines = csv.getContentAsString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("PARTY,NAME,ENTITY,CURRENCY,CURRENT,1-30,31-60,61-90,OVER 90,TOTAL");
        assertThat(lines).hasSize(rows + 1);

        String reports = page("/reports");
        assertThat(reports).contains("id=\"trial-balance\"").contains("id=\"reconciliation\"");
        var trialBalance = mvc.perform(MockMvcRequestBuilders.get("/reports/trial-balance.csv").with(user("val").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString();
        assertThat(trialBalance.lines().findFirst()).contains("ENTITY,ACCOUNT,DEBIT,CREDIT,BALANCE");
        assertThat(trialBalance.lines().count()).isGreaterThan(2);
    }

    /** The data rows (not the header) of the table with this id. */
    private static int countRows(String page, String tableId) {
        int start = page.indexOf("<table id=\"" + tableId + "\"");
        String table = page.substring(start, page.indexOf("</table>", start));
        return table.split("<tr").length - 2;
    }

    @Test
    void the_documents_screen_pages_and_keeps_its_filters() throws Exception {
        String first = page("/documents?closed=true&number=MIG-");
        String next = nextPage(first);
        assertThat(next).contains("closed=true").contains("number=MIG-").contains("cursor=");
        assertThat(page(next)).contains("MIG-");
        assertThat(page("/documents?entity=PSAB")).doesNotContain("id=\"next-page\"").doesNotContain("<td>BMC</td>").contains("<td>PSAB</td>");
    }

    @Test
    void sending_all_the_journals_in_the_range_runs_on_the_server_with_a_progress_page() throws Exception {
        LocalDate today = businessDate.today();
        String job = mvc.perform(MockMvcRequestBuilders.post("/gl/send").param("all", "true").param("target", VolumeLedger.TARGET)
                        .param("from", today.minusDays(40).toString()).param("to", today.toString())
                        .with(user("ann").roles("APPROVER")).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(job).startsWith("/gl/jobs/");

        String page = "";
        for (int i = 0; i < 200 && !page.contains("gl-job-"); i++) {
            Thread.sleep(100);
            page = page(job);
        }
        assertThat(page).contains("id=\"gl-job-message\">200 journal(s) sent to " + VolumeLedger.TARGET);
        assertThat(integration.summary(today.minusDays(40), today, today).journals()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM gl_delivery GROUP BY journal_id HAVING count(*) > 1").query(Long.class).list())
                .as("no journal sent twice").isEmpty();
    }

    private String page(String path) throws Exception {
        var response = mvc.perform(MockMvcRequestBuilders.get(path).with(user("val").roles("VIEWER"))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private static Set<String> journals(String page) {
        Set<String> ids = new HashSet<>();
        Matcher matcher = JOURNAL_LINK.matcher(page);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static String nextPage(String page) {
        Matcher matcher = NEXT_PAGE.matcher(page);
        assertThat(matcher.find()).as("a Next page link").isTrue();
        return matcher.group(1).replace("&amp;", "&").replaceFirst("^http://localhost", "");
    }
}
