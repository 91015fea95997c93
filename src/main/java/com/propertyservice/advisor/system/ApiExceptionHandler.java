package com.propertyservice.advisor.system;

import com.propertyservice.advisor.engine.AdviceTimeoutException;
import com.propertyservice.advisor.engine.UnknownIssueException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where failures become RFC 9457 problem details. A caller's mistake gets a 4xx that
 * names the field and says why, in the caller's language; anything else is our fault: a 500 that
 * carries only the correlation id, while the log keeps the details. No exception name, stack
 * trace or SQL ever reaches a caller.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Problems problems;
    private final DataSize maxUpload;

    ApiExceptionHandler(Problems problems, @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxUpload) {
        this.problems = problems;
        this.maxUpload = maxUpload;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        Locale locale = Problems.locale(request);
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), problems.message(error, locale)));
        }
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), problems.message(error, locale))));
        return respond(problems.invalid(locale, errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        Locale locale = Problems.locale(request);
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors()
                        .forEach(error -> errors.add(new FieldProblem(
                                result.getMethodParameter().getParameterName(), problems.message(error, locale)))));
        return respond(problems.invalid(locale, errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongParameterType(
            MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        Locale locale = Problems.locale(request);
        Class<?> type = e.getRequiredType();
        String message = type != null && type.isEnum()
                ? problems.message("field.one-of", locale, constants(type))
                : type == LocalDate.class
                        ? problems.message("field.date", locale)
                        : problems.message("field.wrong-type", locale);
        return respond(problems.invalid(locale, List.of(new FieldProblem(e.getName(), message))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(
            MissingServletRequestParameterException e, HttpServletRequest request) {
        Locale locale = Problems.locale(request);
        return respond(problems.invalid(
                locale,
                List.of(new FieldProblem(
                        e.getParameterName(),
                        problems.message(new DefaultMessageSourceResolvable("NotNull"), locale)))));
    }

    /**
     * An upload endpoint called without a multipart body (JSON, a form, nothing): Spring cannot look for the file at
     * all. A 400 naming the field the file goes in, not a 500.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> notMultipart(MultipartException e, HttpServletRequest request) {
        if (e instanceof MaxUploadSizeExceededException) {
            return anythingElse(e, request); // too large, not missing: Spring's own 413
        }
        Locale locale = Problems.locale(request);
        return respond(problems.invalid(
                locale, List.of(new FieldProblem("file", problems.message("field.multipart", locale)))));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) {
        Locale locale = Problems.locale(request);
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return respond(problems.invalid(
                    locale,
                    List.of(new FieldProblem(
                            path(unknown),
                            problems.message("field.unknown", locale, String.join(", ", known(unknown)))))));
        }
        if (cause instanceof InvalidFormatException format
                && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return respond(problems.invalid(
                    locale,
                    List.of(new FieldProblem(
                            path(format),
                            problems.message("field.one-of", locale, constants(format.getTargetType()))))));
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return respond(problems.invalid(
                    locale, List.of(new FieldProblem(path(mismatch), problems.message("field.wrong-type", locale)))));
        }
        if (cause instanceof StreamReadException || cause instanceof JacksonException) {
            return respond(problems.problem(
                    HttpStatus.BAD_REQUEST, "malformed-body", locale, "problem.malformed-body.detail"));
        }
        // no body at all, or one that cannot be read as text
        return respond(
                problems.problem(HttpStatus.BAD_REQUEST, "malformed-body", locale, "problem.missing-body.detail"));
    }

    @ExceptionHandler(UnknownIssueException.class)
    ResponseEntity<ProblemDetail> unknownIssue(UnknownIssueException e, HttpServletRequest request) {
        Locale locale = Problems.locale(request);
        String known = String.join(", ", e.knownIssues());
        ProblemDetail problem = problems.problem(
                HttpStatus.BAD_REQUEST, "unknown-issue", locale, "problem.unknown-issue.detail", e.issue(), known);
        problem.setProperty(
                "errors", List.of(new FieldProblem("issue", problems.message("field.unknown-issue", locale, known))));
        problem.setProperty("knownIssues", e.knownIssues());
        return respond(problem);
    }

    /** The rules overran their limits on this incident: a fault of the rule set, so a 5xx, logged for whoever owns the rules. */
    @ExceptionHandler(AdviceTimeoutException.class)
    ResponseEntity<ProblemDetail> rulesOverran(AdviceTimeoutException e, HttpServletRequest request) {
        log.error(
                "{} {}: {} [correlationId={}]",
                request.getMethod(),
                request.getRequestURI(),
                e.getMessage(),
                MDC.get(CorrelationIdFilter.MDC_KEY));
        ProblemDetail problem = problems.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "rules-over-budget",
                Problems.locale(request),
                "problem.rules-over-budget.detail",
                String.join(", ", e.lastFired()));
        problem.setProperty("lastFiredRules", e.lastFired());
        return respond(problem);
    }

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<ProblemDetail> featureProblem(ApiProblemException e, HttpServletRequest request) {
        Locale locale = Problems.locale(request);
        ProblemDetail problem = e.field() != null
                ? problems.invalid(
                        locale,
                        List.of(new FieldProblem(e.field(), problems.message(e.messageCode(), locale, e.arguments()))))
                : problems.problem(e.status(), e.type(), locale, e.messageCode(), e.arguments());
        e.properties().forEach(problem::setProperty);
        return respond(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> anythingElse(Exception e, HttpServletRequest request) {
        Locale locale = Problems.locale(request);
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            // Spring's own 4xx (404, 405, 406, 415, ...): the status is right, the words are ours
            return respond(standard(known.getStatusCode(), e, locale));
        }
        if (e instanceof AsyncRequestNotUsableException) {
            log.debug(
                    "{} {}: the client went away before the answer was written",
                    request.getMethod(),
                    request.getRequestURI());
            return null; // nobody is listening
        }
        if (DatabaseBusy.isBusy(e)) {
            log.warn(
                    "{} {}: no database connection in time, answered 503",
                    request.getMethod(),
                    request.getRequestURI());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", String.valueOf(DatabaseBusy.RETRY_AFTER_SECONDS))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problems.busy(locale));
        }
        log.error(
                "request {} {} failed [correlationId={}]",
                request.getMethod(),
                request.getRequestURI(),
                MDC.get(CorrelationIdFilter.MDC_KEY),
                e);
        return respond(problems.problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                locale,
                "problem.internal-error.detail",
                MDC.get(CorrelationIdFilter.MDC_KEY)));
    }

    private ProblemDetail standard(HttpStatusCode status, Exception e, Locale locale) {
        if (e instanceof NoResourceFoundException) {
            return problems.problem(HttpStatus.NOT_FOUND, "not-found", locale, "problem.not-found.path");
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            return problems.problem(
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "method-not-allowed",
                    locale,
                    "problem.method-not-allowed.detail",
                    method.getMethod(),
                    String.join(
                            ", ", method.getSupportedMethods() == null ? new String[0] : method.getSupportedMethods()));
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return problems.problem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type",
                    locale,
                    "problem.unsupported-media-type.detail");
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return problems.problem(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "payload-too-large",
                    locale,
                    "problem.payload-too-large.detail",
                    maxUpload.toMegabytes() + " MB");
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return problems.problem(
                    HttpStatus.NOT_ACCEPTABLE, "not-acceptable", locale, "problem.not-acceptable.detail");
        }
        HttpStatus resolved = HttpStatus.resolve(status.value());
        return problems.problem(
                resolved == null ? HttpStatus.BAD_REQUEST : resolved,
                "bad-request",
                locale,
                "problem.bad-request.detail");
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static List<String> known(UnrecognizedPropertyException e) {
        return e.getKnownPropertyIds() == null
                ? List.of()
                : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
    }

    private static String constants(Class<?> enumType) {
        return String.join(
                ", ",
                Arrays.stream(enumType.getEnumConstants()).map(String::valueOf).toList());
    }
}
