package com.propertyservice.advisor.incident;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface FollowUpRepository extends JpaRepository<StoredFollowUp, Long> {

    List<StoredFollowUp> findByIncidentIdOrderByVisitedAtAscIdAsc(Long incidentId);
}
