package com.propertyservice.advisor.incident;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface IncidentRepository extends JpaRepository<StoredIncident, Long>, JpaSpecificationExecutor<StoredIncident> {
}
