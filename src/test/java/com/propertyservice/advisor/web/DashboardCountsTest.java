package com.propertyservice.advisor.web;

import com.propertyservice.advisor.TestIncidents;
import com.propertyservice.advisor.engine.ComplaintCause;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.ServiceArea;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 20,000 incidents in the dashboard's window (and some before it): every figure is exact, counted over
 * all of them (the dashboard once stopped silently at 10,000), and each is checked against a count made
 * here from the seeded rows.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:dashboard-counts;DB_CLOSE_DELAY=-1",
        "advisor.security.bootstrap-admin-password=" + TestIncidents.ADMIN_PASSWORD})
class DashboardCountsTest {

    static final int IN_WINDOW = 20_000;
    static final int BEFORE_WINDOW = 500;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DashboardService dashboards;

    record Seeded(long id, OffsetDateTime reportedAt, String kano, String area, String issue, Integer gap, String status,
                  OffsetDateTime resolveBy, List<String> causes) {
    }

    @Test
    void twentyThousandIncidentsAreCountedExactly() {
        OffsetDateTime now = OffsetDateTime.now();
        ZoneId zone = ZoneId.systemDefault();
        OffsetDateTime windowStart = now.atZoneSameInstant(zone).toLocalDate().minusDays(DashboardService.DAYS - 1L)
                .atStartOfDay(zone).toOffsetDateTime();
        List<Seeded> rows = seed(now, windowStart);

        Dashboard dashboard = dashboards.dashboard(Locale.ENGLISH, now);

        List<Seeded> window = rows.stream().filter(r -> !r.reportedAt().isBefore(windowStart)).toList();
        assertThat(window).hasSize(IN_WINDOW);
        assertThat(dashboard.incidents()).isEqualTo(IN_WINDOW);

        Map<String, long[]> byKano = gapSums(window, Seeded::kano);
        assertThat(dashboard.gapByKano()).hasSize(byKano.size()).allSatisfy(bar -> {
            long[] sum = byKano.get(bar.key());
            assertThat(bar.count()).isEqualTo(sum[1]);
            assertThat(bar.value()).isEqualTo(Math.round((double) sum[0] / sum[1] * 10) / 10.0);
        });
        Map<String, long[]> byArea = gapSums(window, Seeded::area);
        assertThat(dashboard.gapByArea()).hasSize(byArea.size()).allSatisfy(bar ->
                assertThat(bar.count()).isEqualTo(byArea.get(bar.key())[1]));

        Map<String, Long> byIssue = new HashMap<>();
        window.forEach(r -> byIssue.merge(r.issue(), 1L, Long::sum));
        List<Long> topCounts = byIssue.values().stream().sorted(Comparator.reverseOrder()).limit(10).toList();
        assertThat(dashboard.topByCount()).extracting(Dashboard.Bar::count).containsExactlyElementsOf(topCounts);
        assertThat(dashboard.topByGap()).allSatisfy(bar ->
                assertThat(bar.count()).isEqualTo(gapSums(window, Seeded::issue).get(bar.key())[1]));

        List<String> weeks = dashboard.weeks();
        for (ComplaintCause cause : ComplaintCause.values()) {
            long[] expected = new long[weeks.size()];
            for (Seeded row : window) {
                if (row.causes().contains(cause.name())) {
                    String week = row.reportedAt().atZoneSameInstant(zone).toLocalDate()
                            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
                    expected[weeks.indexOf(week)]++;
                }
            }
            List<Long> shown = dashboard.causes().values().stream().skip(cause.ordinal()).findFirst().orElseThrow();
            assertThat(shown).as(cause.name()).containsExactly(java.util.Arrays.stream(expected).boxed().toArray(Long[]::new));
        }

        List<Seeded> overdue = window.stream()
                .filter(r -> (r.status().equals("OPEN") || r.status().equals("ADVISED")) && r.resolveBy() != null
                        && r.resolveBy().isBefore(now))
                .sorted(Comparator.comparing(Seeded::resolveBy).thenComparing(Seeded::id)).toList();
        assertThat(dashboard.overdueCount()).isEqualTo(overdue.size()).isGreaterThan(DashboardService.OVERDUE_LISTED);
        assertThat(dashboard.overdue()).extracting(Dashboard.Overdue::id)
                .containsExactlyElementsOf(overdue.stream().limit(DashboardService.OVERDUE_LISTED).map(Seeded::id).toList());
    }

    /** Per key: {sum of gaps, incidents with a gap}. */
    static Map<String, long[]> gapSums(List<Seeded> rows, java.util.function.Function<Seeded, String> key) {
        Map<String, long[]> sums = new TreeMap<>();
        rows.stream().filter(r -> r.gap() != null && key.apply(r) != null).forEach(r -> {
            long[] sum = sums.computeIfAbsent(key.apply(r), k -> new long[2]);
            sum[0] += r.gap();
            sum[1]++;
        });
        return sums;
    }

    List<Seeded> seed(OffsetDateTime now, OffsetDateTime windowStart) {
        Random random = new Random(20_000);
        String[] statuses = {"ADVISED", "ADVISED", "RESOLVED", "FOLLOWED_UP", "OPEN"};
        long windowSeconds = java.time.Duration.between(windowStart, now).toSeconds();
        long nextId = jdbc.queryForObject("select coalesce(max(id), 0) from incidents", Long.class) + 1;
        List<Seeded> rows = new ArrayList<>();
        for (int i = 0; i < IN_WINDOW + BEFORE_WINDOW; i++) {
            OffsetDateTime reported = i < IN_WINDOW ? windowStart.plusSeconds(random.nextLong(windowSeconds))
                    : windowStart.minusSeconds(1 + random.nextLong(86_400L * 30));
            String kano = random.nextInt(10) == 0 ? null : KanoFactor.values()[random.nextInt(KanoFactor.values().length)].name();
            String area = ServiceArea.values()[random.nextInt(ServiceArea.values().length)].name();
            Integer gap = random.nextInt(3) == 0 ? null : random.nextInt(9) - 4;
            String status = statuses[random.nextInt(statuses.length)];
            OffsetDateTime resolveBy = random.nextInt(8) == 0 ? null : reported.plusHours(random.nextInt(24 * 7));
            List<String> causes = new ArrayList<>();
            for (ComplaintCause cause : ComplaintCause.values()) {
                if (random.nextInt(4) == 0) {
                    causes.add(cause.name());
                }
            }
            rows.add(new Seeded(nextId + i, reported, kano, area, "issue-" + random.nextInt(30), gap, status, resolveBy, causes));
        }
        jdbc.batchUpdate("""
                insert into incidents (id, reported_at, channel, community, service_area, issue, summary, satisfaction_gap,
                                       kano_factor, priority, language, incident_json, advice_json, rule_set_version,
                                       fired_rules, status, recorded_by, recorded_at, advised_at, resolve_by)
                values (?, ?, 'PHONE', '阳光花园', ?, ?, '电梯停了', ?, ?, 'HIGH', 'zh-CN', '{}', ?, 'v1', '[]', ?, 'seed', ?, ?, ?)""",
                rows, 1000, (ps, row) -> {
                    ps.setLong(1, row.id());
                    ps.setObject(2, row.reportedAt());
                    ps.setString(3, row.area());
                    ps.setString(4, row.issue());
                    ps.setObject(5, row.gap());
                    ps.setString(6, row.kano());
                    ps.setString(7, "{\"complaintCauses\":[" + String.join(",", row.causes().stream().map(c -> "\"" + c + "\"").toList())
                            + "],\"resolveWithin\":\"P1D\"}");
                    ps.setString(8, row.status());
                    ps.setObject(9, row.reportedAt());
                    ps.setObject(10, row.reportedAt());
                    ps.setObject(11, row.resolveBy());
                });
        List<Object[]> causes = new ArrayList<>();
        rows.forEach(row -> row.causes().forEach(cause -> causes.add(new Object[] {row.id(), cause})));
        jdbc.batchUpdate("insert into incident_complaint_causes (incident_id, cause) values (?, ?)", causes);
        return rows;
    }
}
