package com.propertyservice.advisor.incident;

import java.time.OffsetDateTime;

/**
 * An incident row, one component per column of {@code incidents} (the column name in camel case,
 * so {@link IncidentRepository} binds and reads it by name). The incident and its advice are kept as
 * the JSON the caller sent (with defaults) and received, so what a supervisor was told can be shown
 * exactly later, whatever the rules say today; the columns beside them exist for filtering and for
 * the follow-up state. Codes stay the strings stored, parsed where they are used, as a stored row
 * may hold what an earlier version wrote.
 *
 * @param id         {@code null} until inserted
 * @param firedRules JSON array of rule names
 */
record StoredIncident(Long id, String externalId, OffsetDateTime reportedAt, String channel, String community,
                      String serviceArea, String issue, String summary, Integer expectation, Integer perception,
                      Integer satisfactionGap, String kanoFactor, String priority, String escalation,
                      String language, String incidentJson, String adviceJson, String ruleSetVersion,
                      String firedRules, String status, String recordedBy, OffsetDateTime recordedAt,
                      OffsetDateTime advisedAt, OffsetDateTime resolvedAt, String resolvedBy,
                      OffsetDateTime followedUpAt) {

    IncidentStatus incidentStatus() {
        return IncidentStatus.valueOf(status);
    }

    StoredIncident withId(long newId) {
        return new StoredIncident(newId, externalId, reportedAt, channel, community, serviceArea, issue, summary,
                expectation, perception, satisfactionGap, kanoFactor, priority, escalation, language, incidentJson,
                adviceJson, ruleSetVersion, firedRules, status, recordedBy, recordedAt, advisedAt, resolvedAt,
                resolvedBy, followedUpAt);
    }

    /**
     * This incident after a return visit: the visit's scores, the gap computed from them, and the
     * latest visit time (an earlier visit recorded late does not move it back).
     */
    StoredIncident followedUp(int newPerception, Integer newExpectation, Integer newGap, OffsetDateTime visitedAt) {
        OffsetDateTime latest = followedUpAt == null || visitedAt.isAfter(followedUpAt) ? visitedAt : followedUpAt;
        return progressed(newExpectation, newPerception, newGap, IncidentStatus.FOLLOWED_UP, resolvedAt, resolvedBy,
                latest);
    }

    /** This incident marked resolved. */
    StoredIncident resolved(OffsetDateTime at, String by) {
        return progressed(expectation, perception, satisfactionGap, IncidentStatus.RESOLVED, at, by, followedUpAt);
    }

    // the columns IncidentRepository.updateProgress writes; everything else is fixed once recorded
    private StoredIncident progressed(Integer newExpectation, Integer newPerception, Integer newGap,
                                      IncidentStatus newStatus, OffsetDateTime newResolvedAt, String newResolvedBy,
                                      OffsetDateTime newFollowedUpAt) {
        return new StoredIncident(id, externalId, reportedAt, channel, community, serviceArea, issue, summary,
                newExpectation, newPerception, newGap, kanoFactor, priority, escalation, language, incidentJson,
                adviceJson, ruleSetVersion, firedRules, newStatus.name(), recordedBy, recordedAt, advisedAt,
                newResolvedAt, newResolvedBy, newFollowedUpAt);
    }
}
