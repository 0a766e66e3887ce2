package org.ledgerbridge.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.LedgerBridgeApplication;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.MappingProfiles;
import org.ledgerbridge.support.Samples;
import org.ledgerbridge.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * A column mapping is saved once under Settings (or PUT /api/mappings/NAME) and picked by name at
 * import: a file with the old system's column names previews and commits with it.
 */
@SpringBootTest(classes = LedgerBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@DirtiesContext
class MappingProfileScreensTest {

    static final String LEGACY_PROFILE = org.ledgerbridge.support.LegacyOpeningBalances.PROFILE;
    static final String LEGACY_FILE = org.ledgerbridge.support.LegacyOpeningBalances.FILE;

    @Autowired WebApplicationContext context;
    @Autowired ImportService imports;
    @Autowired MappingProfiles profiles;
    @Autowired JdbcClient jdbc;
    MockMvc mvc;

    @BeforeEach
    void the_sample_setup() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        if (jdbc.sql("SELECT count(*) FROM financial_entity").query(Long.class).single() == 0) {
            Samples.imported(imports, LocalDate.of(2026, 11, 21), "entities", "accounts", "parties");
        }
    }

    @Test
    void a_preparer_saves_a_column_mapping_under_settings_and_imports_a_legacy_file_with_it_picked_by_name() throws Exception {
        MvcResult saved = mvc.perform(MockMvcRequestBuilders.post("/settings/mappings").param("name", "Legacy AR")
                .param("profile", LEGACY_PROFILE).with(user("pat").roles("PREPARER")).with(csrf())).andReturn();
        assertThat(saved.getFlashMap().get("message")).isEqualTo("Column mapping Legacy AR saved.");
        String settings = page("/settings");
        assertThat(settings).contains("Delete mapping Legacy AR").contains("Customer No: ACCOUNT_ID");
        assertThat(page("/imports")).contains("<option value=\"Legacy AR\">Legacy AR</option>");

        var file = new MockMultipartFile("file", "legacy-ob.csv", "text/csv", LEGACY_FILE.getBytes(StandardCharsets.UTF_8));
        String job = mvc.perform(MockMvcRequestBuilders.multipart("/imports").file(file).param("kind", "opening-balances")
                .param("mappingProfile", "Legacy AR").with(user("pat").roles("PREPARER")).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        String preview = awaitReport(job);
        assertThat(preview).contains(">valid<").contains("id=\"commit\"").contains("Open balance").contains("200.00");
    }

    @Test
    void a_mapping_that_is_not_one_comes_back_with_what_was_typed_and_the_reason_beside_the_field_and_nothing_is_saved() throws Exception {
        MvcResult refused = mvc.perform(MockMvcRequestBuilders.post("/settings/mappings").param("name", "Broken")
                .param("profile", "columns: [not, a, map").with(user("pat").roles("PREPARER")).with(csrf())).andReturn();

        assertThat(refused.getFlashMap().get("mappingText")).isEqualTo("columns: [not, a, map");
        assertThat((String) refused.getFlashMap().get("mappingError")).contains("cannot be read");
        String page = mvc.perform(MockMvcRequestBuilders.get("/settings").flashAttrs(refused.getFlashMap())
                .with(user("pat").roles("PREPARER")).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("columns: [not, a, map</textarea>").contains("id=\"mapping-error\"").contains("aria-invalid=\"true\"");
        assertThat(profiles.find("Broken")).isEmpty();
    }

    @Test
    void an_import_naming_a_mapping_that_is_not_saved_is_refused_before_the_file_is_read() throws Exception {
        var file = new MockMultipartFile("file", "legacy-ob.csv", "text/csv", LEGACY_FILE.getBytes(StandardCharsets.UTF_8));
        MvcResult web = mvc.perform(MockMvcRequestBuilders.multipart("/imports").file(file).param("kind", "opening-balances")
                .param("mappingProfile", "Nobody's").with(user("pat").roles("PREPARER")).with(csrf())).andReturn();
        assertThat(web.getResponse().getRedirectedUrl()).isEqualTo("/imports");
        assertThat((String) web.getFlashMap().get("error")).contains("no mapping profile named 'Nobody's'");
        assertThat(web.getFlashMap().get("chosenKind")).isEqualTo("opening-balances");

        var api = mvc.perform(MockMvcRequestBuilders.multipart("/api/imports/opening-balances").file(file)
                .param("mappingProfile", "Nobody's").with(user("pat").roles("PREPARER")).with(csrf())).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(api.getContentAsString()).contains("\"code\":\"MAPPING_NOT_FOUND\"");
        assertThat(jdbc.sql("SELECT count(*) FROM import_run WHERE file_name = 'legacy-ob.csv'").query(Long.class).single()).isZero();
    }

    @Test
    void the_api_saves_replaces_reads_uses_and_deletes_a_mapping_by_name() throws Exception {
        var created = mvc.perform(MockMvcRequestBuilders.put("/api/mappings/legacy-api").contentType("application/yaml")
                .content(LEGACY_PROFILE).with(user("pat").roles("PREPARER")).with(csrf())).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getContentAsString()).contains("\"name\":\"legacy-api\"").contains("\"changedBy\":\"api:pat\"");
        var replaced = mvc.perform(MockMvcRequestBuilders.put("/api/mappings/legacy-api").contentType("text/plain")
                .content(LEGACY_PROFILE).with(user("pat").roles("PREPARER")).with(csrf())).andReturn().getResponse();
        assertThat(replaced.getStatus()).isEqualTo(200);
        var invalid = mvc.perform(MockMvcRequestBuilders.put("/api/mappings/legacy-api").contentType("text/plain")
                .content("columns: [a, b]").with(user("pat").roles("PREPARER")).with(csrf())).andReturn().getResponse();
        assertThat(invalid.getStatus()).isEqualTo(422);
        assertThat(invalid.getContentAsString()).contains("\"code\":\"INVALID_MAPPING\"");
        var badName = mvc.perform(MockMvcRequestBuilders.put("/api/mappings/.hidden").contentType("text/plain")
                .content(LEGACY_PROFILE).with(user("pat").roles("PREPARER")).with(csrf())).andReturn().getResponse();
        assertThat(badName.getContentAsString()).contains("\"code\":\"INVALID_MAPPING_NAME\"");

        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/mappings").with(user("val").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString()).contains("legacy-api").doesNotContain(".hidden");
        var file = new MockMultipartFile("file", "legacy-api.csv", "text/csv", LEGACY_FILE.getBytes(StandardCharsets.UTF_8));
        var dryRun = mvc.perform(MockMvcRequestBuilders.multipart("/api/imports/opening-balances").file(file)
                .param("mappingProfile", "legacy-api").param("dryRun", "true").with(user("pat").roles("PREPARER")).with(csrf())).andReturn().getResponse();
        assertThat(dryRun.getContentAsString()).contains("\"status\":\"valid\"").contains("\"openBalance\":\"200.00\"");

        assertThat(mvc.perform(MockMvcRequestBuilders.delete("/api/mappings/legacy-api").with(user("pat").roles("PREPARER")).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(204);
        var gone = mvc.perform(MockMvcRequestBuilders.get("/api/mappings/legacy-api").with(user("val").roles("VIEWER")))
                .andReturn().getResponse();
        assertThat(gone.getStatus()).isEqualTo(404);
        assertThat(gone.getContentAsString()).contains("\"code\":\"MAPPING_NOT_FOUND\"");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE subject = 'mapping:legacy-api'").query(Long.class).single())
                .as("saved, replaced, deleted: each audited").isEqualTo(3);
    }

    @Test
    void a_refused_user_or_gl_target_comes_back_with_what_was_typed_and_the_reason_beside_the_form() throws Exception {
        MvcResult user = mvc.perform(MockMvcRequestBuilders.post("/settings/users").param("username", "ana").param("role", "APPROVER")
                .param("password", "short").with(user("ada").roles("ADMIN")).with(csrf())).andReturn();
        String page = mvc.perform(MockMvcRequestBuilders.get("/settings").flashAttrs(user.getFlashMap())
                .with(user("ada").roles("ADMIN"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"new-username\" required value=\"ana\"").contains("<option value=\"APPROVER\" selected=\"selected\">")
                .contains("id=\"user-error\"").contains("aria-describedby=\"user-error\"");

        MvcResult target = mvc.perform(MockMvcRequestBuilders.post("/settings/gl-targets").param("name", "sage").param("type", "file")
                .param("format", "no-such-format").param("path", "out").with(user("ada").roles("ADMIN")).with(csrf())).andReturn();
        page = mvc.perform(MockMvcRequestBuilders.get("/settings").flashAttrs(target.getFlashMap())
                .with(user("ada").roles("ADMIN"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"target-name\" required value=\"sage\"").contains("value=\"no-such-format\"")
                .contains("id=\"target-error\"");
    }

    private String page(String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(user("pat").roles("PREPARER")).with(csrf())).andReturn().getResponse()
                .getContentAsString();
    }

    private String awaitReport(String job) throws Exception {
        String page = "";
        for (int i = 0; i < 100 && !page.contains("import-status"); i++) {
            Thread.sleep(100);
            page = page(job);
        }
        return page;
    }
}
