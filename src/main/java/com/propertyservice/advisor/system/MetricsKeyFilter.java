package com.propertyservice.advisor.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Prometheus scrape: {@code GET /actuator/prometheus} with {@code Authorization: Bearer <key>}, a key from
 * {@code advisor.security.metrics-keys}. The key gives role METRICS, which opens that endpoint and nothing else;
 * like API keys, only SHA-256 hashes are kept and compared in constant time. Without a key configured the
 * endpoint is for ADMIN only.
 */
final class MetricsKeyFilter extends OncePerRequestFilter {

    static final String PATH = "/actuator/prometheus";
    private static final String BEARER = "Bearer ";

    private final List<byte[]> hashes;

    MetricsKeyFilter(List<String> keys) {
        this.hashes = keys.stream()
                .map(String::trim)
                .filter(k -> !k.isEmpty())
                .map(ApiKeys::sha256)
                .toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return hashes.isEmpty() || !PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith(BEARER)) {
            byte[] presented = ApiKeys.sha256(header.substring(BEARER.length()).trim());
            boolean match = false;
            for (byte[] hash : hashes) {
                match |= MessageDigest.isEqual(hash, presented);
            }
            if (match) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new Scraper());
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }

    /** A Prometheus server. */
    static final class Scraper extends AbstractAuthenticationToken {

        Scraper() {
            super(AuthorityUtils.createAuthorityList("ROLE_" + SecurityConfiguration.METRICS));
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return "metrics-scraper";
        }
    }
}
