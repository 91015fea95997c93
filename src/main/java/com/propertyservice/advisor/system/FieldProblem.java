package com.propertyservice.advisor.system;

/**
 * One thing wrong with one field of a request, as listed in a problem's {@code errors}.
 *
 * @param field   the field's path in the request, e.g. {@code complainant.emotion}, or a query parameter
 * @param message why it is wrong, in the caller's language
 */
public record FieldProblem(String field, String message) {}
