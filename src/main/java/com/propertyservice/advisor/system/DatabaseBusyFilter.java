package com.propertyservice.advisor.system;

import jakarta.servlet.FilterChain;
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
import org.springframework.web.util.HtmlUtils;

/**
 * A busy database met before Spring MVC (checking a password reads the users table inside the security
 * filters) is answered 503 with {@code Retry-After} here: a problem detail for the API, the error page
 * for people. Inside MVC the error handlers do the same.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseBusyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBusyFilter.class);

    private final Problems problems;

    DatabaseBusyFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseBusy.isBusy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn(
                    "{} {}: no database connection in time, answered 503",
                    request.getMethod(),
                    request.getRequestURI());
            response.reset();
            response.setHeader("Retry-After", String.valueOf(DatabaseBusy.RETRY_AFTER_SECONDS));
            if (Problems.isApi(request)) {
                problems.write(response, problems.busy(Problems.locale(request)));
            } else {
                // a plain page of its own: the error page may itself need the database (the session store), which is
                // busy
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setContentType("text/html;charset=UTF-8");
                String busy = HtmlUtils.htmlEscape(problems.message("error.busy", Problems.locale(request)));
                response.getWriter()
                        .write(
                                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>503</title></head><body><main><h1>503</h1><p>"
                                        + busy + "</p></main></body></html>");
            }
        }
    }
}
