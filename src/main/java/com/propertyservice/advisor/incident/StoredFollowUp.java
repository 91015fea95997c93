package com.propertyservice.advisor.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A follow-up row. */
@Entity
@Table(name = "follow_ups")
class StoredFollowUp {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "incident_id", nullable = false)
    Long incidentId;
    @Column(nullable = false)
    Integer perception;
    Integer expectation;
    @Column(name = "satisfaction_gap")
    Integer satisfactionGap;
    String comment;
    @Column(name = "visited_by", nullable = false)
    String visitedBy;
    @Column(name = "visited_at", nullable = false)
    OffsetDateTime visitedAt;

    protected StoredFollowUp() {
    }

    StoredFollowUp(Long incidentId, Integer perception, Integer expectation, Integer satisfactionGap, String comment,
                   String visitedBy, OffsetDateTime visitedAt) {
        this.incidentId = incidentId;
        this.perception = perception;
        this.expectation = expectation;
        this.satisfactionGap = satisfactionGap;
        this.comment = comment;
        this.visitedBy = visitedBy;
        this.visitedAt = visitedAt;
    }

    FollowUpView view() {
        return new FollowUpView(id, perception, expectation, satisfactionGap, comment, visitedBy, visitedAt);
    }
}
