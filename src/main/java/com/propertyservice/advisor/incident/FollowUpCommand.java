package com.propertyservice.advisor.incident;

import java.time.OffsetDateTime;

/**
 * A return visit to record.
 *
 * @param perception  the owner's perceived service, 1..5
 * @param expectation the owner's expectation 1..5, or {@code null} to use the incident's own
 * @param comment     what the owner said, at most 2000 characters, or {@code null}
 * @param visitedAt   when the visit took place; {@code null} means now, on the service's clock
 */
public record FollowUpCommand(int perception, Integer expectation, String comment, OffsetDateTime visitedAt) {

    public FollowUpCommand {
        requireScore(perception, "perception");
        if (expectation != null) {
            requireScore(expectation, "expectation");
        }
        if (comment != null && comment.length() > 2000) {
            throw new IllegalArgumentException("comment must be at most 2000 characters");
        }
    }

    private static void requireScore(int value, String field) {
        if (value < 1 || value > 5) {
            throw new IllegalArgumentException(field + " must be between 1 and 5, was " + value);
        }
    }
}
