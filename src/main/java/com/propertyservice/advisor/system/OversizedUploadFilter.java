package com.propertyservice.advisor.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload that says it is larger than the multipart limit is answered 413 before any of it is
 * read: a problem detail on the API, the error page for people. Without this, a page's upload
 * would fail on its CSRF field (Tomcat gives up parsing the oversized form and every field reads
 * as missing) and show "access denied" instead of "too large". Tomcat then discards the rest of
 * the body ({@code server.tomcat.max-swallow-size}), so the caller can read the answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class OversizedUploadFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OversizedUploadFilter.class);

    private final Problems problems;
    private final DataSize maxRequest;
    private final DataSize maxFile;

    OversizedUploadFilter(
            Problems problems,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequest,
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFile) {
        this.problems = problems;
        this.maxRequest = maxRequest;
        this.maxFile = maxFile;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                || request.getContentLengthLong() <= maxRequest.toBytes()) {
            chain.doFilter(request, response);
            return;
        }
        log.info(
                "{} {}: upload of {} bytes refused before reading (limit {})",
                request.getMethod(),
                request.getRequestURI(),
                request.getContentLengthLong(),
                maxRequest);
        String limit = maxFile.toMegabytes() + " MB";
        if (Problems.isApi(request)) {
            problems.write(
                    response,
                    problems.problem(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "payload-too-large",
                            Problems.locale(request),
                            "problem.payload-too-large.detail",
                            limit));
            return;
        }
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.CONTENT_TOO_LARGE.value());
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        // the error page shows this message instead of its generic one
        request.setAttribute("messageKey", "problem.payload-too-large.detail");
        request.setAttribute("messageArguments", new Object[] {limit});
        // the error page is drawn from a request that no longer looks like an upload, so nothing tries to read it
        request.getRequestDispatcher("/error").forward(new NotAnUpload(request), response);
    }

    /** The request without its multipart content type (and so without fields). */
    private static final class NotAnUpload extends WithoutFields {
        NotAnUpload(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return "content-type".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }
    }
}
