package com.propertyservice.advisor.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * An incident row. The incident and its advice are kept as the JSON the caller sent (with defaults)
 * and received, so what a supervisor was told can be shown exactly later, whatever the rules say
 * today; the columns beside them exist for filtering and for the follow-up state.
 */
@Entity
@Table(name = "incidents")
class StoredIncident {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "external_id")
    String externalId;
    @Column(name = "reported_at", nullable = false)
    OffsetDateTime reportedAt;
    @Column(nullable = false)
    String channel;
    @Column(nullable = false)
    String community;
    @Column(name = "service_area", nullable = false)
    String serviceArea;
    @Column(nullable = false)
    String issue;
    @Column(nullable = false)
    String summary;
    Integer expectation;
    Integer perception;
    @Column(name = "satisfaction_gap")
    Integer satisfactionGap;
    @Column(name = "kano_factor")
    String kanoFactor;
    String priority;
    String escalation;
    @Column(nullable = false)
    String language;
    @Column(name = "incident_json", nullable = false)
    String incidentJson;
    @Column(name = "advice_json", nullable = false)
    String adviceJson;
    @Column(name = "rule_set_version", nullable = false)
    String ruleSetVersion;
    /** JSON array of rule names. */
    @Column(name = "fired_rules", nullable = false)
    String firedRules;
    @Column(nullable = false)
    String status;
    @Column(name = "recorded_by", nullable = false)
    String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    OffsetDateTime recordedAt;
    @Column(name = "advised_at")
    OffsetDateTime advisedAt;
    @Column(name = "resolved_at")
    OffsetDateTime resolvedAt;
    @Column(name = "resolved_by")
    String resolvedBy;
    @Column(name = "followed_up_at")
    OffsetDateTime followedUpAt;

    protected StoredIncident() {
    }

    IncidentStatus status() {
        return IncidentStatus.valueOf(status);
    }
}
