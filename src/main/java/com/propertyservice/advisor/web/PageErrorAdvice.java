package com.propertyservice.advisor.web;

import com.propertyservice.advisor.engine.UnknownIssueException;
import com.propertyservice.advisor.system.ApiProblemException;
import com.propertyservice.advisor.system.DatabaseBusy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Failures on a page become a page, not a problem+json body: the API's handler stays for the API,
 * this one (ordered first, limited to this package and to {@link ServesPages} controllers elsewhere)
 * serves the pages. A person sees what to do, never a stack trace; our own faults carry the
 * correlation id the log keeps.
 */
@ControllerAdvice(basePackageClasses = PageErrorAdvice.class, assignableTypes = ServesPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);
    private static final String CORRELATION_ID = "correlationId";

    @ExceptionHandler(ApiProblemException.class)
    String featureProblem(ApiProblemException e, HttpServletResponse response, Model model) {
        return page(response, model, e.status().value(), e.messageCode(), e.arguments());
    }

    @ExceptionHandler(UnknownIssueException.class)
    String unknownIssue(UnknownIssueException e, HttpServletResponse response, Model model) {
        return page(response, model, HttpStatus.BAD_REQUEST.value(), "error.unknown-issue", e.issue());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badRequest(Exception e, HttpServletResponse response, Model model) {
        return page(response, model, HttpStatus.BAD_REQUEST.value(), "problem.bad-request.detail");
    }

    @ExceptionHandler(Exception.class)
    String anythingElse(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            int status = known.getStatusCode().value();
            return page(response, model, status, status == 404 ? "error.not-found" : "problem.bad-request.detail");
        }
        if (DatabaseBusy.isBusy(e)) {
            log.warn(
                    "page {} {}: no database connection in time, answered 503",
                    request.getMethod(),
                    request.getRequestURI());
            response.setHeader("Retry-After", String.valueOf(DatabaseBusy.RETRY_AFTER_SECONDS));
            return page(response, model, HttpStatus.SERVICE_UNAVAILABLE.value(), "error.busy");
        }
        String correlationId = MDC.get(CORRELATION_ID);
        log.error(
                "page {} {} failed [correlationId={}]", request.getMethod(), request.getRequestURI(), correlationId, e);
        return page(response, model, HttpStatus.INTERNAL_SERVER_ERROR.value(), "error.internal", correlationId);
    }

    private static String page(
            HttpServletResponse response, Model model, int status, String messageKey, Object... arguments) {
        response.setStatus(status);
        model.addAttribute("messageKey", messageKey);
        model.addAttribute("messageArguments", arguments);
        return "error";
    }
}
