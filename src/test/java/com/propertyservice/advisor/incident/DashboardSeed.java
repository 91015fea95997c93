package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.ComplaintCause;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.ServiceArea;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/** Many incidents written straight into the tables (no advice run), for the dashboard's count test and its benchmark. */
public final class DashboardSeed {

    /**
     * One seeded incident, as written; its deadlines may be null (no target, or, for the return visit, not resolved),
     * and each lies anywhere from the report to a week after it, so some have passed and some have not.
     */
    public record Seeded(
            long id,
            OffsetDateTime reportedAt,
            String kano,
            String area,
            String issue,
            Integer gap,
            String status,
            OffsetDateTime respondBy,
            OffsetDateTime resolveBy,
            OffsetDateTime followUpBy,
            List<String> causes) {}

    private DashboardSeed() {}

    /**
     * Inserts {@code inWindow} incidents reported between {@code windowStart} and {@code now} and {@code before}
     * in the month before it, with their dashboard columns and causes, and returns them as written.
     */
    public static List<Seeded> seed(
            JdbcTemplate jdbc, OffsetDateTime windowStart, OffsetDateTime now, int inWindow, int before) {
        Random random = new Random(20_000);
        String[] statuses = {"ADVISED", "OPEN", "OPEN", "ACKNOWLEDGED", "RESOLVED", "RESOLVED", "FOLLOWED_UP"};
        long windowSeconds = Duration.between(windowStart, now).toSeconds();
        long nextId = jdbc.queryForObject("select coalesce(max(id), 0) from incidents", Long.class) + 1;
        List<Seeded> rows = new ArrayList<>();
        for (int i = 0; i < inWindow + before; i++) {
            OffsetDateTime reported = i < inWindow
                    ? windowStart.plusSeconds(random.nextLong(windowSeconds))
                    : windowStart.minusSeconds(1 + random.nextLong(86_400L * 30));
            String kano = random.nextInt(10) == 0
                    ? null
                    : KanoFactor.values()[random.nextInt(KanoFactor.values().length)].name();
            String area = ServiceArea.values()[random.nextInt(ServiceArea.values().length)].name();
            Integer gap = random.nextInt(3) == 0 ? null : random.nextInt(9) - 4;
            String status = statuses[random.nextInt(statuses.length)];
            OffsetDateTime resolveBy = random.nextInt(8) == 0 ? null : reported.plusHours(random.nextInt(24 * 7));
            // incidents from before contract 1.2 (ADVISED) have no response deadline; only resolved ones a return visit
            OffsetDateTime respondBy = status.equals("ADVISED") || random.nextInt(8) == 0
                    ? null
                    : reported.plusMinutes(random.nextInt(24 * 60));
            OffsetDateTime followUpBy = status.equals("RESOLVED") || status.equals("FOLLOWED_UP")
                    ? reported.plusHours(random.nextInt(24 * 7))
                    : null;
            List<String> causes = new ArrayList<>();
            for (ComplaintCause cause : ComplaintCause.values()) {
                if (random.nextInt(4) == 0) {
                    causes.add(cause.name());
                }
            }
            rows.add(new Seeded(
                    nextId + i,
                    reported,
                    kano,
                    area,
                    "issue-" + random.nextInt(30),
                    gap,
                    status,
                    respondBy,
                    resolveBy,
                    followUpBy,
                    causes));
        }
        jdbc.batchUpdate("""
                insert into incidents (id, reported_at, channel, community, service_area, issue, summary, satisfaction_gap,
                                       kano_factor, priority, language, incident_json, advice_json, rule_set_version,
                                       fired_rules, status, recorded_by, recorded_at, advised_at, resolve_by, respond_by,
                                       follow_up_by)
                values (?, ?, 'PHONE', '阳光花园', ?, ?, '电梯停了', ?, ?, 'HIGH', 'zh-CN', '{}', ?, 'v1', '[]', ?, 'seed', ?, ?, ?, ?, ?)""", rows, 1000, (ps, row) -> {
            ps.setLong(1, row.id());
            ps.setObject(2, row.reportedAt());
            ps.setString(3, row.area());
            ps.setString(4, row.issue());
            ps.setObject(5, row.gap());
            ps.setString(6, row.kano());
            ps.setString(
                    7,
                    "{\"complaintCauses\":["
                            + String.join(
                                    ",",
                                    row.causes().stream()
                                            .map(c -> "\"" + c + "\"")
                                            .toList()) + "],\"resolveWithin\":\"P1D\"}");
            ps.setString(8, row.status());
            ps.setObject(9, row.reportedAt());
            ps.setObject(10, row.reportedAt());
            ps.setObject(11, row.resolveBy());
            ps.setObject(12, row.respondBy());
            ps.setObject(13, row.followUpBy());
        });
        List<Object[]> causes = new ArrayList<>();
        rows.forEach(row -> row.causes().forEach(cause -> causes.add(new Object[] {row.id(), cause})));
        jdbc.batchUpdate("insert into incident_complaint_causes (incident_id, cause) values (?, ?)", causes);
        return rows;
    }
}
