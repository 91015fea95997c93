package com.propertyservice.advisor.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.TestDatabase;
import com.propertyservice.advisor.TestIncidents;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * scripts/sample-incidents.sh against the service on a real port with an API key: every incident it
 * sends is recorded and followed up, and the insight report counts them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {TestDatabase.OWN_IN_MEMORY, "advisor.security.api-keys=" + TestIncidents.API_KEY})
class SampleIncidentsScriptTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InsightService insights;

    @Test
    void theScriptRecordsIncidentsWithReturnVisitsThatTheReportCounts() throws Exception {
        ProcessBuilder script = new ProcessBuilder(
                        "bash", "scripts/sample-incidents.sh", "-n", "12", "-u", "http://localhost:" + port)
                .redirectErrorStream(true);
        script.environment().put("ADVISOR_API_KEY", TestIncidents.API_KEY);
        Process process = script.start();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("the script ends within 3 minutes: " + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("12 incidents recorded, 12 followed up, 0 failed");
        assertThat(jdbc.queryForObject(
                        "select count(*) from incidents where external_id like 'SAMPLE-%' and followed_up_at is not null",
                        Integer.class))
                .isEqualTo(12);
        InsightReport report = insights.report(null, 1, Locale.ROOT);
        assertThat(report.overall().count()).isEqualTo(12);
        assertThat(report.rules()).isNotEmpty();
    }
}
