package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.Escalation;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.Priority;
import com.propertyservice.advisor.engine.ServiceArea;
import java.time.OffsetDateTime;

/** An incident in a list: what a supervisor scans, without the advice itself. */
public record IncidentSummary(
        long id,
        String externalId,
        IncidentStatus status,
        OffsetDateTime reportedAt,
        String community,
        ServiceArea serviceArea,
        String issue,
        String summary,
        KanoFactor kanoFactor,
        Priority priority,
        Escalation escalation,
        Integer satisfactionGap,
        String recordedBy,
        OffsetDateTime recordedAt) {}
