package com.propertyservice.advisor.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propertyservice.advisor.AdvisorApplication;
import com.propertyservice.advisor.TestIncidents;
import com.propertyservice.advisor.engine.Deadline;
import com.propertyservice.advisor.process.RulePublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clock kept on an incident's promises, with two application instances on one database and the time moved by
 * the test: the lifecycle's steps in order (and 409 out of order), the timeline, the queue of open deadlines, and each
 * breach recorded exactly once however many instances poll, also when one instance is stopped in the middle and
 * another started.
 */
class FollowThroughTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final MovableClock CLOCK =
            new MovableClock(Instant.parse("2026-11-30T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
    final String database = "jdbc:h2:mem:follow-through-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    ConfigurableApplicationContext start() {
        var application = AdvisorApplication.application();
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("testClock", CLOCK));
        ConfigurableApplicationContext context = application.run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--advisor.follow-through.poll-interval=100ms",
                "--advisor.security.api-keys=" + TestIncidents.API_KEY,
                "--advisor.security.bootstrap-admin-password=" + TestIncidents.ADMIN_PASSWORD);
        instances.add(context);
        return context;
    }

    @AfterEach
    void stopAll() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void eachBreachIsRecordedOnceWithTwoInstancesAndAcrossARestart() throws Exception {
        ConfigurableApplicationContext a = start();
        ConfigurableApplicationContext b = start();
        long id = record(a);
        JsonNode recorded = get(b, "/api/incidents/" + id);
        assertThat(recorded.get("status").asString()).isEqualTo("OPEN");
        Instant respondBy = OffsetDateTime.parse(
                        recorded.at("/deadlines/respondBy").asString())
                .toInstant();
        Instant resolveBy = OffsetDateTime.parse(
                        recorded.at("/deadlines/resolveBy").asString())
                .toInstant();
        assertThat(respondBy).isBefore(resolveBy);

        // 85 % of the response target gone: the assignee is reminded, once, though both instances poll
        Instant recordedAt =
                OffsetDateTime.parse(recorded.get("recordedAt").asString()).toInstant();
        CLOCK.advance(Duration.between(recordedAt, respondBy).multipliedBy(85).dividedBy(100));
        await().atMost(Duration.ofSeconds(20)).until(() -> events(a, id, "REMINDED", "RESPOND") == 1);
        // the response is not made in time: one breach, and the supervisor told (the reminder table's first breach)
        CLOCK.advance(Duration.between(CLOCK.instant(), respondBy).plusMinutes(1));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> events(a, id, "BREACHED", "RESPOND") == 1 && events(a, id, "ESCALATED", "RESPOND") == 1);
        Thread.sleep(1_000); // ten more polls of each instance: a second record would show now
        assertThat(events(a, id, "REMINDED", "RESPOND")).isEqualTo(1);
        assertThat(events(a, id, "BREACHED", "RESPOND")).isEqualTo(1);
        assertThat(recipients(a, id, "ESCALATED", "RESPOND")).containsExactly("SUPERVISOR");

        // instance a goes away in the middle; a new instance c takes its place before the resolution is due
        a.close();
        ConfigurableApplicationContext c = start();
        CLOCK.advance(Duration.between(recordedAt, resolveBy)
                .multipliedBy(85)
                .dividedBy(100)
                .minus(Duration.between(recordedAt, CLOCK.instant())));
        await().atMost(Duration.ofSeconds(20)).until(() -> events(c, id, "REMINDED", "RESOLVE") == 1);
        CLOCK.advance(Duration.between(CLOCK.instant(), resolveBy).plusMinutes(1));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> events(c, id, "BREACHED", "RESOLVE") == 1 && events(c, id, "ESCALATED", "RESOLVE") == 1);
        Thread.sleep(1_000); // proves a negative: ten more polls, and still one record of each
        assertThat(events(b, id, "REMINDED", "RESOLVE"))
                .as("the 80 % reminder of the resolution, once")
                .isEqualTo(1);
        assertThat(events(b, id, "BREACHED", "RESPOND")).isEqualTo(1);
        assertThat(events(b, id, "BREACHED", "RESOLVE")).isEqualTo(1);
        assertThat(recipients(b, id, "ESCALATED", "RESOLVE"))
                .as("the second breach goes to the company")
                .containsExactly("COMPANY");
        JsonNode incident = get(c, "/api/incidents/" + id);
        assertThat(incident.get("breaches")).hasSize(2);
        assertThat(incident.at("/breaches/0/deadline").asString()).isEqualTo(Deadline.RESPOND.name());
        assertThat(incident.at("/breaches/1/deadline").asString()).isEqualTo(Deadline.RESOLVE.name());
        // the metrics: this instance's breach and escalation, and the open deadlines every instance reads alike
        List<MeterRegistry> running = List.of(b.getBean(MeterRegistry.class), c.getBean(MeterRegistry.class));
        assertThat(running.stream()
                        .mapToDouble(meters -> meters.get("advisor.follow-through.breaches")
                                .tag("deadline", "RESOLVE")
                                .counter()
                                .count())
                        .sum())
                .as("counted by the instance that ran the step")
                .isEqualTo(1);
        assertThat(running.stream()
                        .mapToDouble(meters -> meters.get("advisor.follow-through.escalations")
                                .tag("recipient", "COMPANY")
                                .counter()
                                .count())
                        .sum())
                .isEqualTo(1);
        assertThat(running.get(1)
                        .get("advisor.follow-through.open-deadlines")
                        .tag("deadline", "RESOLVE")
                        .gauge()
                        .value())
                .isEqualTo(1);
        assertThat(b.getBean(MeterRegistry.class)
                        .get("advisor.follow-through.open-deadlines")
                        .tag("deadline", "RESPOND")
                        .gauge()
                        .value())
                .as("no response was made, but the deadline is still open")
                .isEqualTo(1);
        assertThat(timelineKinds(c, id))
                .containsSubsequence(
                        "RECORDED", "REMINDED", "BREACHED", "ESCALATED", "REMINDED", "BREACHED", "ESCALATED");
        // resolved late on instance b: the return visit falls due a day later, and its reminder ("the day before")
        // goes at once, once; the visit is missed too: a third breach, which the table passes to nobody
        assertThat(post(b, "/api/incidents/" + id + "/resolve", "{\"note\":\"门机板换好了\"}")
                        .statusCode())
                .isEqualTo(200);
        // the reminder falls due at the very instant of the resolution, and db-scheduler runs what is due before now:
        // a real clock moves on by itself, this one is moved
        CLOCK.advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> events(c, id, "REMINDED", "FOLLOW_UP") == 1);
        Instant followUpBy = OffsetDateTime.parse(get(c, "/api/incidents/" + id)
                        .at("/deadlines/followUpBy")
                        .asString())
                .toInstant();
        CLOCK.advance(Duration.between(CLOCK.instant(), followUpBy).plusMinutes(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> events(c, id, "BREACHED", "FOLLOW_UP") == 1);
        Thread.sleep(1_000); // proves a negative: ten more polls, and still one record of each
        assertThat(events(b, id, "REMINDED", "FOLLOW_UP")).isEqualTo(1);
        assertThat(events(b, id, "BREACHED", "FOLLOW_UP")).isEqualTo(1);
        assertThat(events(b, id, "ESCALATED", "FOLLOW_UP")).isZero();

        // each reminder and escalation is also a notification in the supervisors' queue (in-app, delivered at once)
        JsonNode timeline = get(c, "/api/incidents/" + id + "/timeline");
        List<String> deliveries = new ArrayList<>();
        timeline.forEach(event -> {
            if (event.get("kind").asString().equals("NOTIFIED")) {
                deliveries.add(event.get("delivery").asString());
            }
        });
        assertThat(deliveries)
                .as(timeline.toString())
                .hasSize(5)
                .allMatch(delivery -> delivery.startsWith("delivered"));
    }

    @Test
    void theLifecycleGoesInOrderAndAStepOutOfOrderIsA409() throws Exception {
        ConfigurableApplicationContext a = start();
        long id = record(a);

        assertThat(post(a, "/api/incidents/" + id + "/assign", "{\"assignee\":\"admin\"}")
                        .statusCode())
                .isEqualTo(200);
        // the response is due in 15 minutes: it is in the assignee's queue of what is due soon, not yet overdue
        JsonNode soon = get(a, "/api/incidents?due=soon&assignee=admin");
        assertThat(soon.get("deadlines")).singleElement().satisfies(due -> {
            assertThat(due.get("incident").asLong()).isEqualTo(id);
            assertThat(due.get("deadline").asString()).isEqualTo("RESPOND");
        });
        assertThat(get(a, "/api/incidents?due=overdue&assignee=admin").get("deadlines"))
                .isEmpty();
        assertThat(get(a, "/api/incidents?due=soon&assignee=nobody").get("deadlines"))
                .isEmpty();
        HttpResponse<String> acknowledged = post(a, "/api/incidents/" + id + "/acknowledge", null);
        assertThat(acknowledged.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(acknowledged.body()).get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(OffsetDateTime.parse(JSON.readTree(acknowledged.body())
                                .get("respondedAt")
                                .asString())
                        .toInstant())
                .isEqualTo(CLOCK.instant());
        HttpResponse<String> again = post(a, "/api/incidents/" + id + "/acknowledge", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("ACKNOWLEDGED");

        HttpResponse<String> resolved = post(a, "/api/incidents/" + id + "/resolve", "{\"note\":\"更换了主板，试运行正常\"}");
        assertThat(resolved.statusCode()).isEqualTo(200);
        JsonNode view = JSON.readTree(resolved.body());
        assertThat(view.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(view.get("resolutionNote").asString()).isEqualTo("更换了主板，试运行正常");
        assertThat(view.at("/deadlines/followUpBy").isString())
                .as("the return visit falls due")
                .isTrue();
        assertThat(post(a, "/api/incidents/" + id + "/resolve", null).statusCode())
                .isEqualTo(409);
        assertThat(post(a, "/api/incidents/" + id + "/acknowledge", null).statusCode())
                .isEqualTo(409);
        assertThat(post(a, "/api/incidents/" + id + "/follow-ups", "{\"perception\":4}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(post(a, "/api/incidents/" + id + "/assign", "{\"assignee\":\"admin\"}")
                        .statusCode())
                .isEqualTo(409);

        assertThat(timelineKinds(a, id))
                .containsExactly("RECORDED", "ASSIGNED", "ACKNOWLEDGED", "RESOLVED", "FOLLOWED_UP");

        // the return visit finds the lift stopped again: reopened, with a new resolution deadline from now and the
        // clock running on it (its breach check planned), no return visit due until it is resolved again
        CLOCK.advance(Duration.ofMinutes(30));
        HttpResponse<String> reopened = post(a, "/api/incidents/" + id + "/reopen", "{\"note\":\"回访时电梯又停了\"}");
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        JsonNode reopenedView = JSON.readTree(reopened.body());
        assertThat(reopenedView.get("status").asString()).isEqualTo("ACKNOWLEDGED");
        Instant newResolveBy = OffsetDateTime.parse(
                        reopenedView.at("/deadlines/resolveBy").asString())
                .toInstant();
        assertThat(newResolveBy)
                .isEqualTo(CLOCK.instant()
                        .plus(Duration.parse(
                                reopenedView.at("/advice/resolveWithin").asString())));
        assertThat(reopenedView.at("/deadlines/followUpBy").isNull()).isTrue();
        assertThat(reopenedView.get("resolutionNote").isNull()).isTrue();
        assertThat(a.getBean(JdbcTemplate.class)
                        .queryForObject(
                                "select count(*) from scheduled_tasks where task_instance = ?",
                                Integer.class,
                                "b|" + id + "|RESOLVE|" + newResolveBy.toEpochMilli()))
                .isEqualTo(1);
        HttpResponse<String> twice = post(a, "/api/incidents/" + id + "/reopen", null);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("ACKNOWLEDGED");
        assertThat(post(a, "/api/incidents/" + id + "/resolve", "{\"note\":\"换了门机\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(timelineKinds(a, id))
                .containsExactly(
                        "RECORDED", "ASSIGNED", "ACKNOWLEDGED", "RESOLVED", "FOLLOWED_UP", "REOPENED", "RESOLVED");
        JsonNode timeline = get(a, "/api/incidents/" + id + "/timeline");
        assertThat(timeline.get(1).get("detail").asString()).isEqualTo("admin");
        assertThat(timeline.get(3).get("detail").asString()).isEqualTo("更换了主板，试运行正常");
        assertThat(timeline.get(1).get("actor").asString()).isEqualTo("admin");
    }

    long record(ConfigurableApplicationContext instance) throws Exception {
        HttpResponse<String> recorded = send(
                instance,
                HttpRequest.newBuilder(uri(instance, "/api/incidents"))
                        .header("X-API-Key", TestIncidents.API_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                TestIncidents.LIFT_OUTAGE.replace("\"CRM-1\"", "null"))));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        return JSON.readTree(recorded.body()).get("id").asLong();
    }

    int events(ConfigurableApplicationContext instance, long id, String kind, String deadline) {
        return instance.getBean(JdbcTemplate.class)
                .queryForObject(
                        "select count(*) from incident_event where incident_id = ? and kind = ? and deadline = ?",
                        Integer.class,
                        id,
                        kind,
                        deadline);
    }

    List<String> recipients(ConfigurableApplicationContext instance, long id, String kind, String deadline) {
        return instance.getBean(JdbcTemplate.class)
                .queryForList(
                        "select recipient from incident_event where incident_id = ? and kind = ? and deadline = ? order by id",
                        String.class,
                        id,
                        kind,
                        deadline);
    }

    List<String> timelineKinds(ConfigurableApplicationContext instance, long id) throws Exception {
        List<String> kinds = new ArrayList<>();
        get(instance, "/api/incidents/" + id + "/timeline").forEach(event -> {
            if (!event.get("kind").asString().equals("NOTIFIED")) {
                kinds.add(event.get("kind").asString());
            }
        });
        return kinds;
    }

    JsonNode get(ConfigurableApplicationContext instance, String path) throws Exception {
        HttpResponse<String> response = send(
                instance,
                HttpRequest.newBuilder(uri(instance, path))
                        .header("Authorization", admin())
                        .GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    HttpResponse<String> post(ConfigurableApplicationContext instance, String path, String body) throws Exception {
        return send(
                instance,
                HttpRequest.newBuilder(uri(instance, path))
                        .header("Authorization", admin())
                        .header("Content-Type", "application/json")
                        .POST(
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(ConfigurableApplicationContext instance, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(ConfigurableApplicationContext instance, String path) {
        return URI.create("http://localhost:" + instance.getEnvironment().getProperty("local.server.port") + path);
    }

    static String admin() {
        return RulePublisher.basic("admin", TestIncidents.ADMIN_PASSWORD);
    }
}
