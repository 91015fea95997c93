package com.propertyservice.advisor.system;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A caller's mistake a feature detects itself (an unknown id, a duplicate user): the error handler
 * turns it into a problem detail with the status, the stable type and the localised detail named here.
 */
public class ApiProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String messageCode;
    private final transient Object[] arguments;
    private final String field;
    private final transient Map<String, Object> properties = new LinkedHashMap<>();

    /**
     * @param status      the HTTP status, a 4xx
     * @param type        the last segment of the problem type URI, e.g. {@code not-found}
     * @param messageCode the key of the detail in {@code messages*.properties}
     * @param arguments   the detail's arguments
     */
    public ApiProblemException(HttpStatus status, String type, String messageCode, Object... arguments) {
        super(messageCode);
        this.status = status;
        this.type = type;
        this.messageCode = messageCode;
        this.arguments = arguments.clone();
        this.field = null;
    }

    private ApiProblemException(String field, String messageCode, Object... arguments) {
        super(messageCode);
        this.status = HttpStatus.BAD_REQUEST;
        this.type = "invalid-request";
        this.messageCode = messageCode;
        this.arguments = arguments.clone();
        this.field = field;
    }

    /** A 400 for one field (or query parameter) that the annotations cannot check, listed in the problem's {@code errors}. */
    public static ApiProblemException invalidField(String field, String messageCode, Object... arguments) {
        return new ApiProblemException(field, messageCode, arguments);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String messageCode() {
        return messageCode;
    }

    /** The field at fault, or {@code null} when the problem is not about one field. */
    public String field() {
        return field;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /**
     * Adds a member to the problem detail beside {@code detail} (e.g. the rows of an upload that
     * could not be read), for a caller that needs more than one sentence to fix the request.
     */
    public ApiProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** The members added with {@link #with}, in the order they were added. */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }
}
