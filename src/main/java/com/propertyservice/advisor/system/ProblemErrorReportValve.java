package com.propertyservice.advisor.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's last word on a request no servlet answered (a header over the size limit, an encoded slash in the
 * path, a request line it cannot read): a problem detail with a correlation id instead of Tomcat's HTML page.
 * Installed in place of Tomcat's own error report valve by {@link TomcatErrorConfiguration}.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    private final Problems problems;

    ProblemErrorReportValve(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        Object known = request.getAttribute(CorrelationIdFilter.ATTRIBUTE);
        String correlationId =
                known != null ? known.toString() : UUID.randomUUID().toString();
        HttpStatus resolved = HttpStatus.resolve(status);
        HttpStatus answer = resolved == null ? HttpStatus.BAD_REQUEST : resolved;
        ProblemDetail problem = answer.is5xxServerError()
                ? problems.problem(
                        answer,
                        "internal-error",
                        Problems.locale(request),
                        "problem.internal-error.detail",
                        correlationId)
                : switch (answer) {
                    case NOT_FOUND ->
                        problems.problem(answer, "not-found", Problems.locale(request), "problem.not-found.path");
                    case PAYLOAD_TOO_LARGE, URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE ->
                        problems.problem(
                                answer,
                                "request-too-large",
                                Problems.locale(request),
                                "problem.request-too-large.detail");
                    default ->
                        problems.problem(
                                answer, "bad-request", Problems.locale(request), "problem.unreadable-request.detail");
                };
        problem.setProperty("correlationId", correlationId);
        log.warn(
                "{} {} refused by Tomcat with {} [correlationId={}]{}",
                request.getMethod(),
                request.getRequestURI(),
                status,
                correlationId,
                throwable == null ? "" : ": " + throwable.getMessage());
        try {
            response.setHeader(CorrelationIdFilter.HEADER, correlationId);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problems.json(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("could not write the problem detail", e);
        }
    }
}
