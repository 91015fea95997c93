package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.Deadline;
import java.time.OffsetDateTime;

/**
 * An open deadline of an incident, for a supervisor's queue.
 *
 * @param incident  the incident's id
 * @param deadline  which promise
 * @param due       when it falls due (in the past: overdue)
 * @param assignee  who has the incident, or null
 * @param community where
 * @param issue     the catalogue key
 * @param summary   what the complainant said
 * @param priority  the advice's priority
 * @param status    where the incident stands
 */
public record DueDeadline(
        long incident,
        Deadline deadline,
        OffsetDateTime due,
        String assignee,
        String community,
        String issue,
        String summary,
        String priority,
        IncidentStatus status) {}
