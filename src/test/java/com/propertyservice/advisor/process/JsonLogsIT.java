package com.propertyservice.advisor.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.TestIncidents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's option of structured logs (docs/deployment.md), on the exec jar started as an operator starts it,
 * with {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}: every line the service writes is one JSON object, and a line
 * written while serving a request carries that request's correlation id as a field a log collector can search.
 */
class JsonLogsIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CORRELATION_ID = "json-logs-check-42";

    @Test
    void withEcsEveryLogLineIsJsonAndARequestsLinesCarryItsCorrelationId(@TempDir Path work) throws Exception {
        Map<String, String> env = ServiceProcess.environment(
                "LOGGING_STRUCTURED_FORMAT_CONSOLE",
                "ecs",
                "ADVISOR_SECURITY_BOOTSTRAP_ADMIN_PASSWORD",
                TestIncidents.ADMIN_PASSWORD,
                "ADVISOR_RULES_DIR",
                Path.of("rules").toAbsolutePath().toString());
        try (ServiceProcess service = ServiceProcess.of(ServiceProcess.execJar(), work, env, List.of("-Xmx384m"))) {
            service.start(Duration.ofSeconds(180));
            HttpResponse<String> reload = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/rules/reload"))
                                    .header("Authorization", RulePublisher.basic("admin", TestIncidents.ADMIN_PASSWORD))
                                    .header("X-Correlation-Id", CORRELATION_ID)
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
            service.stop();

            // the JVM's own warnings (class data sharing) are not the service's log
            List<String> lines = Files.readAllLines(service.log(), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("OpenJDK"))
                    .toList();
            assertThat(lines).hasSizeGreaterThan(5);
            List<JsonNode> records = lines.stream().map(JSON::readTree).toList(); // fails on a line that is not JSON
            assertThat(records)
                    .allSatisfy(record -> assertThat(record.path("message").isString())
                            .as(record.toString())
                            .isTrue());
            assertThat(records)
                    .filteredOn(record -> record.path("message").asString().contains("activated by admin"))
                    .singleElement()
                    .satisfies(record ->
                            assertThat(record.path("correlationId").asString()).isEqualTo(CORRELATION_ID));
        }
    }
}
