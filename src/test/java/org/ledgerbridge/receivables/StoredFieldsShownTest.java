package org.ledgerbridge.receivables;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.LedgerBridgeApplication;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.support.Samples;
import org.ledgerbridge.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * Everything a document stores is shown: rate and base amount, the migrated balance beside today's
 * open balance, retainage, the pay-later order's purchase order, the original invoice id, the
 * service period and the tax split, in `report open-items`, the documents API and the document screen.
 */
@SpringBootTest(classes = LedgerBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class StoredFieldsShownTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired WebApplicationContext context;
    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired OpenItems openItems;
    @TempDir Path dir;
    MockMvc mvc;

    /** The sample documents migrated, an opening balance for 100234; 100232 pays 100.00 of INV-20412 (480.00 open at migration); 100231 orders INV-20411 on PO-77. */
    @BeforeEach
    void migrated_documents_opening_balances_a_payment_and_an_order() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        Samples.withOpenInvoices(imports, migrationMode, migrated, TODAY);
        Path opening = dir.resolve("opening-balances.csv");
        Files.writeString(opening, Files.readAllLines(Samples.file("opening-balances.csv")).get(0) + "\n"
                + "100234,90.91,9.09,50.00,5.00,Opening balance - partially paid,01/11/2026,15/12/2026,LEG-55121,01/10/2026,31/10/2026\n");
        assertThat(imports.run("opening-balances", opening, ImportOptions.of(TODAY, "clerk")).status()).isEqualTo(ImportStatus.COMMITTED);
        Path payments = dir.resolve("payments.csv");
        Files.writeString(payments, """
                BILL_TO_ID,AMOUNT,PAYMENT_METHOD_ID,DATE,CHECK_NUMBER,INVOICE_NUMBERS
                100232,100.00,CHK-PSAB,2026-11-22,4417,INV-20412
                100231,340.00,,2026-11-22,PO-77,INV-20411
                """);
        assertThat(imports.run("payments", payments, ImportOptions.of(TODAY.plusDays(1), "clerk")).status()).isEqualTo(ImportStatus.COMMITTED);
    }

    private OpenItem document(String number) {
        return openItems.list(null, true).stream().filter(d -> d.number().equals(number)).findFirst().orElseThrow();
    }

    @Test
    void a_migrated_invoice_shows_its_migrated_balance_beside_todays_open_balance() {
        OpenItem invoice = document("INV-20412");

        assertThat(invoice.migratedBalance()).isEqualByComparingTo("480.00");
        assertThat(invoice.openBalance()).isEqualByComparingTo("380.00");
        assertThat(document("INV-20414").migratedBalance()).as("settled in full before the migration").isEqualByComparingTo("0.00");
    }

    @Test
    void a_foreign_invoice_shows_its_rate_and_its_amount_in_the_base_currency() {
        OpenItem cad = document("INV-20415");

        assertThat(cad.exchangeRate()).isEqualByComparingTo("0.7312");
        assertThat(cad.baseAmount()).isEqualByComparingTo("365.60");
        assertThat(document("INV-20410").exchangeRate()).isEqualByComparingTo("1");
    }

    @Test
    void a_bill_shows_its_unreleased_retainage_and_an_opening_balance_its_tax_split_original_id_and_service_period() {
        assertThat(document("B-7781").unreleasedRetainage()).isEqualByComparingTo("431.00");
        OpenItem opening = openItems.list("100234", true).stream().filter(d -> d.number().startsWith("OB-")).findFirst().orElseThrow();

        assertThat(opening.amountExTax()).isEqualByComparingTo("90.91");
        assertThat(opening.taxAmount()).isEqualByComparingTo("9.09");
        assertThat(opening.originalReference()).isEqualTo("LEG-55121");
        assertThat(opening.serviceStart()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(opening.serviceEnd()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(opening.migratedBalance()).isEqualByComparingTo("55.00");
    }

    @Test
    void the_invoice_a_pay_later_order_leaves_open_shows_its_purchase_order() {
        assertThat(document("INV-20411").purchaseOrder()).isEqualTo("PO-77");
        assertThat(document("INV-20410").purchaseOrder()).isNull();
    }

    @Test
    void the_api_and_the_screen_show_the_same_fields() throws Exception {
        JsonNode api = JSON.readTree(mvc.perform(MockMvcRequestBuilders.get("/api/documents/PSAB/AR/INV-20412")
                .with(user("val").roles("VIEWER"))).andReturn().getResponse().getContentAsString()).get("document");
        for (String field : new String[]{"exchangeRate", "baseAmount", "migratedBalance", "unreleasedRetainage", "purchaseOrder",
                "originalReference", "serviceStart", "serviceEnd", "amountExTax", "taxAmount"}) {
            assertThat(api.has(field)).as(field).isTrue();
        }
        assertThat(api.get("migratedBalance").decimalValue()).isEqualByComparingTo("480.00");
        assertThat(api.get("openBalance").decimalValue()).isEqualByComparingTo("380.00");

        String screen = mvc.perform(MockMvcRequestBuilders.get("/documents/PSAB/AR/INV-20412").with(user("val").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString();
        assertThat(screen).contains("id=\"migrated-balance\">480.00 USD<", "id=\"open-balance\">380.00 USD<", "id=\"exchange-rate\">1<",
                "id=\"base-amount\">980.00<");
        String order = mvc.perform(MockMvcRequestBuilders.get("/documents/PSAB/AR/INV-20411").with(user("val").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString();
        assertThat(order).contains("id=\"purchase-order\">PO-77<");
    }
}
