package org.ledgerbridge.projects;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.LedgerBridgeApplication;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.imports.RowProblem;
import org.ledgerbridge.ledger.LedgerCheck;
import org.ledgerbridge.receivables.DocumentChange;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.ledgerbridge.support.Samples;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/** Migration of project balances: projects, pro forma invoices and transactions, released without a GL entry. */
@SpringBootTest(classes = LedgerBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class ProjectBalancesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PRO_FORMA = "NUMBER,PROJECT,DATE,ORIGINAL_AMOUNT,OPEN_BALANCE,AR_DOCUMENT\n";
    private static final String TRANSACTIONS = "PROJECT,REVENUE_LINE,DATE,AMOUNT,QUANTITY,DEBIT_ACCOUNT,CREDIT_ACCOUNT\n";

    @Autowired WebApplicationContext context;
    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired Projects projects;
    @Autowired LedgerCheck check;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    /** The sample ledger's released AR documents; Ashland's code update (PSAB) and the consortium's audit (BMC). */
    @BeforeEach
    void two_projects_of_the_sample_ledger() throws IOException {
        Samples.withOpenInvoices(imports, migrationMode, migrated, TODAY);
        assertThat(importFile("projects", "PROJECT,ENTITY,CUSTOMER_ID,NAME,STATUS\n"
                + "PRJ-100,PSAB,100231,Borough code update 2026,ACTIVE\nPRJ-200,BMC,100233,Consortium audit,COMPLETED\n").status())
                .isEqualTo(ImportStatus.COMMITTED);
    }

    private ImportReport importFile(String kind, String content) throws IOException {
        Path file = dir.resolve(kind + "-" + System.nanoTime() + ".csv");
        Files.writeString(file, content);
        return imports.run(kind, file, ImportOptions.of(TODAY, "tester"));
    }

    private long journals() {
        return jdbc.sql("SELECT count(*) FROM journal").query(Long.class).single();
    }

    private void pmOn() {
        migrationMode.set(NewDocument.Module.PM, true, "controller");
    }

    private void theMigratedBalances() throws IOException {
        assertThat(importFile("pro-forma-invoices", PRO_FORMA
                + "PF-1,PRJ-100,2026-09-30,5000.00,2000.00,INV-20410\nPF-2,PRJ-100,2026-10-31,1000.00,0.00,\n"
                + "PF-3,PRJ-200,2026-10-31,750.00,750.00,INV-20413\n").status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(importFile("project-transactions", TRANSACTIONS
                + "PRJ-100,CONSULTING,2026-09-15,1200.00,8,1200,\nPRJ-100,CONSULTING,2026-09-20,300.00,2,1200,\n"
                + "PRJ-100,PRINTING,2026-09-25,500.00,,1200,\n").status()).isEqualTo(ImportStatus.COMMITTED);
    }

    @Test
    void pro_forma_invoices_and_transactions_are_refused_by_a_ledger_rule_while_pm_is_not_in_migration_mode() throws IOException {
        ImportReport proForma = importFile("pro-forma-invoices", PRO_FORMA + "PF-1,PRJ-100,2026-09-30,5000.00,2000.00,\n");
        ImportReport transactions = importFile("project-transactions", TRANSACTIONS + "PRJ-100,CONSULTING,2026-09-15,1200.00,8,1200,\n");

        assertThat(proForma.refusedByLedgerRule()).isTrue();
        assertThat(proForma.errors()).extracting(p -> p.code().name()).containsExactly("MIGRATION_MODE_OFF");
        assertThat(transactions.errors()).extracting(p -> p.code().name()).containsExactly("MIGRATION_MODE_OFF");
        assertThat(jdbc.sql("SELECT count(*) FROM pro_forma_invoice").query(Long.class).single()).isZero();
    }

    @Test
    void each_rule_of_the_three_files_is_an_error_at_its_row_and_column_and_nothing_is_written() throws IOException {
        pmOn();
        ImportReport badProjects = importFile("projects", "PROJECT,ENTITY,CUSTOMER_ID,NAME,STATUS\n"
                + "PRJ-100,PSAB,100231,again,ACTIVE\nPRJ-300,NOPE,100231,x,ACTIVE\nPRJ-301,PSAB,V9001,a vendor,ACTIVE\n"
                + "PRJ-302,PSAB,100231,x,FINISHED\n");
        ImportReport badProForma = importFile("pro-forma-invoices", PRO_FORMA
                + "PF-1,PRJ-999,2026-09-30,5000.00,2000.00,\n"
                + "PF-2,PRJ-100,2026-09-30,5000.00,6000.00,\n"
                + "PF-3,PRJ-100,2026-09-30,5000.00,2000.00,INV-99999\n"
                + "PF-4,PRJ-100,2026-09-30,5000.00,2000.00,INV-20412\n"
                + "PF-5,PRJ-100,2026-09-30,5000.001,2000.00,\n"
                + "PF-5,PRJ-100,2026-09-30,5000.00,2000.00,\n"
                + "PF-6,PRJ-100,2026-09-30,-5.00,0.00,\n"
                + "PF-7,PRJ-100,2026-09-30,5.00,-1.00,\n");
        ImportReport badTransactions = importFile("project-transactions", TRANSACTIONS
                + "PRJ-100,CONSULTING,2026-09-15,1200.00,8,1200,4000\n"
                + "PRJ-100,CONSULTING,2026-09-15,1200.00,8,9999,\n"
                + "PRJ-999,CONSULTING,2026-09-15,1200.00,8,1200,\n"
                + "PRJ-100,,2026-09-15,1200.00,8,1200,\n");

        assertThat(badProjects.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name()).containsExactly(
                tuple(2L, "PROJECT", "ALREADY_EXISTS"), tuple(3L, "ENTITY", "UNKNOWN_ENTITY"),
                tuple(4L, "CUSTOMER_ID", "PARTY_KIND_MISMATCH"), tuple(5L, "STATUS", "INVALID_VALUE"));
        assertThat(badProForma.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name()).containsExactly(
                tuple(2L, "PROJECT", "UNKNOWN_PROJECT"), tuple(3L, "OPEN_BALANCE", "OPEN_BALANCE_EXCEEDS_ORIGINAL"),
                tuple(4L, "AR_DOCUMENT", "UNKNOWN_AR_DOCUMENT"), tuple(5L, "AR_DOCUMENT", "AR_DOCUMENT_OF_ANOTHER_CUSTOMER"),
                tuple(6L, "ORIGINAL_AMOUNT", "AMOUNT_EXCEEDS_CURRENCY_SCALE"), tuple(7L, "NUMBER", "DUPLICATE_IN_FILE"),
                tuple(8L, "ORIGINAL_AMOUNT", "AMOUNT_NEGATIVE"), tuple(9L, "OPEN_BALANCE", "OPEN_BALANCE_NEGATIVE"));
        assertThat(badTransactions.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name()).containsExactly(
                tuple(2L, "CREDIT_ACCOUNT", "PROJECT_CREDIT_ACCOUNT_NOT_ALLOWED"), tuple(3L, "DEBIT_ACCOUNT", "UNKNOWN_ACCOUNT"),
                tuple(4L, "PROJECT", "UNKNOWN_PROJECT"), tuple(5L, "REVENUE_LINE", "VALUE_REQUIRED"));
        assertThat(jdbc.sql("SELECT (SELECT count(*) FROM project) + (SELECT count(*) FROM pro_forma_invoice) "
                + "+ (SELECT count(*) FROM project_transaction)").query(Long.class).single()).as("the two projects only").isEqualTo(2);
    }

    @Test
    void releasing_updates_project_balances_and_revenue_line_actuals_and_posts_no_journal() throws IOException {
        pmOn();
        theMigratedBalances();
        long journalsBefore = journals();
        assertThat(projects.find("PRJ-100").orElseThrow().balance()).as("nothing released yet").isEqualByComparingTo("0.00");

        DocumentChange release = projects.release("controller");

        assertThat(release).isEqualTo(new DocumentChange.Done(6, 1, 0));
        ProjectBalances code = projects.find("PRJ-100").orElseThrow();
        assertThat(code.balance()).isEqualByComparingTo("2000.00");
        assertThat(code.proForma()).extracting(ProjectBalances.ProForma::number, ProjectBalances.ProForma::arDocument,
                ProjectBalances.ProForma::migrated).containsExactly(tuple("PF-1", "INV-20410", true), tuple("PF-2", null, true));
        assertThat(code.revenueLines()).extracting(ProjectBalances.RevenueLine::revenueLine, ProjectBalances.RevenueLine::actualAmount,
                ProjectBalances.RevenueLine::actualQuantity).containsExactly(
                tuple("CONSULTING", new BigDecimal("1500.00"), new BigDecimal("10")),
                tuple("PRINTING", new BigDecimal("500.00"), new BigDecimal("0")));
        assertThat(projects.find("PRJ-200").orElseThrow().balance()).isEqualByComparingTo("750.00");
        assertThat(journals()).as("no GL entry").isEqualTo(journalsBefore);
        assertThat(projects.release("controller")).isInstanceOfSatisfying(DocumentChange.Refused.class,
                r -> assertThat(r.code()).hasToString("NOTHING_TO_RELEASE"));
        assertThat(check.run()).isEmpty();
    }

    @Test
    void pm_leaves_migration_mode_only_once_everything_is_released_and_nothing_is_released_outside_it() throws IOException {
        pmOn();
        theMigratedBalances();

        assertThat(migrationMode.set(NewDocument.Module.PM, false, "controller")).hasValueSatisfying(refused -> {
            assertThat(refused.code()).hasToString("UNRELEASED_DOCUMENTS");
            assertThat(refused.message()).startsWith("migrated PM records are not released yet: pro forma PF-1, pro forma PF-2, pro forma PF-3, "
                    + "transaction of PRJ-100");
        });
        projects.release("controller");
        assertThat(migrationMode.set(NewDocument.Module.PM, false, "controller")).isEmpty();
        assertThat(importFile("pro-forma-invoices", PRO_FORMA + "PF-9,PRJ-100,2026-09-30,10.00,10.00,\n").errors())
                .extracting(p -> p.code().name()).containsExactly("MIGRATION_MODE_OFF");
        assertThat(projects.release("controller")).isInstanceOfSatisfying(DocumentChange.Refused.class,
                r -> assertThat(r.code()).hasToString("MIGRATION_MODE_OFF"));
    }

    @Test
    void the_projects_screen_and_api_show_balances_pro_forma_invoices_migrated_and_actuals_and_an_approver_releases() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        pmOn();
        theMigratedBalances();

        assertThat(mvc.perform(MockMvcRequestBuilders.post("/projects/release").with(user("pat").roles("PREPARER")).with(csrf()))
                .andReturn().getResponse().getStatus()).as("a preparer does not release").isEqualTo(403);
        var released = mvc.perform(MockMvcRequestBuilders.post("/api/projects/release").with(user("amy").roles("APPROVER")).with(csrf()))
                .andReturn().getResponse();
        assertThat(released.getStatus()).isEqualTo(200);

        String list = mvc.perform(MockMvcRequestBuilders.get("/projects").with(user("val").roles("VIEWER"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("id=\"balance-PRJ-100\">2,000.00<", "id=\"balance-PRJ-200\">750.00<");
        String page = mvc.perform(MockMvcRequestBuilders.get("/projects/PRJ-100").with(user("val").roles("VIEWER"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("id=\"batch-PF-1\">Migrated<", "id=\"actual-CONSULTING\">1,500.00<", "/documents/PSAB/AR/INV-20410");

        JsonNode api = JSON.readTree(mvc.perform(MockMvcRequestBuilders.get("/api/projects/PRJ-100").with(user("val").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString());
        assertThat(api.get("project").asString()).isEqualTo("PRJ-100");
        assertThat(api.get("customerId").asString()).isEqualTo("100231");
        assertThat(api.get("proForma").get(0).get("arDocument").asString()).isEqualTo("INV-20410");
        assertThat(api.get("proForma").get(0).get("migrated").asBoolean()).isTrue();
        assertThat(api.get("revenueLines").get(0).get("actualQuantity").decimalValue()).isEqualByComparingTo("10");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/projects").with(user("val").roles("VIEWER"))).andReturn().getResponse()
                .getContentAsString()).contains("PRJ-200");
    }
}
