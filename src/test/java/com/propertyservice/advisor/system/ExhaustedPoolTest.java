package com.propertyservice.advisor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.propertyservice.advisor.TestDatabase;
import com.propertyservice.advisor.TestIncidents;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A pool of two connections (start-up needs two at once), both held by the test: whatever needs the database is answered 503 with
 * {@code Retry-After} (a problem detail on the API, the error page for people), never a 500; and once the
 * connection is back, the same request passes.
 */
@SpringBootTest(
        properties = {
            TestDatabase.OWN_IN_MEMORY,
            "spring.datasource.hikari.maximum-pool-size=2",
            "spring.datasource.hikari.connection-timeout=250",
            "advisor.security.api-keys=" + TestIncidents.API_KEY,
            "advisor.security.bootstrap-admin-password=" + TestIncidents.ADMIN_PASSWORD
        })
@AutoConfigureMockMvc
class ExhaustedPoolTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @Test
    void anExhaustedPoolIsA503WithRetryAfterNeverA500() throws Exception {
        MvcResult api;
        MvcResult basic;
        MvcResult page;
        try (Connection held = dataSource.getConnection();
                Connection alsoHeld = dataSource.getConnection()) {
            assertThat(held.isValid(1) && alsoHeld.isValid(1)).isTrue();
            api = mvc.perform(get("/api/incidents").header("X-API-Key", TestIncidents.API_KEY))
                    .andReturn();
            // checking a password reads the users table inside the security filters, before Spring MVC
            basic = mvc.perform(get("/api/incidents").with(httpBasic("admin", TestIncidents.ADMIN_PASSWORD)))
                    .andReturn();
            page = mvc.perform(get("/incidents").with(user("li").roles("SUPERVISOR")))
                    .andReturn();
        }
        for (MvcResult result : new MvcResult[] {api, basic}) {
            assertThat(result.getResponse().getStatus()).isEqualTo(503);
            assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("2");
            assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
            assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains(Problems.TYPE_BASE + "service-unavailable")
                    .contains("correlationId");
        }
        assertThat(page.getResponse().getStatus()).isEqualTo(503);
        assertThat(page.getResponse().getHeader("Retry-After")).isEqualTo("2");
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("服务暂时繁忙");

        assertThat(mvc.perform(get("/api/incidents").header("X-API-Key", TestIncidents.API_KEY))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }
}
