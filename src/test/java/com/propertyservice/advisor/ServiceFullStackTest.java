package com.propertyservice.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service over real HTTP on a random port, on an H2 file in a temporary folder (on PostgreSQL:
 * {@link ServiceFullStackPostgresTest}):
 * started as {@code main} starts it: advice; record, read, list, follow up; then a restart on the
 * same file keeps the records.
 */
class ServiceFullStackTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    /** Started as {@code main} starts the service, with the rule set compiled while Spring starts. */
    ConfigurableApplicationContext start(Path data) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--advisor.security.api-keys=" + TestIncidents.API_KEY,
                "--advisor.security.bootstrap-admin-password=" + TestIncidents.ADMIN_PASSWORD));
        arguments.addAll(database(data));
        return AdvisorApplication.application().run(arguments.toArray(String[]::new));
    }

    /** The database both starts use: an H2 file here. */
    List<String> database(Path data) {
        return List.of("--spring.datasource.url=jdbc:h2:file:"
                + data.resolve("advisor").toAbsolutePath());
    }

    static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    HttpResponse<String> send(String method, String url, String body, boolean asAdmin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (asAdmin) {
            String pair = "admin:" + TestIncidents.ADMIN_PASSWORD;
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            request.header("X-API-Key", TestIncidents.API_KEY);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void adviceRecordFollowUpAndRestartKeepTheRecords(@TempDir Path data) throws Exception {
        long id;
        try (ConfigurableApplicationContext first = start(data)) {
            String base = base(first);

            HttpResponse<String> advice = send("POST", base + "/api/advice", TestIncidents.LIFT_OUTAGE, false);
            assertThat(advice.statusCode()).isEqualTo(200);
            JsonNode adviceBody = JSON.readTree(advice.body());
            assertThat(adviceBody.get("priority").asString()).isEqualTo("URGENT");
            assertThat(adviceBody.get("language").asString()).isEqualTo("zh-CN");
            assertThat(adviceBody.get("satisfactionGap").asInt()).isEqualTo(-3);

            HttpResponse<String> recorded = send("POST", base + "/api/incidents", TestIncidents.STAFF_ATTITUDE, false);
            assertThat(recorded.statusCode()).isEqualTo(201);
            JsonNode incident = JSON.readTree(recorded.body());
            id = incident.get("id").asLong();
            assertThat(recorded.headers().firstValue("Location")).hasValue(base + "/api/incidents/" + id);
            assertThat(incident.get("status").asString()).isEqualTo("OPEN");
            assertThat(incident.get("recordedBy").asString())
                    .startsWith("api-key:")
                    .hasSize("api-key:".length() + 4);
            assertThat(incident.get("ruleSetVersion").asString())
                    .isEqualTo(incident.get("advice").get("ruleSetVersion").asString());
            assertThat(incident.get("firedRules").size()).isPositive();
            assertThat(incident.get("satisfactionGap").isNull()).isTrue();

            HttpResponse<String> read = send("GET", base + "/api/incidents/" + id, null, true);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(read.body()).get("advice")).isEqualTo(incident.get("advice"));

            HttpResponse<String> list = send("GET", base + "/api/incidents?status=OPEN&area=SECURITY", null, true);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(list.body())
                            .get("content")
                            .get(0)
                            .get("id")
                            .asLong())
                    .isEqualTo(id);

            // the incident had no expectation: the one given on the visit makes the gap
            HttpResponse<String> visit = send(
                    "POST",
                    base + "/api/incidents/" + id + "/follow-ups",
                    "{\"perception\":2,\"expectation\":4,\"comment\":\"保安道歉了，但态度还是一般\"}",
                    true);
            assertThat(visit.statusCode()).isEqualTo(201);
            JsonNode visited = JSON.readTree(visit.body());
            assertThat(visited.get("status").asString()).isEqualTo("FOLLOWED_UP");
            assertThat(visited.get("satisfactionGap").asInt()).isEqualTo(-2);
            assertThat(visited.get("followUps").get(0).get("visitedBy").asString())
                    .isEqualTo("admin");
        }

        try (ConfigurableApplicationContext second = start(data)) {
            HttpResponse<String> read = send("GET", base(second) + "/api/incidents/" + id, null, true);
            assertThat(read.statusCode()).isEqualTo(200);
            JsonNode incident = JSON.readTree(read.body());
            assertThat(incident.get("status").asString()).isEqualTo("FOLLOWED_UP");
            assertThat(incident.get("satisfactionGap").asInt()).isEqualTo(-2);
            assertThat(incident.get("followUps").size()).isEqualTo(1);
            assertThat(incident.get("incident").get("summary").asString()).isEqualTo("门岗保安说话很冲");
        }
    }
}
