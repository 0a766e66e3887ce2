package org.ledgerbridge.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.LedgerBridgeApplication;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchStatus;
import org.ledgerbridge.ledger.BatchType;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
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

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/** Corrections from the screens: a credit applied from its own page, a posted batch reversed from the batches page. */
@SpringBootTest(classes = LedgerBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class CorrectionScreensTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Autowired WebApplicationContext context;
    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired BatchService batches;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;
    MockMvc mvc;

    /** 100231's cheque pays its dues and leaves 50.00 of credit; its event invoice INV-20411 (340.00) is still open. */
    @BeforeEach
    void a_member_with_a_credit_and_an_open_invoice() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        Samples.withOpenInvoices(imports, migrationMode, migrated, TODAY);
        Path payments = dir.resolve("cheque.csv");
        Files.writeString(payments, "BILL_TO_ID,AMOUNT,PAYMENT_METHOD_ID,DATE,CHECK_NUMBER\n100231,1300.00,CHK-PSAB,2026-11-05,4420\n");
        assertThat(imports.run("payments", payments, ImportOptions.of(TODAY, "clerk").withFlag("allow-overpayment", "true")).status())
                .isEqualTo(ImportStatus.COMMITTED);
    }

    private BigDecimal open(String number) {
        return jdbc.sql("SELECT open_balance FROM document WHERE number = ?").param(number).query(BigDecimal.class).single();
    }

    @Test
    void a_preparer_applies_a_credit_from_its_page_and_sees_what_was_applied() throws Exception {
        String credit = jdbc.sql("SELECT number FROM document WHERE doc_type = 'PAYMENT'").query(String.class).single();
        String page = "/documents/PSAB/AR/" + credit;
        assertThat(mvc.perform(MockMvcRequestBuilders.get(page).with(user("pat").roles("PREPARER"))).andReturn().getResponse()
                .getContentAsString()).contains("id=\"apply-credit\"");
        assertThat(mvc.perform(MockMvcRequestBuilders.get(page).with(user("val").roles("VIEWER"))).andReturn().getResponse()
                .getContentAsString()).as("a viewer changes nothing").doesNotContain("id=\"apply-credit\"");

        var applied = mvc.perform(MockMvcRequestBuilders.post("/documents/apply").param("credit", "PSAB/" + credit)
                        .param("invoice", "INV-20411").param("amount", "").param("back", page)
                        .with(user("pat").roles("PREPARER")).with(csrf()))
                .andReturn();

        assertThat(applied.getResponse().getRedirectedUrl()).isEqualTo(page);
        assertThat(applied.getFlashMap().get("message").toString()).contains("1 credit application(s), 50.00")
                .contains("PSAB/" + credit + " -> PSAB/INV-20411");
        assertThat(open("INV-20411")).isEqualByComparingTo("290.00");
        assertThat(open(credit)).isZero();

        var refused = mvc.perform(MockMvcRequestBuilders.post("/documents/apply").param("credit", "PSAB/" + credit)
                        .param("invoice", "INV-20411").param("amount", "1").param("back", page)
                        .with(user("pat").roles("PREPARER")).with(csrf()))
                .andReturn();
        assertThat(refused.getFlashMap().get("error").toString()).startsWith("CREDIT_USED_UP: ");
    }

    @Test
    void release_retainage_is_offered_only_on_a_document_that_holds_retainage() throws Exception {
        String withRetainage = mvc.perform(MockMvcRequestBuilders.get("/documents/PSAB/AP/B-7781").with(user("amy").roles("APPROVER")))
                .andReturn().getResponse().getContentAsString();
        String without = mvc.perform(MockMvcRequestBuilders.get("/documents/PSAB/AR/INV-20411").with(user("amy").roles("APPROVER")))
                .andReturn().getResponse().getContentAsString();

        assertThat(withRetainage).contains("id=\"release-retainage\"");
        assertThat(without).contains("INV-20411").doesNotContain("Release retainage");
    }

    @Test
    void an_approver_reverses_a_posted_batch_from_the_batches_page_and_a_preparer_may_not() throws Exception {
        long deposit = batches.list().stream().filter(b -> b.type() == BatchType.DEPOSIT).findFirst().orElseThrow().id();
        batches.changeStatus(List.of(deposit), BatchStatus.READY, "clerk");
        batches.post(List.of(deposit), "controller");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/batches").with(user("ann").roles("APPROVER"))).andReturn().getResponse()
                .getContentAsString()).contains("id=\"reverse-" + deposit + "\"");

        assertThat(mvc.perform(MockMvcRequestBuilders.post("/batches/" + deposit + "/reverse").param("reason", "bounced")
                .with(user("pat").roles("PREPARER")).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
        var reversed = mvc.perform(MockMvcRequestBuilders.post("/batches/" + deposit + "/reverse").param("reason", "cheque bounced")
                        .param("date", "2026-11-21").with(user("ann").roles("APPROVER")).with(csrf()))
                .andReturn();

        assertThat(reversed.getFlashMap().get("message").toString()).contains("reversing journal(s) wait in batch");
        assertThat(batches.list()).filteredOn(b -> b.type() == BatchType.REVERSAL).singleElement()
                .satisfies(b -> assertThat(b.status()).isEqualTo(BatchStatus.OPEN));
    }

    @Test
    void a_deposit_journals_page_lists_the_payments_summed_into_it_and_an_admin_chooses_a_journal_per_payment() throws Exception {
        long deposit = jdbc.sql("SELECT journal_id FROM payment").query(Long.class).single();
        String page = mvc.perform(MockMvcRequestBuilders.get("/journals/" + deposit).with(user("val").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"payments\"", "100231", "4420", "1 payment");
        String credit = jdbc.sql("SELECT number FROM document WHERE doc_type = 'PAYMENT'").query(String.class).single();
        String invoice = jdbc.sql("SELECT document_number FROM application WHERE reference = ?").param(credit).query(String.class).list().get(0);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/documents/PSAB/AR/" + credit).with(user("val").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString()).as("the credit's page links its payment's journal")
                .contains("id=\"credit-journal\"", "/journals/" + deposit);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/documents/PSAB/AR/" + invoice).with(user("val").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString()).as("the paid invoice's page links the deposit journal")
                .contains("class=\"payment-journal\"", "/journals/" + deposit);

        String settings = mvc.perform(MockMvcRequestBuilders.get("/settings").with(user("ada").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString();
        assertThat(settings).contains("id=\"gl-detail-PSAB\">deposit<");
        var byPreparer = mvc.perform(MockMvcRequestBuilders.post("/settings/payment-gl-detail").param("entity", "PSAB")
                .param("detail", "payment").with(user("pat").roles("PREPARER")).with(csrf())).andReturn();
        assertThat(byPreparer.getResponse().getStatus()).isEqualTo(403);
        var changed = mvc.perform(MockMvcRequestBuilders.post("/settings/payment-gl-detail").param("entity", "PSAB")
                .param("detail", "payment").with(user("ada").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(changed.getFlashMap().get("message").toString()).contains("a journal per payment");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/settings").with(user("ada").roles("ADMIN"))).andReturn().getResponse()
                .getContentAsString()).contains("id=\"gl-detail-PSAB\">payment<");
        var unknown = mvc.perform(MockMvcRequestBuilders.post("/settings/payment-gl-detail").param("entity", "NOPE")
                .param("detail", "payment").with(user("ada").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(unknown.getFlashMap().get("error").toString()).startsWith("UNKNOWN_ENTITY");
    }
}
