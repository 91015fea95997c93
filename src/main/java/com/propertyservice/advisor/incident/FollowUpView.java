package com.propertyservice.advisor.incident;

import java.time.OffsetDateTime;

/**
 * A recorded return visit.
 *
 * @param id              its id
 * @param perception      the owner's perceived service, 1..5
 * @param expectation     the expectation the gap was computed with, or {@code null} when none was known
 * @param satisfactionGap perception − expectation, or {@code null}
 * @param comment         what the owner said
 * @param visitedBy       who recorded it (a username or {@code api-key:xxxx})
 * @param visitedAt       when the visit took place
 */
public record FollowUpView(
        long id,
        int perception,
        Integer expectation,
        Integer satisfactionGap,
        String comment,
        String visitedBy,
        OffsetDateTime visitedAt) {}
