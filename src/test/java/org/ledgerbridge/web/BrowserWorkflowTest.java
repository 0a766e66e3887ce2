package org.ledgerbridge.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.delivery.GlTargets;
import org.ledgerbridge.delivery.GlTarget;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchStatus;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.support.Samples;
import org.ledgerbridge.support.WebLedgerTest;
import org.ledgerbridge.users.Role;
import org.ledgerbridge.users.UserAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds' workflow in Debian's headless Chromium, from the browser alone: log in, upload the
 * sample payments, see the preview, commit, post the batches, export, send to the GL. Screenshots
 * of each screen go to target/screenshots (docs/screenshots holds the ones the README shows).
 * Skipped, saying so, where chromium and chromedriver are not installed (`.ci/run` installs them).
 */
@WebLedgerTest
@org.springframework.test.annotation.DirtiesContext(classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class BrowserWorkflowTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String PASSWORD = "a long enough password";

    private static ChromeDriver browser;
    private static Path downloads;

    @LocalServerPort int port;
    @Autowired UserAccounts users;
    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired LedgerSetup setup;
    @Autowired GlTargets glTargets;
    @Autowired BatchService batches;
    @TempDir Path dir;

    @BeforeAll
    static void chromium() throws IOException {
        downloads = Files.createTempDirectory("ledgerbridge-downloads");
        browser = org.ledgerbridge.support.Chromium.start(downloads);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_bookkeeper_imports_the_sample_payments_posts_them_exports_and_sends_them_to_the_gl_from_the_browser() throws IOException {
        users.add("maria", Role.ADMIN, PASSWORD, "setup");
        Samples.withOpenInvoices(imports, migrationMode, migrated, LocalDate.now());
        Path sageFolder = dir.resolve("sage-import");
        glTargets.addTarget("sage", GlTarget.Type.file, "sage300", sageFolder.toString(), null, "setup");
        Samples.glHasTheLedgersChart(imports, setup, "sage", dir);

        logIn("maria");
        assertThat(browser.findElement(By.id("current-user")).getText()).isEqualTo("maria");
        screenshot("dashboard");

        // Imports: upload, preview, commit
        open("/imports");
        new Select(browser.findElement(By.id("kind"))).selectByValue("payments");
        browser.findElement(By.id("file")).sendKeys(Samples.file("payments.csv").toAbsolutePath().toString());
        browser.findElement(By.id("allow-overpayment")).click();
        browser.findElement(By.id("preview")).click();
        waitForText(By.id("import-status"), "valid");
        assertThat(browser.findElement(By.id("first-rows")).getText()).contains("BILL_TO_ID").contains("INV-20411");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("Amount received 3,165.00");
        assertThat(batches.list()).isEmpty();
        screenshot("import-preview");
        clickWhenSettled(By.id("commit")); // the preview's fragment may be swapped in between finding and clicking
        waitForText(By.id("import-status"), "committed");
        screenshot("import-committed");
        assertThat(batches.list()).isNotEmpty();

        // Batches: select all, set READY, post selected
        open("/batches");
        browser.findElement(By.id("select-all")).click();
        browser.findElement(By.id("set-status")).click();
        waitForText(By.id("message"), "now READY");
        browser.findElement(By.id("select-all")).click();
        browser.findElement(By.id("post-selected")).click();
        browser.switchTo().alert().accept();
        waitForText(By.id("message"), "now POSTED");
        screenshot("batches");
        assertThat(batches.list()).allMatch(b -> b.status() == BatchStatus.POSTED);

        // GL export: the ZIP is downloaded
        open("/export");
        browser.executeScript("document.getElementById('from').value = '2026-01-01'");
        screenshot("gl-export");
        browser.findElement(By.id("export")).click();
        Path zip = awaitDownload(".zip");
        assertThat(Files.readAllBytes(zip)).startsWith('P', 'K');

        // GL integration: select all, send to the GL target
        open("/gl?from=2026-01-01");
        browser.findElement(By.id("select-all")).click();
        screenshot("gl-integration");
        browser.findElement(By.id("send")).click();
        browser.switchTo().alert().accept();
        waitForText(By.id("message"), "sent to sage");
        try (var sent = Files.list(sageFolder)) {
            assertThat(sent.count()).isPositive();
        }
        assertThat(browser.findElement(By.id("pending-count")).getText()).isEqualTo("0");

        // the other screens a bookkeeper opens
        open("/documents?party=100231&closed=true");
        screenshot("documents");
        browser.findElement(By.linkText("INV-20411")).click();
        assertThat(browser.findElement(By.id("open-balance")).getText()).startsWith("0.00 "); // paid in full by the sample
        screenshot("document");
        open("/imis");
        browser.findElement(By.id("imis-file")).sendKeys(Samples.file("imis-export.csv").toAbsolutePath().toString());
        browser.findElement(By.id("imis-upload")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("imis-convert")));
        browser.findElement(By.cssSelector("input[name=batch][value='1041']")).click();
        screenshot("imis-converter");
        browser.findElement(By.id("imis-convert")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("imis-report")));
        assertThat(browser.findElement(By.id("imis-files")).getText()).contains("PSAB");
        screenshot("imis-converted");
        browser.findElement(By.id("imis-download")).click();
        Path converted = awaitDownload("-sage300.zip");
        try (var zipFile = new java.util.zip.ZipFile(converted.toFile())) {
            assertThat(zipFile.size()).as("one GL file per financial entity").isGreaterThanOrEqualTo(2);
        }
        open("/settings");
        screenshot("settings");
    }

    @Test
    void a_controller_migrates_the_open_documents_from_the_browser_and_releases_them() throws IOException {
        users.add("chris", Role.ADMIN, PASSWORD, "setup");
        Samples.imported(imports, LocalDate.now(), "entities", "accounts", "parties");
        logIn("chris");

        open("/documents");
        browser.findElement(By.xpath("//td[@id='migration-AR']/following-sibling::td[2]//button")).click();
        waitForText(By.id("migration-AR"), "ON");
        browser.findElement(By.xpath("//td[@id='migration-AP']/following-sibling::td[2]//button")).click();
        waitForText(By.id("migration-AP"), "ON");

        open("/imports");
        new Select(browser.findElement(By.id("kind"))).selectByValue("documents");
        browser.findElement(By.id("file")).sendKeys(Samples.file("documents.csv").toAbsolutePath().toString());
        browser.findElement(By.id("preview")).click();
        waitForText(By.id("import-status"), "valid");
        clickWhenSettled(By.id("commit")); // the preview's fragment may be swapped in between finding and clicking
        waitForText(By.id("import-status"), "committed");

        open("/documents");
        browser.findElement(By.id("release-all")).click();
        browser.switchTo().alert().accept();
        waitForText(By.id("message"), "released");
        screenshot("documents-released");
        assertThat(browser.findElement(By.id("documents")).getText()).contains("INV-20411").contains("OPEN");
    }

    @Test
    void a_new_accountant_imports_with_a_saved_mapping_reads_and_posts_a_batch_checks_the_books_and_an_admin_stops_a_guessed_login()
            throws IOException {
        users.add("nora", Role.ADMIN, PASSWORD, "setup");
        users.add("joe", Role.PREPARER, PASSWORD, "setup");
        Samples.imported(imports, LocalDate.now(), "entities", "accounts", "parties");
        Path legacy = Files.writeString(dir.resolve("legacy-opening-balances.csv"), org.ledgerbridge.support.LegacyOpeningBalances.FILE);
        var accounts = setup.accounts().stream().filter(a -> a.entity().equals("PSAB") && a.role() == null && a.active()).limit(2).toList();
        Path journals = Files.writeString(dir.resolve("gl-transactions.csv"), "ENTITY,DATE,JOURNAL,ACCOUNT,DEBIT,CREDIT,DESCRIPTION\n"
                + "PSAB," + LocalDate.now() + ",ADJ-1," + accounts.get(0).code() + ",1250.00,0,Year-end accrual\n"
                + "PSAB," + LocalDate.now() + ",ADJ-1," + accounts.get(1).code() + ",0,1250.00,Year-end accrual\n");
        logIn("nora");

        // Settings: the old system's column names, saved once
        open("/settings");
        browser.findElement(By.id("mapping-name")).sendKeys("Legacy AR");
        browser.findElement(By.id("mapping-text")).sendKeys(org.ledgerbridge.support.LegacyOpeningBalances.PROFILE);
        browser.findElement(By.xpath("//button[text()='Save column mapping']")).click();
        waitForText(By.id("message"), "Column mapping Legacy AR saved.");

        // Imports: the legacy file with the mapping picked by name, previewed with its totals, then committed
        open("/imports");
        new Select(browser.findElement(By.id("kind"))).selectByValue("opening-balances");
        assertThat(browser.findElement(By.id("allow-overpayment")).isDisplayed()).as("payments' options hidden").isFalse();
        assertThat(browser.findElement(By.id("kind-template")).getAttribute("href")).endsWith("/imports/templates/opening-balances");
        new Select(browser.findElement(By.id("mapping-profile"))).selectByVisibleText("Legacy AR");
        browser.findElement(By.id("file")).sendKeys(legacy.toAbsolutePath().toString());
        browser.findElement(By.id("preview")).click();
        waitForText(By.id("import-status"), "valid");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("Open balance 200.00").contains("Invoices 1");
        screenshot("import-preview-with-mapping");
        clickWhenSettled(By.id("commit"));
        waitForText(By.id("import-status"), "committed");

        // a batch of journals: opened from the list, read line by line, then posted
        open("/imports");
        new Select(browser.findElement(By.id("kind"))).selectByValue("gl-transactions");
        browser.findElement(By.id("file")).sendKeys(journals.toAbsolutePath().toString());
        browser.findElement(By.id("preview")).click();
        waitForText(By.id("import-status"), "valid");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("Journals 1").contains("PSAB debit = credit 1,250.00");
        clickWhenSettled(By.id("commit"));
        waitForText(By.id("import-status"), "committed");
        var batch = batches.list().get(0);
        open("/batches");
        browser.findElement(By.linkText(batch.name())).click();
        assertThat(browser.findElement(By.id("totals")).getText()).contains(accounts.get(0).code()).contains("1,250.00");
        assertThat(browser.findElement(By.cssSelector("section.journal")).getText()).contains("Year-end accrual");
        screenshot("batch");
        open("/batches");
        browser.findElement(By.cssSelector("input[name=id][value='" + batch.id() + "']")).click();
        browser.findElement(By.id("set-status")).click();
        waitForText(By.id("message"), "now READY");
        browser.findElement(By.cssSelector("input[name=id][value='" + batch.id() + "']")).click();
        browser.findElement(By.id("post-selected")).click();
        browser.switchTo().alert().accept();
        waitForText(By.id("message"), "now POSTED");

        // the books: trial balance and AR aging
        open("/reports");
        assertThat(browser.findElement(By.id("trial-balance")).getText()).contains(accounts.get(0).code()).contains("1,250.00 USD");
        screenshot("trial-balance");
        open("/reports/aging?module=AR");
        assertThat(browser.findElement(By.id("aging")).getText()).contains("100231").contains("200.00");
        screenshot("aging");

        // someone guesses joe's password until the login is throttled; an admin disables joe
        browser.manage().deleteAllCookies();
        for (int i = 0; i < 6; i++) {
            open("/login");
            browser.findElement(By.id("username")).sendKeys("joe");
            browser.findElement(By.id("password")).sendKeys("guess number " + i);
            browser.findElement(By.id("login")).click();
            // the next page load must not cancel this one's POST, or the failure may never be counted
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(driver -> driver.getCurrentUrl().contains("error") || driver.getCurrentUrl().contains("throttled"));
        }
        assertThat(browser.findElement(By.id("throttled")).getText()).contains("Too many failed logins");
        screenshot("login-throttled");
        logIn("nora");
        open("/settings");
        browser.findElement(By.id("enabled-joe")).click();
        waitForText(By.id("message"), "User joe disabled.");
        assertThat(users.find("joe")).hasValueSatisfying(joe -> assertThat(joe.enabled()).isFalse());
    }

    @Test
    void a_viewer_sees_the_screens_but_no_button_that_changes_the_ledger() {
        users.add("val", Role.VIEWER, PASSWORD, "setup");
        logIn("val");
        open("/imports");
        assertThat(browser.findElements(By.id("upload-form"))).isEmpty();
        open("/export");
        assertThat(browser.findElements(By.id("export-form"))).isEmpty();
        open("/gl");
        assertThat(browser.findElements(By.id("send"))).isEmpty();
        assertThat(browser.findElements(By.id("mark-sent"))).isEmpty();
    }

    private void logIn(String user) {
        browser.manage().deleteAllCookies();
        open("/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** Clicks the element as it is once htmx stopped swapping it: a stale one is looked up again. */
    private static void clickWhenSettled(By element) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> {
                    driver.findElement(element).click();
                    return true;
                });
    }

    private static void waitForText(By element, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(element, text));
    }

    private static Path awaitDownload(String suffix) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            // Chromium puts an empty file of the final name in place at the start and writes to a .crdownload beside it
            try (var files = Files.list(downloads)) {
                List<Path> all = files.toList();
                if (all.stream().anyMatch(f -> f.toString().endsWith(".crdownload"))) {
                    return null;
                }
                return all.stream().filter(f -> f.toString().endsWith(suffix) && f.toFile().length() > 0).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
