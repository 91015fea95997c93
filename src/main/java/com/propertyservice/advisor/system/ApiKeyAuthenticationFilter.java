package com.propertyservice.advisor.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates integrating systems by their {@code X-API-Key} header. A wrong key is answered 401
 * at once rather than falling through to other schemes, so a mistyped key is never mistaken for
 * an anonymous call. Not a bean: it belongs to the API filter chain only.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final ApiKeys keys;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(ApiKeys keys, AuthenticationEntryPoint entryPoint) {
        this.keys = keys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> caller = keys.authenticate(key);
        if (caller.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown API key"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(caller.get(), ApiKeys.idOf(ApiKeys.sha256(key))));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    /** An authenticated integrating system; its name is what incidents record as their author. */
    static final class ApiKeyAuthentication extends AbstractAuthenticationToken {

        private final String name;
        private final String callerId;

        ApiKeyAuthentication(String name, String callerId) {
            super(AuthorityUtils.createAuthorityList("ROLE_" + SecurityConfiguration.API_CLIENT));
            this.name = name;
            this.callerId = callerId;
            setAuthenticated(true);
        }

        /** Long enough to tell two keys apart (see {@link Callers}). */
        String callerId() {
            return callerId;
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return name;
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
