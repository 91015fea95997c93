package com.propertyservice.advisor.incident;

import static com.propertyservice.advisor.incident.DashboardSeed.Seeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.TestDatabase;
import com.propertyservice.advisor.TestIncidents;
import com.propertyservice.advisor.engine.ComplaintCause;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 20,000 incidents in the dashboard's window (and some before it): every figure is exact, counted over
 * all of them (the dashboard once stopped silently at 10,000), and each is checked against a count made
 * here from the seeded rows; "overdue" means past any deadline not met (the response, the resolution or the
 * return visit), each incident counted once.
 */
@SpringBootTest(
        properties = {
            TestDatabase.OWN_IN_MEMORY,
            "advisor.security.bootstrap-admin-password=" + TestIncidents.ADMIN_PASSWORD
        })
class DashboardCountsTest {

    static final int IN_WINDOW = 20_000;
    static final int BEFORE_WINDOW = 500;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DashboardService dashboards;

    @Test
    void twentyThousandIncidentsAreCountedExactly() {
        OffsetDateTime now = OffsetDateTime.now();
        ZoneId zone = ZoneId.systemDefault();
        OffsetDateTime windowStart = now.atZoneSameInstant(zone)
                .toLocalDate()
                .minusDays(DashboardService.DAYS - 1L)
                .atStartOfDay(zone)
                .toOffsetDateTime();
        List<Seeded> rows = DashboardSeed.seed(jdbc, windowStart, now, IN_WINDOW, BEFORE_WINDOW);

        Dashboard dashboard = dashboards.dashboard(Locale.ENGLISH, now);

        List<Seeded> window =
                rows.stream().filter(r -> !r.reportedAt().isBefore(windowStart)).toList();
        assertThat(window).hasSize(IN_WINDOW);
        assertThat(dashboard.incidents()).isEqualTo(IN_WINDOW);

        Map<String, long[]> byKano = gapSums(window, Seeded::kano);
        assertThat(dashboard.gapByKano()).hasSize(byKano.size()).allSatisfy(bar -> {
            long[] sum = byKano.get(bar.key());
            assertThat(bar.count()).isEqualTo(sum[1]);
            assertThat(bar.value()).isEqualTo(Math.round((double) sum[0] / sum[1] * 10) / 10.0);
        });
        Map<String, long[]> byArea = gapSums(window, Seeded::area);
        assertThat(dashboard.gapByArea())
                .hasSize(byArea.size())
                .allSatisfy(bar -> assertThat(bar.count()).isEqualTo(byArea.get(bar.key())[1]));

        Map<String, Long> byIssue = new HashMap<>();
        window.forEach(r -> byIssue.merge(r.issue(), 1L, Long::sum));
        List<Long> topCounts = byIssue.values().stream()
                .sorted(Comparator.reverseOrder())
                .limit(10)
                .toList();
        assertThat(dashboard.topByCount()).extracting(Dashboard.Bar::count).containsExactlyElementsOf(topCounts);
        assertThat(dashboard.topByGap())
                .allSatisfy(bar -> assertThat(bar.count())
                        .isEqualTo(gapSums(window, Seeded::issue).get(bar.key())[1]));

        List<String> weeks = dashboard.weeks();
        for (ComplaintCause cause : ComplaintCause.values()) {
            long[] expected = new long[weeks.size()];
            for (Seeded row : window) {
                if (row.causes().contains(cause.name())) {
                    String week = row.reportedAt()
                            .atZoneSameInstant(zone)
                            .toLocalDate()
                            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                            .toString();
                    expected[weeks.indexOf(week)]++;
                }
            }
            List<Long> shown = dashboard.causes().values().stream()
                    .skip(cause.ordinal())
                    .findFirst()
                    .orElseThrow();
            assertThat(shown)
                    .as(cause.name())
                    .containsExactly(Arrays.stream(expected).boxed().toArray(Long[]::new));
        }

        // each incident once, with the first of its deadlines that passed unmet
        List<Missed> overdue = window.stream()
                .map(r -> missed(r, now))
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(Missed::due)
                        .thenComparing(m -> m.row().id()))
                .toList();
        assertThat(overdue)
                .extracting(Missed::deadline)
                .as("the seed misses every kind of deadline")
                .contains("RESPOND", "RESOLVE", "FOLLOW_UP");
        assertThat(dashboard.overdueCount()).isEqualTo(overdue.size()).isGreaterThan(DashboardService.OVERDUE_LISTED);
        assertThat(dashboard.overdue())
                .extracting(Dashboard.Overdue::id, Dashboard.Overdue::deadline)
                .containsExactlyElementsOf(overdue.stream()
                        .limit(DashboardService.OVERDUE_LISTED)
                        .map(m -> Tuple.tuple(m.row().id(), m.deadline()))
                        .toList());
        assertThat(dashboard.overdue())
                .extracting(Dashboard.Overdue::missed)
                .containsAnyOf("First response", "Resolution", "Return visit");
    }

    /** A deadline an incident missed: which, and when it fell due. */
    record Missed(Seeded row, String deadline, OffsetDateTime due) {}

    /**
     * The first deadline of the row that passed with its step not taken, or null: the response while the incident is
     * not acknowledged, the resolution while it is open, the return visit while it is resolved and not visited.
     */
    static Missed missed(Seeded row, OffsetDateTime now) {
        List<Missed> passed = new ArrayList<>();
        Set<String> open = Set.of("OPEN", "ADVISED", "ACKNOWLEDGED");
        if (Set.of("OPEN", "ADVISED").contains(row.status())
                && row.respondBy() != null
                && row.respondBy().isBefore(now)) {
            passed.add(new Missed(row, "RESPOND", row.respondBy()));
        }
        if (open.contains(row.status())
                && row.resolveBy() != null
                && row.resolveBy().isBefore(now)) {
            passed.add(new Missed(row, "RESOLVE", row.resolveBy()));
        }
        if (row.status().equals("RESOLVED")
                && row.followUpBy() != null
                && row.followUpBy().isBefore(now)) {
            passed.add(new Missed(row, "FOLLOW_UP", row.followUpBy()));
        }
        // the same order as the dashboard's: by due time, then by the deadline's name
        return passed.stream()
                .min(Comparator.comparing(Missed::due).thenComparing(Missed::deadline))
                .orElse(null);
    }

    /** Per key: {sum of gaps, incidents with a gap}. */
    static Map<String, long[]> gapSums(List<Seeded> rows, Function<Seeded, String> key) {
        Map<String, long[]> sums = new TreeMap<>();
        rows.stream().filter(r -> r.gap() != null && key.apply(r) != null).forEach(r -> {
            long[] sum = sums.computeIfAbsent(key.apply(r), k -> new long[2]);
            sum[0] += r.gap();
            sum[1]++;
        });
        return sums;
    }
}
