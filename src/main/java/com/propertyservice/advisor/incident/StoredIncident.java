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
record StoredIncident(
        Long id,
        String externalId,
        OffsetDateTime reportedAt,
        String channel,
        String community,
        String serviceArea,
        String issue,
        String summary,
        Integer expectation,
        Integer perception,
        Integer satisfactionGap,
        String kanoFactor,
        String priority,
        String escalation,
        String language,
        String incidentJson,
        String adviceJson,
        String ruleSetVersion,
        String firedRules,
        String status,
        String recordedBy,
        OffsetDateTime recordedAt,
        OffsetDateTime advisedAt,
        OffsetDateTime resolvedAt,
        String resolvedBy,
        OffsetDateTime followedUpAt) {

    IncidentStatus incidentStatus() {
        return IncidentStatus.valueOf(status);
    }

    StoredIncident withId(long newId) {
        return new StoredIncident(
                newId,
                externalId,
                reportedAt,
                channel,
                community,
                serviceArea,
                issue,
                summary,
                expectation,
                perception,
                satisfactionGap,
                kanoFactor,
                priority,
                escalation,
                language,
                incidentJson,
                adviceJson,
                ruleSetVersion,
                firedRules,
                status,
                recordedBy,
                recordedAt,
                advisedAt,
                resolvedAt,
                resolvedBy,
                followedUpAt);
    }
}
