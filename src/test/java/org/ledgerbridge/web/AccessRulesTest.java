package org.ledgerbridge.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ledgerbridge.LedgerBridgeApplication;
import org.ledgerbridge.support.TestDatabase;
import org.ledgerbridge.users.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * Every endpoint of the web UI and the API, tried with every role: a role below the endpoint's
 * least role gets 403, the others get past security (whatever the endpoint then answers), and
 * nobody gets in without logging in. The table below is written by hand on purpose: a new
 * endpoint fails {@link #every_endpoint_of_the_application_is_in_the_role_table()} until it is classified.
 */
@SpringBootTest(classes = LedgerBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@DirtiesContext
class AccessRulesTest {

    record Endpoint(HttpMethod method, String pattern, String example, Role least) {
        boolean api() {
            return pattern.startsWith("/api/");
        }

        String key() {
            return method + " " + pattern;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            // web UI (null: anyone, logged in or not)
            get("/login", "/login", null),
            get("/", "/", Role.VIEWER),
            get("/imports", "/imports", Role.VIEWER),
            post("/imports", "/imports", Role.PREPARER),
            get("/imports/jobs/{id}", "/imports/jobs/nope", Role.VIEWER),
            get("/imports/jobs/{id}/progress", "/imports/jobs/nope/progress", Role.VIEWER),
            get("/imports/jobs/{id}/errors.csv", "/imports/jobs/nope/errors.csv", Role.VIEWER),
            get("/imports/templates/{kind}", "/imports/templates/payments", Role.VIEWER),
            post("/imports/jobs/{id}/commit", "/imports/jobs/nope/commit", Role.PREPARER),
            get("/documents", "/documents", Role.VIEWER),
            get("/projects", "/projects", Role.VIEWER),
            get("/projects/{project}", "/projects/NOPE", Role.VIEWER),
            post("/projects/release", "/projects/release", Role.APPROVER),
            get("/documents/{entity}/{module}/{number}", "/documents/PSAB/AR/NOPE", Role.VIEWER),
            post("/documents/release", "/documents/release", Role.APPROVER),
            post("/documents/edit", "/documents/edit?number=NOPE", Role.PREPARER),
            post("/documents/delete", "/documents/delete?number=NOPE&reason=x", Role.PREPARER),
            post("/documents/release-retainage", "/documents/release-retainage?number=NOPE", Role.APPROVER),
            post("/documents/apply", "/documents/apply?credit=NOPE&invoice=NOPE&back=/documents/x", Role.PREPARER),
            post("/documents/apply-credits", "/documents/apply-credits?party=NOPE", Role.PREPARER),
            post("/documents/migration-mode", "/documents/migration-mode?module=AP&on=false", Role.ADMIN),
            get("/batches", "/batches", Role.VIEWER),
            get("/batches/{id}", "/batches/999", Role.VIEWER),
            get("/reports", "/reports", Role.VIEWER),
            get("/reports/trial-balance.csv", "/reports/trial-balance.csv", Role.VIEWER),
            get("/reports/aging", "/reports/aging", Role.VIEWER),
            get("/reports/aging.csv", "/reports/aging.csv", Role.VIEWER),
            get("/me/password", "/me/password", Role.VIEWER),
            post("/me/password", "/me/password?current=x&password=y", Role.VIEWER),
            post("/batches/status", "/batches/status?status=READY", Role.PREPARER),
            post("/batches/post", "/batches/post", Role.APPROVER),
            post("/batches/{id}/void", "/batches/999/void?reason=x", Role.APPROVER),
            post("/batches/{id}/reverse", "/batches/999/reverse?reason=x", Role.APPROVER),
            get("/export", "/export", Role.VIEWER),
            post("/export/gl", "/export/gl", Role.APPROVER),
            get("/gl", "/gl", Role.VIEWER),
            get("/journals/{id}", "/journals/999", Role.VIEWER),
            get("/gl/jobs/{id}", "/gl/jobs/nope", Role.VIEWER),
            get("/gl/jobs/{id}/progress", "/gl/jobs/nope/progress", Role.VIEWER),
            post("/gl/validate", "/gl/validate", Role.APPROVER),
            post("/gl/send", "/gl/send", Role.APPROVER),
            post("/gl/mark-sent", "/gl/mark-sent", Role.APPROVER),
            get("/imis", "/imis", Role.VIEWER),
            post("/imis/upload", "/imis/upload", Role.PREPARER),
            post("/imis/convert", "/imis/convert?token=nope", Role.PREPARER),
            get("/imis/download/{folder}", "/imis/download/nope", Role.VIEWER),
            get("/settings", "/settings", Role.VIEWER),
            post("/settings/allow-overpayments", "/settings/allow-overpayments?allow=false", Role.ADMIN),
            post("/settings/gl-targets", "/settings/gl-targets", Role.ADMIN),
            post("/settings/payment-gl-detail", "/settings/payment-gl-detail?entity=NOPE&detail=deposit", Role.ADMIN),
            post("/settings/users", "/settings/users", Role.ADMIN),
            post("/settings/users/{name}/enabled", "/settings/users/nobody/enabled?enabled=true", Role.ADMIN),
            post("/settings/users/{name}/password", "/settings/users/nobody/password?password=x", Role.ADMIN),
            // REST API
            get("/api/entities", "/api/entities", Role.VIEWER),
            get("/api/batches", "/api/batches", Role.VIEWER),
            post("/api/batches/status", "/api/batches/status", Role.PREPARER),
            post("/api/batches/post", "/api/batches/post", Role.APPROVER),
            post("/api/batches/{id}/void", "/api/batches/999/void", Role.APPROVER),
            post("/api/batches/reverse", "/api/batches/reverse", Role.APPROVER),
            get("/api/journals/{id}", "/api/journals/999", Role.VIEWER),
            get("/api/journals/{id}/payments", "/api/journals/999/payments", Role.VIEWER),
            get("/api/journals", "/api/journals", Role.VIEWER),
            get("/api/batches/{id}/journals", "/api/batches/999/journals", Role.VIEWER),
            get("/api/batches/{id}", "/api/batches/999", Role.VIEWER),
            get("/api/aging", "/api/aging", Role.VIEWER),
            get("/api/audit", "/api/audit", Role.VIEWER),
            get("/api/trial-balance", "/api/trial-balance", Role.VIEWER),
            get("/api/imports", "/api/imports", Role.VIEWER),
            get("/api/projects", "/api/projects", Role.VIEWER),
            get("/api/projects/{project}", "/api/projects/NOPE", Role.VIEWER),
            post("/api/projects/release", "/api/projects/release", Role.APPROVER),
            get("/api/imports/templates/{kind}", "/api/imports/templates/payments?format=xlsx", Role.VIEWER),
            post("/api/imports/{kind}", "/api/imports/payments", Role.PREPARER),
            get("/api/documents", "/api/documents", Role.VIEWER),
            get("/api/documents/{entity}/{module}/{number}", "/api/documents/PSAB/AR/NOPE", Role.VIEWER),
            post("/api/documents/release", "/api/documents/release", Role.APPROVER),
            post("/api/documents/edit", "/api/documents/edit", Role.PREPARER),
            post("/api/documents/release-retainage", "/api/documents/release-retainage", Role.APPROVER),
            post("/api/documents/delete", "/api/documents/delete", Role.PREPARER),
            post("/api/documents/apply", "/api/documents/apply", Role.PREPARER),
            post("/api/documents/apply-credits", "/api/documents/apply-credits", Role.PREPARER),
            get("/api/migration-mode", "/api/migration-mode", Role.VIEWER),
            post("/api/migration-mode", "/api/migration-mode", Role.ADMIN),
            post("/api/export/gl", "/api/export/gl", Role.APPROVER),
            get("/api/gl/pending", "/api/gl/pending", Role.VIEWER),
            get("/api/gl/targets", "/api/gl/targets", Role.VIEWER),
            post("/api/gl/validate", "/api/gl/validate", Role.APPROVER),
            post("/api/gl/send", "/api/gl/send", Role.APPROVER),
            post("/api/gl/mark-sent", "/api/gl/mark-sent", Role.APPROVER),
            post("/api/imis/batches", "/api/imis/batches", Role.PREPARER),
            post("/api/imis/convert", "/api/imis/convert", Role.PREPARER),
            get("/api/users", "/api/users", Role.ADMIN),
            post("/api/users", "/api/users", Role.ADMIN),
            post("/api/users/{name}/disable", "/api/users/nobody/disable", Role.ADMIN),
            post("/api/users/{name}/enable", "/api/users/nobody/enable", Role.ADMIN),
            post("/api/users/{name}/password", "/api/users/nobody/password", Role.ADMIN),
            post("/api/me/password", "/api/me/password", Role.VIEWER),
            get("/api/me/tokens", "/api/me/tokens", Role.VIEWER),
            post("/api/me/tokens", "/api/me/tokens", Role.VIEWER),
            post("/api/me/tokens/{id}/revoke", "/api/me/tokens/999/revoke", Role.VIEWER),
            get("/api/settings", "/api/settings", Role.VIEWER),
            put("/api/settings", "/api/settings", Role.ADMIN),
            get("/api/mappings", "/api/mappings", Role.VIEWER),
            get("/api/mappings/{name}", "/api/mappings/nothing", Role.VIEWER),
            put("/api/mappings/{name}", "/api/mappings/access-check", Role.PREPARER),
            delete("/api/mappings/{name}", "/api/mappings/nothing", Role.PREPARER),
            post("/settings/mappings", "/settings/mappings?name=access-check&profile=%7B%7D", Role.PREPARER),
            post("/settings/mappings/{name}/delete", "/settings/mappings/nothing/delete", Role.PREPARER));

    @Autowired WebApplicationContext context;
    @Autowired @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired JdbcClient jdbc;
    @Autowired org.ledgerbridge.ledger.LedgerSettings settings;
    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void every_endpoint_of_the_application_is_in_the_role_table() {
        TreeSet<String> application = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().getPackageName().startsWith("org.ledgerbridge")) {
                continue; // Spring's error page and springdoc's own endpoints
            }
            for (String pattern : mapping.getKey().getPatternValues()) {
                for (var method : mapping.getKey().getMethodsCondition().getMethods()) {
                    application.add(method.name() + " " + pattern);
                }
            }
        }
        TreeSet<String> table = new TreeSet<>(ENDPOINTS.stream().map(Endpoint::key).toList());
        assertThat(application).as("endpoints of the application").containsExactlyInAnyOrderElementsOf(table);
    }

    @TestFactory
    Stream<DynamicTest> each_role_may_do_what_its_role_allows_and_nothing_more() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Role role : Role.values()) {
                tests.add(DynamicTest.dynamicTest(role + " " + endpoint.key(), () -> {
                    int status = mvc.perform(request(endpoint).with(user("someone").roles(role.name())).with(csrf()))
                            .andReturn().getResponse().getStatus();
                    if (endpoint.least() == null || role.includes(endpoint.least())) {
                        assertThat(status).as("%s may %s", role, endpoint.key()).isNotIn(401, 403);
                    } else {
                        assertThat(status).as("%s may not %s", role, endpoint.key()).isEqualTo(403);
                    }
                }));
            }
            tests.add(DynamicTest.dynamicTest("nobody " + endpoint.key(), () -> {
                var response = mvc.perform(request(endpoint).with(csrf())).andReturn().getResponse();
                if (endpoint.least() == null) {
                    assertThat(response.getStatus()).isEqualTo(200);
                } else if (endpoint.api()) {
                    assertThat(response.getStatus()).isEqualTo(401);
                } else {
                    assertThat(response.getStatus()).isEqualTo(302);
                    assertThat(response.getRedirectedUrl()).endsWith("/login");
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void a_web_form_posted_without_its_csrf_token_is_refused_even_for_an_admin() throws Exception {
        boolean before = settings.allowPrepaymentsAndOverpayments();
        var answer = mvc.perform(MockMvcRequestBuilders.post("/settings/allow-overpayments?allow=" + !before)
                .with(user("admin").roles("ADMIN"))).andReturn().getResponse();
        // no session holds a token for it (the session ended, or there never was one): back to the login page, which says so
        assertThat(answer.getStatus()).isEqualTo(302);
        assertThat(answer.getRedirectedUrl()).endsWith("/login?expired");
        assertThat(settings.allowPrepaymentsAndOverpayments()).isEqualTo(before);

        var session = new org.springframework.mock.web.MockHttpSession();
        var withSession = mvc.perform(MockMvcRequestBuilders.post("/settings/allow-overpayments?allow=" + !before).session(session)
                .with(user("admin").roles("ADMIN"))).andReturn().getResponse();
        assertThat(withSession.getStatus()).as("a session without the form's token").isIn(302, 403);
        assertThat(settings.allowPrepaymentsAndOverpayments()).isEqualTo(before);
    }

    @Test
    void a_viewer_uploading_an_import_through_the_api_is_answered_403_and_nothing_is_read_or_written() throws Exception {
        long runs = jdbc.sql("SELECT count(*) FROM import_run").query(Long.class).single();
        var file = new MockMultipartFile("file", "payments.csv", "text/csv", "BILL_TO_ID,AMOUNT\n1,2\n".getBytes());
        int status = mvc.perform(MockMvcRequestBuilders.multipart("/api/imports/payments").file(file)
                .with(user("viewer").roles("VIEWER"))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM import_run").query(Long.class).single()).isEqualTo(runs);
    }

    private static MockHttpServletRequestBuilder request(Endpoint endpoint) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(endpoint.method(), endpoint.example());
        if (!endpoint.api()) {
            request.accept(org.springframework.http.MediaType.TEXT_HTML); // as a browser asks
        }
        if (endpoint.api() && endpoint.method() != HttpMethod.GET && !endpoint.pattern().startsWith("/api/imports")
                && !endpoint.pattern().startsWith("/api/imis") && !endpoint.pattern().startsWith("/api/export")) {
            request.contentType("application/json").content("{}");
        }
        return request;
    }

    private static Endpoint get(String pattern, String example, Role least) {
        return new Endpoint(HttpMethod.GET, pattern, example, least);
    }

    private static Endpoint post(String pattern, String example, Role least) {
        return new Endpoint(HttpMethod.POST, pattern, example, least);
    }

    private static Endpoint delete(String pattern, String example, Role least) {
        return new Endpoint(HttpMethod.DELETE, pattern, example, least);
    }

    private static Endpoint put(String pattern, String example, Role least) {
        return new Endpoint(HttpMethod.PUT, pattern, example, least);
    }
}
