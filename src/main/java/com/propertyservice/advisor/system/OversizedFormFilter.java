package com.propertyservice.advisor.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A posted form Tomcat will not read (over its size limit, or malformed) fails on the first look at its
 * fields, and on every later look, the error page's included. Here the fields are read first: a form that
 * cannot be read is answered 413 (too large) or 400 at once, with the error page shown without the form's
 * fields (a problem detail on the API), the correlation id on it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class OversizedFormFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OversizedFormFilter.class);

    private final Problems problems;

    OversizedFormFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if ("POST".equals(request.getMethod())
                && type != null
                && type.startsWith("application/x-www-form-urlencoded")) {
            try {
                request.getParameterMap();
            } catch (IllegalStateException unreadable) {
                boolean tooLarge = unreadable.getMessage() != null
                        && unreadable.getMessage().contains("too big");
                HttpStatus status = tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
                log.warn(
                        "{} {}: form not read ({}), answered {}",
                        request.getMethod(),
                        request.getRequestURI(),
                        unreadable.getMessage(),
                        status.value());
                if (Problems.isApi(request)) {
                    problems.write(
                            response,
                            problems.problem(
                                    status,
                                    tooLarge ? "request-too-large" : "bad-request",
                                    Problems.locale(request),
                                    tooLarge
                                            ? "problem.request-too-large.detail"
                                            : "problem.unreadable-request.detail"));
                } else {
                    errorPage(request, response, status);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Draws the error page for {@code status} without the request's fields (they are what was wrong). */
    static void errorPage(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
            throws ServletException, IOException {
        response.setStatus(status.value());
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status.value());
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        request.getRequestDispatcher("/error").forward(new WithoutFields(request), response);
    }
}
