package com.propertyservice.advisor.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the service's RFC 9457 problem details: a stable type URI, a title and detail in the
 * caller's language, the correlation id, and per-field errors. Used by the error handler and by
 * the security entry points, which run before Spring MVC and so cannot use the handler.
 */
@Component
public class Problems {

    /** Problem types are {@code TYPE_BASE + slug}; the slugs never change once published. */
    public static final String TYPE_BASE = "https://advisor.propertyservice.com/problems/";

    private final MessageSource messages;
    private final JsonMapper json;

    Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The caller's locale: Chinese unless the request asks for another language. */
    public static Locale locale(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        return header == null || header.isBlank() ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
    }

    /** Whether the request is for the API (answered with problem details) rather than a page. */
    public static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** A problem of type {@code slug} whose title is {@code problem.<slug>.title} and detail the message {@code detailCode}. */
    public ProblemDetail problem(HttpStatus status, String slug, Locale locale, String detailCode, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(message("problem." + slug + ".title", locale));
        problem.setDetail(messages.getMessage(detailCode, args, detailCode, locale));
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }

    /** A 400 listing what is wrong with each field. */
    public ProblemDetail invalid(Locale locale, List<FieldProblem> errors) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                locale,
                "problem.invalid-request.detail",
                String.join(
                        ", ",
                        errors.stream().map(FieldProblem::field).distinct().toList()));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A 503 for a database that gave no connection in time; send {@code Retry-After} with it. */
    public ProblemDetail busy(Locale locale) {
        ProblemDetail problem = problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable",
                locale,
                "problem.service-unavailable.detail",
                DatabaseBusy.RETRY_AFTER_SECONDS);
        problem.setProperty("retryAfterSeconds", DatabaseBusy.RETRY_AFTER_SECONDS);
        return problem;
    }

    /** A message of the service's catalogue in {@code locale}. */
    public String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    /** A validation message (codes such as {@code Size.incidentRequest.summary}, then {@code Size}). */
    public String message(MessageSourceResolvable resolvable, Locale locale) {
        return messages.getMessage(resolvable, locale);
    }

    /** Writes a problem straight to the response, for filters that run outside Spring MVC. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(problem));
        response.getWriter().flush();
    }

    /** The problem as the JSON body a caller receives. */
    String json(ProblemDetail problem) {
        return json.writeValueAsString(flatten(problem));
    }

    private static Map<String, Object> flatten(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
