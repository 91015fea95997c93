package com.propertyservice.advisor.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query parameters obey the rule {@link PlainText} sets for bodies and forms: a filter value with a NUL or another
 * control character, a bidirectional override or a lone surrogate is refused with a 400 naming the parameter,
 * before it reaches a query (PostgreSQL refuses NUL in text, which would otherwise surface as a 500). Only reads
 * (GET, HEAD) are looked at here: the fields of a posted form are bound and checked by {@link PlainTextBinding}
 * with their page's own messages.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class PlainParametersFilter extends OncePerRequestFilter {

    private final Problems problems;

    PlainParametersFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            for (Map.Entry<String, String[]> parameter :
                    request.getParameterMap().entrySet()) {
                for (String value : parameter.getValue()) {
                    int at = PlainText.firstForbidden(value);
                    if (at >= 0) {
                        refuse(request, response, parameter.getKey(), at, value.charAt(at));
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String name, int at, char c)
            throws ServletException, IOException {
        if (Problems.isApi(request)) {
            Locale locale = Problems.locale(request);
            String message = problems.message("PlainText", locale, name, at, "U+%04X".formatted((int) c));
            problems.write(response, problems.invalid(locale, List.of(new FieldProblem(name, message))));
            return;
        }
        OversizedFormFilter.errorPage(request, response, HttpStatus.BAD_REQUEST);
    }
}
