package com.propertyservice.advisor.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.TestIncidents;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default database keeps what it acknowledged: the service from the exec jar, on its default
 * H2 URL ({@code ./data} in its own folder), takes incidents from 12 concurrent writers and is killed with
 * SIGKILL a few seconds in; restarted on the same file, every {@code Location} it answered 201 must still
 * read 200. Three rounds on the same file; each restart checks every record acknowledged so far.
 */
class AcknowledgedWritesSurviveKillIT {

    static final int WRITERS = 12;
    static final int ROUNDS = 3;
    static final Duration WRITING = Duration.ofSeconds(5);
    static final Duration START = Duration.ofSeconds(180);

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyIncidentAnswered201SurvivesKillNine(@TempDir Path work) throws Exception {
        Map<String, String> env = ServiceProcess.environment(
                "ADVISOR_SECURITY_API_KEYS", TestIncidents.API_KEY,
                "ADVISOR_SECURITY_BOOTSTRAP_ADMIN_PASSWORD", TestIncidents.ADMIN_PASSWORD,
                "ADVISOR_RULES_DIR", Path.of("rules").toAbsolutePath().toString());
        // no SPRING_DATASOURCE_URL: the default URL is what is under test
        ServiceProcess service = ServiceProcess.of(ServiceProcess.execJar(), work, env, List.of("-Xmx384m"));
        List<String> acknowledged = new ArrayList<>();
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                service.start(START);
                List<String> lost = missing(service, acknowledged);
                say("restart before round %d: %d acknowledged so far, %d lost"
                        .formatted(round, acknowledged.size(), lost.size()));
                assertThat(lost)
                        .as("acknowledged before the kill, gone after the restart")
                        .isEmpty();
                List<String> written = writeUntilKilled(service);
                acknowledged.addAll(written);
                say("round %d: %d incidents answered 201 before kill -9".formatted(round, written.size()));
            }
            service.start(START);
            List<String> lost = missing(service, acknowledged);
            say("final restart: %d acknowledged in all, %d lost".formatted(acknowledged.size(), lost.size()));
            assertThat(acknowledged).hasSizeGreaterThan(ROUNDS * WRITERS);
            assertThat(lost)
                    .as("acknowledged before a kill, gone after the restart")
                    .isEmpty();
        } finally {
            service.stop();
        }
    }

    static void say(String line) {
        System.out.println("[kill -9] " + line);
    }

    /** Writes from 12 threads, kills the service after {@link #WRITING}, returns every Location answered 201. */
    List<String> writeUntilKilled(ServiceProcess service) throws Exception {
        ConcurrentLinkedQueue<String> locations = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); // hard bound, whatever happens
        for (int i = 0; i < WRITERS; i++) {
            running.add(writers.submit(() -> {
                while (!stop.get() && System.nanoTime() < deadline) {
                    try {
                        // an externalId of its own per request: a repeated one is answered 200 with the first record
                        String incident =
                                TestIncidents.LIFT_OUTAGE.replace("\"CRM-1\"", "\"kill-" + UUID.randomUUID() + "\"");
                        HttpResponse<String> response = http.send(
                                post(service, "/api/incidents", incident), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 201) {
                            locations.add(
                                    response.headers().firstValue("Location").orElseThrow());
                        }
                    } catch (IOException killed) {
                        // the service died under the request: not acknowledged, nothing to check
                    }
                }
                return null;
            }));
        }
        Thread.sleep(WRITING.toMillis()); // load pacing: the writers write this long before the kill
        service.kill();
        stop.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (Future<?> writer : running) {
            writer.get();
        }
        return new ArrayList<>(locations);
    }

    /** The locations that no longer answer 200. */
    List<String> missing(ServiceProcess service, List<String> locations) throws Exception {
        List<String> missing = new ArrayList<>();
        for (String location : locations) {
            String path = URI.create(location).getPath();
            HttpRequest get = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                    .header("X-API-Key", TestIncidents.API_KEY)
                    .timeout(Duration.ofSeconds(10))
                    .build();
            int status = http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                missing.add(path + " → " + status);
            }
        }
        return missing;
    }

    static HttpRequest post(ServiceProcess service, String path, String body) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("X-API-Key", TestIncidents.API_KEY)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }
}
