package com.propertyservice.advisor.incident;

import java.time.OffsetDateTime;

/**
 * A follow-up row, one component per column of {@code follow_ups} (the column name in camel case).
 *
 * @param id {@code null} until inserted
 */
record StoredFollowUp(
        Long id,
        long incidentId,
        int perception,
        Integer expectation,
        Integer satisfactionGap,
        String comment,
        String visitedBy,
        OffsetDateTime visitedAt) {

    FollowUpView view() {
        return new FollowUpView(id, perception, expectation, satisfactionGap, comment, visitedBy, visitedAt);
    }
}
