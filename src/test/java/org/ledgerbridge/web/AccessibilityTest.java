package org.ledgerbridge.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.support.Chromium;
import org.ledgerbridge.support.Samples;
import org.ledgerbridge.support.WebLedgerTest;
import org.ledgerbridge.users.Role;
import org.ledgerbridge.users.UserAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every screen passes axe-core's WCAG 2.2 A and AA rules, with data on it, logged in and out. */
@WebLedgerTest
class AccessibilityTest {

    private static final String PASSWORD = "a long enough password";
    private static final List<String> WCAG_A_AND_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private static ChromeDriver browser;

    @LocalServerPort int port;
    @Autowired UserAccounts users;
    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired BatchService batches;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    static void chromium() throws IOException {
        browser = Chromium.start(Files.createTempDirectory("ledgerbridge-downloads"));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void every_screen_meets_wcag_2_2_a_and_aa() throws InterruptedException {
        if (users.find("maria").isEmpty()) {
            users.add("maria", Role.ADMIN, PASSWORD, "setup");
            Samples.withOpenInvoices(imports, migrationMode, migrated, LocalDate.now());
            var payments = imports.run("payments", Samples.file("payments.csv"),
                    org.ledgerbridge.imports.ImportOptions.of(LocalDate.now(), "setup").withFlag("allow-overpayment", "true"));
            assertThat(payments.status()).as(payments.errors().toString()).isEqualTo(org.ledgerbridge.imports.ImportStatus.COMMITTED);
        }
        Map<String, List<String>> violations = new LinkedHashMap<>();
        check("/login", violations);
        logIn();
        List<String> screens = new ArrayList<>(List.of("/", "/imports", "/documents", "/projects", "/batches", "/reports",
                "/reports/aging?module=AR", "/export", "/gl", "/imis", "/settings", "/me/password", "/nothing-here"));
        assertThat(batches.list()).as("screens with rows on them").isNotEmpty();
        screens.add("/batches/" + batches.list().get(0).id());
        screens.add("/documents/" + jdbc.sql("SELECT entity_code || '/' || module || '/' || number FROM document ORDER BY number LIMIT 1")
                .query(String.class).single());
        screens.add("/journals/" + jdbc.sql("SELECT min(id) FROM journal").query(Long.class).single());
        for (String screen : screens) {
            check(screen, violations);
        }
        // the screens a form leads to: an import's preview, the iMIS converter's batches and its report
        browser.get("http://localhost:" + port + "/imports");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind"))).selectByValue("parties");
        browser.findElement(By.id("file")).sendKeys(Samples.file("parties.csv").toAbsolutePath().toString());
        browser.findElement(By.id("preview")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("import-status")));
        analyze("import preview", violations);
        browser.get("http://localhost:" + port + "/imis");
        browser.findElement(By.id("imis-file")).sendKeys(Samples.file("imis-export.csv").toAbsolutePath().toString());
        browser.findElement(By.id("imis-upload")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("imis-convert")));
        analyze("iMIS batches", violations);
        browser.findElement(By.cssSelector("input[name=batch][value='1041']")).click();
        browser.findElement(By.id("imis-convert")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("imis-report")));
        analyze("iMIS report", violations);
        assertThat(violations).as("axe-core's WCAG 2.2 A/AA violations per screen").isEmpty();

        // WCAG 1.4.10 reflow: on a phone 390 px wide no screen scrolls sideways (a wide table scrolls within itself)
        Map<String, String> tooWide = new LinkedHashMap<>();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            for (String screen : screens) {
                browser.get("http://localhost:" + port + screen);
                long overflow = 0;
                for (int look = 0; look < 5; look++) { // measured once the page is laid out at the new width
                    overflow = (Long) browser.executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                    if (overflow <= 0) {
                        break;
                    }
                    Thread.sleep(200);
                }
                if (overflow > 0) {
                    // which elements stick out, for whoever fixes it
                    tooWide.put(screen, overflow + " px: " + browser.executeScript("""
                            var width = document.documentElement.clientWidth, out = [];
                            document.querySelectorAll('body *').forEach(function (e) {
                              if (e.getBoundingClientRect().right > width + 0.5 && out.length < 5) {
                                out.push(e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''));
                              }
                            });
                            return out.join(', ');"""));
                }
            }
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        }
        assertThat(tooWide).as("pixels each screen scrolls sideways at 390 px").isEmpty();
    }

    private void check(String path, Map<String, List<String>> violations) {
        browser.get("http://localhost:" + port + path);
        analyze(path, violations);
    }

    private void analyze(String path, Map<String, List<String>> violations) {
        Results results = new AxeBuilder().withTags(WCAG_A_AND_AA).analyze(browser);
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            found.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream()
                    .map(node -> node.getTarget().toString()).limit(3).toList());
        }
        if (!found.isEmpty()) {
            violations.put(path, found);
        }
    }

    private void logIn() {
        browser.findElement(By.id("username")).sendKeys("maria");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
    }
}
