package com.propertyservice.advisor;

import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service behind MockMvc, with {@link TestIncidents#API_KEY}, the bootstrap admin, a database of its own
 * and a copy of rules/ (reload and roll back write to it, never to the project's folder). Every class that extends
 * this and adds no configuration of its own runs in one Spring context, started once: such a class must not depend
 * on the database holding only its own rows.
 */
@SpringBootTest(
        properties = {
            TestDatabase.OWN_IN_MEMORY,
            "advisor.security.api-keys=" + TestIncidents.API_KEY,
            "advisor.security.bootstrap-admin-password=" + TestIncidents.ADMIN_PASSWORD
        })
@AutoConfigureMockMvc
public abstract class MockMvcServiceTest {

    @DynamicPropertySource
    static void rulesCopy(DynamicPropertyRegistry registry) {
        Path copy = SampleRules.projectRulesCopy("service-rules");
        registry.add("advisor.rules-dir", copy::toString);
    }
}
