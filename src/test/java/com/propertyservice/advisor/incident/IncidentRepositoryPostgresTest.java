package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.process.PostgresCluster;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same repository checks on PostgreSQL, the production database (the same Flyway migrations). */
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class IncidentRepositoryPostgresTest extends IncidentRepositoryTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresCluster.shared().database("incident_repository").register(registry);
    }
}
