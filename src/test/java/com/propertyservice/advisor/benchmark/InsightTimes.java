package com.propertyservice.advisor.benchmark;

import com.propertyservice.advisor.AdvisorApplication;
import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.RuleSetInfo;
import com.propertyservice.advisor.incident.IncidentService;
import com.propertyservice.advisor.loadtest.Machine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long {@code GET /api/insights/rules} takes with 20,000 followed-up incidents in an H2 file database,
 * as the service runs by default: one incident per catalogue key and emotion is advised and recorded
 * through the service, then copied (advice, fired rules and all) to the count asked for, with random gaps
 * from −4 to +4 and three rule-set versions. Prints the first report (which builds the insight index), 30
 * timed reports after 5 warm-up ones, and a report after 200 more return visits. Not a test: run it by hand
 * (command in docs/performance.md). Argument: the number of incidents (default 20000).
 */
public final class InsightTimes {

    private static final String COLUMNS = """
            external_id, reported_at, channel, community, service_area, issue, summary, expectation, perception,
            satisfaction_gap, kano_factor, priority, escalation, language, incident_json, advice_json, rule_set_version,
            fired_rules, status, recorded_by, recorded_at, advised_at, resolved_at, resolved_by, followed_up_at""";

    private InsightTimes() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path data = Files.createTempDirectory("insight-times");
        String password = "Insight-Bench-Pass-7";
        try (ConfigurableApplicationContext service = AdvisorApplication.application()
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("advisor")
                                + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0",
                        "--advisor.security.bootstrap-admin-password=" + password,
                        "--logging.level.root=WARN")) {
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            long seeding = System.nanoTime();
            List<Long> templates = recordOnePerIssueAndEmotion(
                    service.getBean(IncidentService.class),
                    service.getBean(Advisor.class).ruleSet());
            copy(jdbc, templates, count);
            double seeded = (System.nanoTime() - seeding) / 1e9;
            String base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest report = HttpRequest.newBuilder(URI.create(base + "/api/insights/rules"))
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)))
                    .build();

            double first = time(http, report);
            long rows = jdbc.queryForObject("select count(*) from insight_count", Long.class);
            List<Double> millis = new ArrayList<>();
            int size = 0;
            for (int i = 0; i < 35; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = http.send(report, HttpResponse.BodyHandlers.ofString());
                double elapsed = (System.nanoTime() - start) / 1e6;
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(
                            "GET /api/insights/rules answered " + answer.statusCode() + ": " + answer.body());
                }
                size = answer.body().length();
                if (i >= 5) {
                    millis.add(elapsed);
                }
            }
            // 200 more return visits: the next report indexes only those
            jdbc.update(
                    "update incidents set satisfaction_gap = satisfaction_gap - 1, followed_up_at = ? where id in "
                            + "(select id from incidents where satisfaction_gap > -4 order by id fetch first 200 rows only)",
                    Timestamp.from(OffsetDateTime.now().toInstant()));
            double incremental = time(http, report);
            // one more return visit before each report: the index takes it in and nothing is answered from a cache
            List<Double> afterOne = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                jdbc.update(
                        "update incidents set satisfaction_gap = satisfaction_gap + 1, followed_up_at = ? where id = "
                                + "(select min(id) + ? from incidents)",
                        Timestamp.from(OffsetDateTime.now().toInstant()),
                        300 + i);
                afterOne.add(time(http, report));
            }
            Collections.sort(afterOne);
            Collections.sort(millis);
            System.out.println("Measured " + Machine.describe());
            System.out.printf(
                    Locale.ROOT,
                    "%n| incidents | count rows | first report (builds the index) | unchanged data: median | p90 | max "
                            + "| after 200 new visits | after 1 new visit: median (10) | max | answer |%n"
                            + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |%n");
            System.out.printf(
                    Locale.ROOT,
                    "| %,d (seeded in %.1f s) | %,d | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %,d chars |%n",
                    count,
                    seeded,
                    rows,
                    first,
                    millis.get(millis.size() / 2),
                    millis.get((int) (millis.size() * 0.9)),
                    millis.get(millis.size() - 1),
                    incremental,
                    afterOne.get(afterOne.size() / 2),
                    afterOne.get(afterOne.size() - 1),
                    size);
        }
    }

    private static double time(HttpClient http, HttpRequest request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET /api/insights/rules answered " + answer.statusCode() + ": " + answer.body());
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static List<Long> recordOnePerIssueAndEmotion(IncidentService incidents, RuleSetInfo rules) {
        List<Long> ids = new ArrayList<>();
        for (RuleSetInfo.CatalogueEntry entry : rules.catalogue()) {
            for (Emotion emotion : Emotion.values()) {
                Incident incident = Incident.builder()
                        .channel(Channel.PHONE)
                        .community("阳光花园")
                        .serviceArea(entry.area())
                        .issue(entry.issue())
                        .summary(entry.description())
                        .complainant(Complainant.of(ComplainantRole.OWNER, emotion))
                        .expectation(4)
                        .build();
                ids.add(incidents.record(incident, Language.ZH_CN, "benchmark").id());
            }
        }
        return ids;
    }

    /** Copies the recorded incidents to {@code count} rows, each followed up with a random gap, under three versions. */
    private static void copy(JdbcTemplate jdbc, List<Long> templates, int count) {
        Random random = new Random(15);
        String[] versions = {"0000000000a1", "0000000000b2", null};
        for (int i = templates.size(); i < count; i++) {
            long template = templates.get(i % templates.size());
            int gap = random.nextInt(9) - 4;
            String version = versions[random.nextInt(versions.length)];
            jdbc.update(
                    "insert into incidents (" + COLUMNS + ") select "
                            + COLUMNS.replace("satisfaction_gap", "?")
                                    .replace("followed_up_at", "?")
                                    .replace("rule_set_version", "coalesce(?, rule_set_version)")
                                    .replace("reported_at", "?")
                            + " from incidents where id = ?",
                    Timestamp.from(
                            OffsetDateTime.now().minusDays(random.nextInt(365)).toInstant()),
                    gap,
                    version,
                    Timestamp.from(OffsetDateTime.now().toInstant()),
                    template);
        }
        jdbc.update(
                "update incidents set satisfaction_gap = 0, followed_up_at = recorded_at where followed_up_at is null");
    }
}
