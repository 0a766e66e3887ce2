package org.ledgerbridge.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.LedgerBridgeApplication;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/** A migrated document edited on its page before release: saved as shown, or refused with what was typed kept. */
@SpringBootTest(classes = LedgerBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@DirtiesContext
class DocumentEditScreenTest {

    static final String PAGE = "/documents/PSAB/AR/INV-20410";

    @Autowired WebApplicationContext context;
    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired JdbcClient jdbc;
    MockMvc mvc;

    @BeforeEach
    void migrated_documents_not_released() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        if (jdbc.sql("SELECT count(*) FROM document").query(Long.class).single() == 0) {
            LocalDate today = LocalDate.of(2026, 11, 21);
            Samples.imported(imports, today, "entities", "accounts", "parties");
            migrationMode.set(NewDocument.Module.AR, true, "setup");
            migrationMode.set(NewDocument.Module.AP, true, "setup");
            assertThat(imports.run("documents", Samples.file("documents.csv"), ImportOptions.of(today, "setup")).status())
                    .isEqualTo(ImportStatus.COMMITTED);
        }
    }

    @Test
    void the_form_saved_as_it_is_shown_keeps_an_amount_over_a_thousand() throws Exception {
        String page = page(PAGE, null);
        assertThat(page).containsPattern("id=\"edit-original\"[^>]*value=\"1250.00\"");

        MvcResult saved = edit("1250.00", "New description");

        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo(PAGE);
        assertThat(saved.getFlashMap().get("error")).isNull();
        assertThat(jdbc.sql("SELECT description FROM document WHERE number = 'INV-20410'").query(String.class).single())
                .isEqualTo("New description");
    }

    @Test
    void a_refused_edit_comes_back_to_the_documents_page_with_what_was_typed() throws Exception {
        MvcResult refused = edit("12,5o.00", "Typed with care");

        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(PAGE);
        assertThat((String) refused.getFlashMap().get("error")).startsWith("INVALID_NUMBER");
        String page = page(PAGE, refused);
        assertThat(page).contains("value=\"12,5o.00\"").contains("value=\"Typed with care\"");
        assertThat(jdbc.sql("SELECT description FROM document WHERE number = 'INV-20410'").query(String.class).single())
                .isNotEqualTo("Typed with care");
    }

    private MvcResult edit(String original, String description) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/documents/edit").param("number", "PSAB/INV-20410").param("module", "AR")
                .param("originalAmount", original).param("description", description).param("partyId", "100231")
                .with(user("pat").roles("PREPARER")).with(csrf())).andReturn();
    }

    private String page(String path, MvcResult previous) throws Exception {
        var request = MockMvcRequestBuilders.get(path).with(user("pat").roles("PREPARER"));
        if (previous != null) {
            request.flashAttrs(previous.getFlashMap());
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }
}
