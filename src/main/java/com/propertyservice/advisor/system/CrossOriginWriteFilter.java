package com.propertyservice.advisor.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses every state-changing request that a browser sends on behalf of another origin, before any
 * credential is looked at: whatever the browser attaches (a session cookie, cached Basic credentials), a
 * form or {@code fetch} from another site or port changes nothing. Browsers say where a request comes
 * from: {@code Sec-Fetch-Site} (all current ones) must be {@code same-origin} or {@code none} (typed by the
 * user); without it, an {@code Origin} header must name this host. A request with neither comes from no
 * browser (curl, another system) and passes: those authenticate explicitly. Reads (GET, HEAD, OPTIONS)
 * change nothing and pass. The CSRF tokens on the pages stay as a second lock. Not a bean: each security
 * filter chain adds its own.
 */
class CrossOriginWriteFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossOriginWriteFilter.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Problems problems;

    CrossOriginWriteFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE.contains(request.getMethod()) || sameOrigin(request)) {
            chain.doFilter(request, response);
            return;
        }
        log.warn(
                "refused a cross-origin {} {} (Sec-Fetch-Site: {}, Origin: {})",
                request.getMethod(),
                request.getRequestURI(),
                request.getHeader("Sec-Fetch-Site"),
                request.getHeader("Origin"));
        if (Problems.isApi(request)) {
            problems.write(
                    response,
                    problems.problem(
                            HttpStatus.FORBIDDEN,
                            "cross-origin-request",
                            Problems.locale(request),
                            "problem.cross-origin-request.detail"));
        } else {
            response.sendError(HttpStatus.FORBIDDEN.value());
        }
    }

    static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            String value = site.trim().toLowerCase(Locale.ROOT);
            return value.equals("same-origin") || value.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true; // not sent by a browser
        }
        String host = request.getHeader("Host");
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getHost() == null || host == null) {
                return false; // "Origin: null" (sandboxed frames, file pages) is never this service
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority.equalsIgnoreCase(host.trim())
                    || stripDefaultPort(host, uri.getScheme()).equalsIgnoreCase(uri.getHost());
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private static String stripDefaultPort(String host, String scheme) {
        String trimmed = host.trim();
        String defaultPort = "https".equalsIgnoreCase(scheme) ? ":443" : ":80";
        return trimmed.endsWith(defaultPort) ? trimmed.substring(0, trimmed.length() - defaultPort.length()) : trimmed;
    }
}
