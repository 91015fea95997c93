package com.propertyservice.advisor.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propertyservice.advisor.AdvisorApplication;
import com.propertyservice.advisor.TestIncidents;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The reminder table's "working time only": a suggestion's reminders and breach message keep to the working hours of
 * {@code rules/calendar} (08:30 to 17:30 on working days), read in the estates' zone; a complaint's go at any hour.
 */
class WorkingTimeRemindersTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Friday 4 December 2026, 19:00 in Shanghai: after work, before a weekend. */
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T11:00:00Z"), SHANGHAI);

    final FollowThroughTest http = new FollowThroughTest();
    ConfigurableApplicationContext instance;

    static final String SUGGESTION = """
            {"kind":"SUGGESTION","channel":"APP","community":"金桂苑","serviceArea":"SECURITY","issue":"ebike-charging",
             "summary":"能不能在北门再建一个充电棚？","complainant":{"role":"OWNER","emotion":"CALM"}}""";

    void start() {
        var application = AdvisorApplication.application();
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("testClock", clock));
        instance = application.run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:working-time-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--advisor.follow-through.poll-interval=100ms",
                "--advisor.security.api-keys=" + TestIncidents.API_KEY,
                "--advisor.security.bootstrap-admin-password=" + TestIncidents.ADMIN_PASSWORD);
    }

    @AfterEach
    void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void aSuggestionsRemindersAndBreachMessageWaitForWorkingHoursAndAComplaintsDoNot() throws Exception {
        start();
        // recorded on Friday at 19:00: respond within a day (Saturday 19:00), resolve within 14 days (Friday 18th,
        // 19:00)
        long id = record(SUGGESTION);
        long dropped = record(SUGGESTION);
        long complaint = record(TestIncidents.STAFF_ATTITUDE);

        // the response reminder would go on Saturday at 14:12 (80 %), and the next working hours begin on Monday,
        // after the deadline: no reminder; the resolution reminder's 80 % (Wednesday 03:48) waits for 08:30
        assertThat(steps(id)).noneMatch(step -> step.startsWith("r|" + id + "|RESPOND|"));
        assertThat(stepTime(id, "r|" + id + "|RESOLVE|")).isEqualTo(at("2026-12-16T08:30"));
        // a complaint's row says nothing of working time: its reminder goes at 80 % of its target, whenever that is
        OffsetDateTime complaintRecorded =
                OffsetDateTime.parse(get(complaint).get("recordedAt").asString());
        OffsetDateTime complaintRespondBy =
                OffsetDateTime.parse(get(complaint).at("/deadlines/respondBy").asString());
        assertThat(stepTime(complaint, "r|" + complaint + "|RESPOND|"))
                .isEqualTo(complaintRecorded
                        .toInstant()
                        .plus(Duration.between(complaintRecorded, complaintRespondBy)
                                .multipliedBy(8)
                                .dividedBy(10)));

        // both suggestions are acknowledged in time, so a missed resolution is each one's first breach
        assertThat(post("/api/incidents/" + id + "/acknowledge").statusCode()).isEqualTo(200);
        assertThat(post("/api/incidents/" + dropped + "/acknowledge").statusCode())
                .isEqualTo(200);

        clock.advance(Duration.between(clock.instant(), at("2026-12-16T04:00")));
        Thread.sleep(1_000); // ten polls: a reminder at the unmoved 80 % time would show now
        assertThat(events(id, "REMINDED", "RESOLVE")).as("not at night").isZero();
        clock.advance(Duration.between(clock.instant(), at("2026-12-16T08:31")));
        await().atMost(Duration.ofSeconds(20)).until(() -> events(id, "REMINDED", "RESOLVE") == 1);

        // the resolution is missed on Friday at 19:00: the breach is recorded at once, the message to the supervisor
        // waits for Monday 08:30
        clock.advance(Duration.between(clock.instant(), at("2026-12-18T19:01")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> events(id, "BREACHED", "RESOLVE") == 1 && events(dropped, "BREACHED", "RESOLVE") == 1);
        assertThat(events(id, "ESCALATED", "RESOLVE")).isZero();
        assertThat(stepTime(id, "e|" + id + "|RESOLVE|")).isEqualTo(at("2026-12-21T08:30"));
        // one of them is decided over the weekend: its held message is no longer needed
        clock.advance(Duration.between(clock.instant(), at("2026-12-19T10:00")));
        assertThat(post("/api/incidents/" + dropped + "/resolve", "{\"note\":\"北门加建充电棚，已报业委会\"}")
                        .statusCode())
                .isEqualTo(200);

        clock.advance(Duration.between(clock.instant(), at("2026-12-21T08:31")));
        await().atMost(Duration.ofSeconds(20)).until(() -> events(id, "ESCALATED", "RESOLVE") == 1);
        Thread.sleep(1_000);
        assertThat(instance.getBean(JdbcTemplate.class)
                        .queryForList(
                                "select recipient from incident_event where incident_id = ? and kind = 'ESCALATED'",
                                String.class,
                                id))
                .containsExactly("SUPERVISOR");
        assertThat(events(dropped, "ESCALATED", "RESOLVE"))
                .as("met before the working hours came")
                .isZero();
        assertThat(events(dropped, "BREACHED", "RESOLVE"))
                .as("the breach itself stays on the record")
                .isEqualTo(1);
    }

    static Instant at(String shanghaiLocal) {
        return LocalDateTime.parse(shanghaiLocal).atZone(SHANGHAI).toInstant();
    }

    long record(String body) throws Exception {
        HttpResponse<String> recorded = http.send(
                instance,
                HttpRequest.newBuilder(FollowThroughTest.uri(instance, "/api/incidents"))
                        .header("X-API-Key", TestIncidents.API_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        return FollowThroughTest.JSON.readTree(recorded.body()).get("id").asLong();
    }

    JsonNode get(long id) throws Exception {
        return http.get(instance, "/api/incidents/" + id);
    }

    HttpResponse<String> post(String path) throws Exception {
        return http.post(instance, path, null);
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.post(instance, path, body);
    }

    int events(long id, String kind, String deadline) {
        return http.events(instance, id, kind, deadline);
    }

    /** When the one step whose key starts so is planned for. */
    Instant stepTime(long id, String prefix) {
        List<Instant> times = instance
                .getBean(JdbcTemplate.class)
                .queryForList(
                        "select execution_time from scheduled_tasks where task_instance like ?",
                        OffsetDateTime.class,
                        prefix + "%")
                .stream()
                .map(OffsetDateTime::toInstant)
                .toList();
        assertThat(times).as(prefix + " among " + steps(id)).hasSize(1);
        return times.get(0);
    }

    List<String> steps(long id) {
        return instance.getBean(JdbcTemplate.class)
                .queryForList(
                        "select task_instance || ' at ' || execution_time from scheduled_tasks where task_instance like ? order by execution_time",
                        String.class,
                        "%|" + id + "|%");
    }
}
