package org.ledgerbridge.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ledgerbridge.users.ApiTokens;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code Authorization: Bearer lbt_...} on the REST API: the token's user with the token's role,
 * found by the hash of the secret ({@link ApiTokens}); a token that is unknown, revoked or of a
 * disabled user is answered 401 with a problem, never passed on to HTTP Basic.
 */
final class BearerTokens extends OncePerRequestFilter {

    private final ApiTokens tokens;

    BearerTokens(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.Bearer> bearer = tokens.authenticate(header.substring(7).strip());
        if (bearer.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            Problems.write(request, response, Problems.of(org.springframework.http.HttpStatus.UNAUTHORIZED, WebProblem.INVALID_TOKEN,
                    "The token is unknown, revoked, or its user is disabled."));
            return;
        }
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(bearer.get().username(), null,
                List.of(new SimpleGrantedAuthority(bearer.get().role().authority()))));
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.getContextHolderStrategy().clearContext();
        }
    }
}
