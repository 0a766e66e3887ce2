package org.ledgerbridge.web;

import org.ledgerbridge.users.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.util.List;

/**
 * Who may do what, in one place, for the web UI and the REST API alike: every read needs a
 * login (VIEWER and up); each write names the least role that may do it. A write by a role
 * that may not do it is answered 403 by the filter chain, before any controller reads the request.
 * Anything not listed here that writes needs ADMIN.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ConditionalOnWebApplication
class AccessRules {

    /** A write and the least role that may do it; each is the same under /api. */
    record WriteRule(HttpMethod method, String path, Role role) {
    }

    static final List<WriteRule> WRITES = List.of(
            new WriteRule(HttpMethod.POST, "/imports/**", Role.PREPARER),
            new WriteRule(HttpMethod.POST, "/settings/mappings/**", Role.PREPARER),
            new WriteRule(HttpMethod.PUT, "/mappings/*", Role.PREPARER),
            new WriteRule(HttpMethod.DELETE, "/mappings/*", Role.PREPARER),
            new WriteRule(HttpMethod.POST, "/documents/edit", Role.PREPARER),
            new WriteRule(HttpMethod.POST, "/documents/delete", Role.PREPARER),
            new WriteRule(HttpMethod.POST, "/documents/release", Role.APPROVER),
            new WriteRule(HttpMethod.POST, "/documents/release-retainage", Role.APPROVER),
            new WriteRule(HttpMethod.POST, "/projects/release", Role.APPROVER),
            new WriteRule(HttpMethod.POST, "/documents/apply", Role.PREPARER),
            new WriteRule(HttpMethod.POST, "/documents/apply-credits", Role.PREPARER),
            new WriteRule(HttpMethod.POST, "/batches/status", Role.PREPARER),
            new WriteRule(HttpMethod.POST, "/batches/post", Role.APPROVER),
            new WriteRule(HttpMethod.POST, "/batches/*/void", Role.APPROVER),
            new WriteRule(HttpMethod.POST, "/batches/*/reverse", Role.APPROVER),
            new WriteRule(HttpMethod.POST, "/batches/reverse", Role.APPROVER),
            new WriteRule(HttpMethod.POST, "/export/**", Role.APPROVER),
            new WriteRule(HttpMethod.POST, "/gl/validate", Role.APPROVER),
            new WriteRule(HttpMethod.POST, "/gl/send", Role.APPROVER),
            new WriteRule(HttpMethod.POST, "/gl/mark-sent", Role.APPROVER),
            new WriteRule(HttpMethod.POST, "/imis/**", Role.PREPARER),
            new WriteRule(HttpMethod.POST, "/me/password", Role.VIEWER),
            new WriteRule(HttpMethod.POST, "/me/tokens/**", Role.VIEWER));

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.APPROVER.name())
                .role(Role.APPROVER.name()).implies(Role.PREPARER.name())
                .role(Role.PREPARER.name()).implies(Role.VIEWER.name())
                .build();
    }

    /** The REST API: API tokens or HTTP Basic with the same users, or the browser's session with its CSRF token. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, org.ledgerbridge.users.ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**")
                .addFilterBefore(new BearerTokens(tokens), org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers("/api/users/**").hasRole(Role.ADMIN.name());
                    for (WriteRule write : WRITES) {
                        rules.requestMatchers(write.method(), "/api" + write.path()).hasRole(write.role().name());
                    }
                    rules.requestMatchers(HttpMethod.GET, "/api/**").hasRole(Role.VIEWER.name());
                    rules.anyRequest().hasRole(Role.ADMIN.name());
                })
                .httpBasic(basic -> basic.authenticationEntryPoint(ThrottledLogins.basicChallenge()))
                .exceptionHandling(denials -> denials.accessDeniedHandler(AccessRules::refuse))
                // the screens' own scripts call the API with the browser's session: read, never created here, and a
                // write on it needs the session's CSRF token (X-CSRF-TOKEN), as a form does; a token or a password needs none
                .securityContext(context -> context.securityContextRepository(
                        new org.springframework.security.web.context.HttpSessionSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                        || request.getSession(false) == null));
        return http.build();
    }

    /** An API request the user's role may not make, or a session's write without its CSRF token: 403, saying which. */
    private static void refuse(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                               org.springframework.security.access.AccessDeniedException denied) throws java.io.IOException {
        Problems.write(request, response, denied instanceof org.springframework.security.web.csrf.CsrfException
                ? Problems.of(org.springframework.http.HttpStatus.FORBIDDEN, WebProblem.CSRF_TOKEN_MISSING,
                        "A write with the browser's session needs the page's CSRF token in the X-CSRF-TOKEN header.")
                : Problems.of(org.springframework.http.HttpStatus.FORBIDDEN, Problems.words(org.springframework.http.HttpStatus.FORBIDDEN).code(),
                        Problems.words(org.springframework.http.HttpStatus.FORBIDDEN).detail()));
    }

    /** The web UI: form login, CSRF on every form, a new session id at login. */
    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, org.ledgerbridge.users.UserAccounts users) throws Exception {
        http.addFilterAfter(new DisabledUsersLoggedOut(users), org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error",
                            "/actuator/health").permitAll();
                    rules.requestMatchers("/settings/users/**", "/settings/gl-targets/**", "/settings/allow-overpayments",
                            "/settings/payment-gl-detail", "/documents/migration-mode").hasRole(Role.ADMIN.name());
                    for (WriteRule write : WRITES) {
                        rules.requestMatchers(write.method(), write.path()).hasRole(write.role().name());
                    }
                    rules.requestMatchers(HttpMethod.GET, "/**").hasRole(Role.VIEWER.name());
                    rules.requestMatchers(HttpMethod.POST, "/logout").authenticated();
                    rules.anyRequest().hasRole(Role.ADMIN.name());
                })
                .formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(ThrottledLogins.formFailure())
                        .permitAll())
                // scripts fetch /v3/api-docs (and may read pages) with HTTP Basic; their writes still need a CSRF token here
                .httpBasic(basic -> { })
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                // a request on a session that ended (idle too long, the server restarted) goes back to the login page, which
                // says so, instead of a 403 for its stale CSRF token
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                        .invalidSessionUrl("/login?expired"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
