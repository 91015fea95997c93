package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.ComplaintCause;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.Priority;
import com.propertyservice.advisor.engine.ServiceArea;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the dashboard counts for one recorded incident: the filter columns plus the parts of its
 * advice (causes, time targets) that only the stored advice holds.
 *
 * @param id              its id
 * @param status          where it stands
 * @param reportedAt      when it was reported
 * @param advisedAt       when the advice was given
 * @param community       estate or building
 * @param serviceArea     the service line the supervisor chose
 * @param issue           the catalogue key
 * @param kanoFactor      the advised Kano factor
 * @param priority        the advised priority
 * @param satisfactionGap perception − expectation as last known, or {@code null}
 * @param complaintCauses the advised complaint causes
 * @param resolveWithin   the advised resolution target
 */
public record IncidentFacts(long id, IncidentStatus status, OffsetDateTime reportedAt, OffsetDateTime advisedAt,
                            String community, ServiceArea serviceArea, String issue, KanoFactor kanoFactor,
                            Priority priority, Integer satisfactionGap, List<ComplaintCause> complaintCauses,
                            Duration resolveWithin) {

    public IncidentFacts {
        complaintCauses = List.copyOf(complaintCauses);
    }
}
