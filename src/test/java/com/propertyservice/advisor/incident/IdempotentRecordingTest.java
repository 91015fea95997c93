package com.propertyservice.advisor.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.ServiceOnRandomPort;
import com.propertyservice.advisor.TestIncidents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/incidents} is idempotent per caller and externalId: a repeat answers 200 with the incident
 * recorded first and stores nothing, requests racing with one externalId record one incident, another caller
 * has externalIds of its own, and a repeat with other content is refused (422) without storing anything.
 * On H2 here, on PostgreSQL in {@link IdempotentRecordingPostgresTest}.
 */
@ServiceOnRandomPort
class IdempotentRecordingTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int RACERS = 12;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRepeatedExternalIdGetsTheFirstRecordAndStoresNothing() throws Exception {
        String body = withExternalId(UUID.randomUUID().toString());
        HttpResponse<String> first = post(body, true);
        HttpResponse<String> again = post(body, true);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(JSON.readTree(again.body())).isEqualTo(JSON.readTree(first.body()));
        assertThat(rowsWith(body)).isEqualTo(1);
    }

    @Test
    void requestsRacingWithOneExternalIdRecordOneIncident() throws Exception {
        String body = withExternalId(UUID.randomUUID().toString());
        CyclicBarrier start = new CyclicBarrier(RACERS);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < RACERS; i++) {
                answers.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return post(body, true);
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                ids.add(JSON.readTree(response.body()).get("id").asLong());
            }
            assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(rowsWith(body)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachCallerHasExternalIdsOfItsOwn() throws Exception {
        String body = withExternalId(UUID.randomUUID().toString());
        HttpResponse<String> byKey = post(body, true);
        HttpResponse<String> byAdmin = post(body, false);
        assertThat(byKey.statusCode()).isEqualTo(201);
        assertThat(byAdmin.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(byAdmin.body()).get("id"))
                .isNotEqualTo(JSON.readTree(byKey.body()).get("id"));
    }

    @Test
    void aRepeatWithOtherContentIsRefusedAndStoresNothing() throws Exception {
        String externalId = UUID.randomUUID().toString();
        String body = withExternalId(externalId);
        assertThat(post(body, true).statusCode()).isEqualTo(201);
        String changed = body.replace("电梯又坏了", "电梯又停了");
        HttpResponse<String> refused = post(changed, true);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("type").asString()).endsWith("/external-id-reused");
        assertThat(problem.get("detail").asString()).contains(externalId);
        assertThat(rowsWith(body)).isEqualTo(1);
    }

    static String withExternalId(String externalId) {
        return TestIncidents.liftOutageWith("externalId", "\"" + externalId + "\"");
    }

    long rowsWith(String body) {
        String externalId = JSON.readTree(body).get("externalId").asString();
        return jdbc.queryForObject("select count(*) from incidents where external_id = ?", Long.class, externalId);
    }

    HttpResponse<String> post(String body, boolean withKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/incidents"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (withKey) {
            request.header("X-API-Key", TestIncidents.API_KEY);
        } else {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(("admin:" + TestIncidents.ADMIN_PASSWORD)
                                            .getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
