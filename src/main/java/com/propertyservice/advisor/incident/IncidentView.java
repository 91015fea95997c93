package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.Advice;
import com.propertyservice.advisor.engine.Deadline;
import com.propertyservice.advisor.engine.Incident;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A recorded incident with the advice it was given and its follow-up visits.
 *
 * @param id              its id
 * @param status          where it stands
 * @param incident        the incident, with the contract's defaults applied
 * @param advice          the advice exactly as it was returned when the incident was recorded
 * @param ruleSetVersion  the rule-set version that produced the advice
 * @param firedRules      the rules that fired for it
 * @param expectation     the owner's expectation as last known
 * @param perception      the owner's perception as last known (the latest follow-up's)
 * @param satisfactionGap perception − expectation as last known, or {@code null}
 * @param recordedBy      who recorded it (a username or {@code api-key:xxxx})
 * @param recordedAt      when it was recorded
 * @param advisedAt       when the advice was given
 * @param resolvedAt      when it was marked resolved, or {@code null}
 * @param resolvedBy      who marked it resolved, or {@code null}
 * @param followedUpAt    the latest follow-up visit, or {@code null}
 * @param followUps       the follow-up visits, oldest first
 * @param assignee        who has it (a username), or null (contract 1.2)
 * @param deadlines       when the response, the resolution and the return visit are due; null where the advice set no
 *                        target, and for incidents recorded before contract 1.2
 * @param respondedAt     when the first response was made, or null
 * @param resolutionNote  what was done, as noted on resolving, or null
 * @param breaches        the deadlines missed, oldest first
 */
public record IncidentView(
        long id,
        IncidentStatus status,
        Incident incident,
        Advice advice,
        String ruleSetVersion,
        List<String> firedRules,
        Integer expectation,
        Integer perception,
        Integer satisfactionGap,
        String recordedBy,
        OffsetDateTime recordedAt,
        OffsetDateTime advisedAt,
        OffsetDateTime resolvedAt,
        String resolvedBy,
        OffsetDateTime followedUpAt,
        List<FollowUpView> followUps,
        String assignee,
        Deadlines deadlines,
        OffsetDateTime respondedAt,
        String resolutionNote,
        List<Breach> breaches) {

    /** The incident's deadlines: recordedAt + the advice's targets, and resolvedAt + its follow-up's. */
    public record Deadlines(OffsetDateTime respondBy, OffsetDateTime resolveBy, OffsetDateTime followUpBy) {}

    /** A deadline that passed without its step being taken. */
    public record Breach(Deadline deadline, OffsetDateTime at) {}
}
