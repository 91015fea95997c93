package com.propertyservice.advisor.incident;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * A return visit (回访) as the contract receives it.
 *
 * @param perception  the owner's perceived service, 1..5
 * @param expectation the owner's expectation, 1..5, when asked on this visit
 * @param comment     what the owner said, at most 2000 characters
 * @param visitedAt   when the visit took place (an addition to the contract); default now
 */
record FollowUpRequest(
        @NotNull @Min(1) @Max(5) Integer perception,
        @Min(1) @Max(5) Integer expectation,
        @Size(max = 2000) String comment,
        @PastOrPresent OffsetDateTime visitedAt) {

    FollowUpCommand toCommand() {
        return new FollowUpCommand(perception, expectation, comment, visitedAt);
    }
}
