package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.Priority;
import com.propertyservice.advisor.engine.ServiceArea;
import java.time.LocalDate;

/**
 * Filters for the incident list; each {@code null} filter lets everything through.
 *
 * @param community exact estate or building name
 * @param status    where the incidents stand
 * @param area      the service area
 * @param priority  the advised priority
 * @param from      first day reported (inclusive, server time zone)
 * @param to        last day reported (inclusive, server time zone)
 */
public record IncidentQuery(
        String community, IncidentStatus status, ServiceArea area, Priority priority, LocalDate from, LocalDate to) {

    /** No filter at all. */
    public static IncidentQuery all() {
        return new IncidentQuery(null, null, null, null, null, null);
    }
}
