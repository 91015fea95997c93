package com.propertyservice.advisor.benchmark;

import com.propertyservice.advisor.AdvisorApplication;
import com.propertyservice.advisor.incident.DashboardSeed;
import com.propertyservice.advisor.loadtest.Machine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long {@code GET /dashboard} takes, server-side rendering included, with 20,000 incidents (and 500 older
 * ones) in an H2 file database as the service runs by default: the service started as {@code main} starts it,
 * the rows seeded straight into the tables, 5 warm-up requests, then 30 timed ones over loopback. Prints
 * markdown for docs/performance.md. Argument: the number of incidents (default 20000).
 */
public final class DashboardTimes {

    private DashboardTimes() {}

    public static void main(String[] args) throws Exception {
        int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path data = Files.createTempDirectory("dashboard-times");
        String password = "Dashboard-Bench-Pass-7";
        try (ConfigurableApplicationContext service = AdvisorApplication.application()
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("advisor")
                                + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0",
                        "--advisor.security.bootstrap-admin-password=" + password,
                        "--logging.level.root=WARN")) {
            OffsetDateTime now = OffsetDateTime.now();
            ZoneId zone = ZoneId.systemDefault();
            OffsetDateTime windowStart = now.atZoneSameInstant(zone)
                    .toLocalDate()
                    .minusDays(89)
                    .atStartOfDay(zone)
                    .toOffsetDateTime();
            long seeding = System.nanoTime();
            DashboardSeed.seed(service.getBean(JdbcTemplate.class), windowStart, now, incidents, 500);
            double seeded = (System.nanoTime() - seeding) / 1e9;
            String base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest dashboard = HttpRequest.newBuilder(URI.create(base + "/dashboard"))
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)))
                    .build();
            List<Double> millis = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < 35; i++) {
                long start = System.nanoTime();
                HttpResponse<String> page = http.send(dashboard, HttpResponse.BodyHandlers.ofString());
                double elapsed = (System.nanoTime() - start) / 1e6;
                if (page.statusCode() != 200 || !page.body().contains("dashboard-data")) {
                    throw new IllegalStateException("GET /dashboard answered " + page.statusCode());
                }
                bytes = page.body().length();
                if (i >= 5) {
                    millis.add(elapsed);
                }
            }
            Collections.sort(millis);
            System.out.println("Measured " + Machine.describe());
            System.out.printf(
                    Locale.ROOT,
                    "%n| incidents in the window | requests | median | p90 | max | page |%n| --- | --- | --- | --- | --- | --- |%n");
            System.out.printf(
                    Locale.ROOT,
                    "| %,d (+500 older; seeded in %.1f s) | %d | %.0f ms | %.0f ms | %.0f ms | %,d chars |%n",
                    incidents,
                    seeded,
                    millis.size(),
                    millis.get(millis.size() / 2),
                    millis.get((int) (millis.size() * 0.9)),
                    millis.get(millis.size() - 1),
                    bytes);
        }
    }
}
