package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.process.PostgresCluster;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same checks on PostgreSQL with the production profile, where transactions and locks work differently. */
@ActiveProfiles("postgres")
class ConcurrentTransitionsPostgresTest extends ConcurrentTransitionsTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresCluster.shared().database("ConcurrentTransitions").register(registry);
    }
}
