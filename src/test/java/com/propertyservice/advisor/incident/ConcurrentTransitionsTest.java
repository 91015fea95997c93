package com.propertyservice.advisor.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.ServiceOnRandomPort;
import com.propertyservice.advisor.TestIncidents;
import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.ServiceArea;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Resolution and return visit racing on one incident, 60 times over real HTTP: every answer is 2xx or a
 * 409 for a step out of order, and whatever was answered 2xx is in the row afterwards (no write-back of
 * stale columns by the other request).
 */
@ServiceOnRandomPort
class ConcurrentTransitionsTest {

    static final int ROUNDS = 60;

    @LocalServerPort
    int port;

    @Autowired
    IncidentService incidents;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void resolveAndFollowUpRacingLoseNothingAndAnswer409WhenOutOfOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> lost = new ArrayList<>();
        int conflicts = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                long id = incidents
                        .record(
                                Incident.builder()
                                        .channel(Channel.PHONE)
                                        .community("阳光花园")
                                        .serviceArea(ServiceArea.ENGINEERING)
                                        .issue("lift-outage")
                                        .summary("电梯停了")
                                        .expectation(4)
                                        .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.UPSET))
                                        .build(),
                                Language.ZH_CN,
                                "test")
                        .id();
                CyclicBarrier start = new CyclicBarrier(2);
                CompletableFuture<Integer> resolve = CompletableFuture.supplyAsync(
                        () -> send(start, "/api/incidents/" + id + "/resolution", ""), pool);
                CompletableFuture<Integer> visit = CompletableFuture.supplyAsync(
                        () -> send(start, "/api/incidents/" + id + "/follow-ups", "{\"perception\":2}"), pool);
                int resolved = resolve.get(30, TimeUnit.SECONDS);
                int visited = visit.get(30, TimeUnit.SECONDS);
                assertThat(resolved).as("resolution, round %d", round).isIn(200, 409);
                assertThat(visited).as("follow-up, round %d", round).isEqualTo(201);
                Map<String, Object> row = jdbc.queryForMap(
                        "select status, resolved_at, perception, satisfaction_gap, followed_up_at from incidents where id = ?",
                        id);
                int visits =
                        jdbc.queryForObject("select count(*) from follow_ups where incident_id = ?", Integer.class, id);
                if (resolved == 200 && row.get("resolved_at") == null) {
                    lost.add("round " + round + ": resolution answered 200, not in the row " + row);
                }
                if (visits != 1
                        || row.get("followed_up_at") == null
                        || !Integer.valueOf(2).equals(row.get("perception"))
                        || !Integer.valueOf(-2).equals(row.get("satisfaction_gap"))
                        || !"FOLLOWED_UP".equals(row.get("status"))) {
                    lost.add("round " + round + ": follow-up answered 201, not in the row " + row + " (" + visits
                            + " visits)");
                }
                if (resolved == 409) {
                    conflicts++;
                    assertThat(row.get("resolved_at"))
                            .as("a refused resolution leaves no trace")
                            .isNull();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(
                "[transitions] %d rounds, %d resolutions refused with 409 (visit came first), %d lost%n",
                ROUNDS, conflicts, lost.size());
        assertThat(lost).isEmpty();
    }

    private int send(CyclicBarrier start, String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("X-API-Key", TestIncidents.API_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            start.await(10, TimeUnit.SECONDS);
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
