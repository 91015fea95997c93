package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.ComplaintCause;
import com.propertyservice.advisor.engine.Deadline;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's counts as SQL aggregates over {@code incidents} and {@code incident_complaint_causes}:
 * a handful of grouped rows come back, never the incidents themselves, so the cost grows with the
 * index ranges scanned, not with rows shipped and parsed. Written for H2 and PostgreSQL alike.
 */
@Repository
class IncidentStatistics {

    // the only columns a gap may be grouped by; never a caller's text in the SQL
    private static final Set<String> GROUPABLE = Set.of("kano_factor", "service_area", "issue");

    private final JdbcClient jdbc;

    IncidentStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count(OffsetDateTime since) {
        return jdbc.sql("select count(*) from incidents where reported_at >= :since")
                .param("since", since)
                .query(Long.class)
                .single();
    }

    /** Per value of {@code column}, the incidents with a known gap: how many and their mean gap. */
    List<IncidentFigures.Group> meanGap(String column, OffsetDateTime since) {
        if (!GROUPABLE.contains(column)) {
            throw new IllegalArgumentException("not a groupable column: " + column);
        }
        return jdbc.sql("select " + column + " as grp, count(*) as n,"
                        + " avg(cast(satisfaction_gap as double precision)) as mean_gap from incidents"
                        + " where reported_at >= :since and satisfaction_gap is not null and " + column + " is not null"
                        + " group by " + column)
                .param("since", since)
                .query((rs, row) ->
                        new IncidentFigures.Group(rs.getString("grp"), rs.getLong("n"), rs.getDouble("mean_gap")))
                .list();
    }

    List<IncidentFigures.Group> countByIssue(OffsetDateTime since) {
        return jdbc.sql("select issue, count(*) as n from incidents where reported_at >= :since group by issue")
                .param("since", since)
                .query((rs, row) -> new IncidentFigures.Group(rs.getString("issue"), rs.getLong("n"), 0))
                .list();
    }

    /**
     * Per complaint cause, the incidents of each week: week {@code i} is {@code [weeks[i], weeks[i+1])}, the
     * last boundary only closes the last week. Weeks are given as instants, so the server's zone decides.
     */
    Map<ComplaintCause, List<Long>> causesByWeek(OffsetDateTime since, List<OffsetDateTime> boundaries) {
        int weeks = boundaries.size() - 1;
        StringBuilder bucket = new StringBuilder("case");
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < weeks; i++) {
            bucket.append(" when i.reported_at >= :w")
                    .append(i)
                    .append(" and i.reported_at < :w")
                    .append(i + 1)
                    .append(" then ")
                    .append(i);
            params.put("w" + i, boundaries.get(i));
        }
        params.put("w" + weeks, boundaries.get(weeks));
        params.put("since", since);
        bucket.append(" end");
        Map<ComplaintCause, List<Long>> counts = new EnumMap<>(ComplaintCause.class);
        for (ComplaintCause cause : ComplaintCause.values()) {
            counts.put(cause, new ArrayList<>(Collections.nCopies(weeks, 0L)));
        }
        jdbc.sql("select cause, week, count(*) as n from (select c.cause as cause, " + bucket + " as week"
                        + " from incidents i join incident_complaint_causes c on c.incident_id = i.id"
                        + " where i.reported_at >= :since) t where week is not null group by cause, week")
                .params(params)
                .query(rs -> {
                    ComplaintCause cause = cause(rs.getString("cause"));
                    if (cause != null) {
                        counts.get(cause).set(rs.getInt("week"), rs.getLong("n"));
                    }
                });
        return counts;
    }

    /*
     * Every deadline still to be met, one row each, as FollowThroughRepository#due reads them: the response of an
     * incident not yet acknowledged (ADVISED rows, from before contract 1.2, have no respond_by), the resolution of
     * an open one, the return visit of a resolved one. The status index with each deadline column serves each part.
     */
    private static final String PASSED_DEADLINES = """
            select id, community, issue, priority, 'RESPOND' as deadline, respond_by as due_at from incidents
             where reported_at >= :since and status in ('OPEN', 'ADVISED') and respond_by < :now
            union all
            select id, community, issue, priority, 'RESOLVE', resolve_by from incidents
             where reported_at >= :since and status in ('OPEN', 'ADVISED', 'ACKNOWLEDGED') and resolve_by < :now
            union all
            select id, community, issue, priority, 'FOLLOW_UP', follow_up_by from incidents
             where reported_at >= :since and status = 'RESOLVED' and follow_up_by < :now""";

    /** Incidents with at least one deadline passed and not met (each counted once). */
    long overdueCount(OffsetDateTime since, OffsetDateTime now) {
        return jdbc.sql("select count(distinct id) from (" + PASSED_DEADLINES + ") passed")
                .param("since", since)
                .param("now", now)
                .query(Long.class)
                .single();
    }

    /**
     * The incidents past a deadline, each once with the deadline it passed first, the most overdue first, at most
     * {@code limit}.
     */
    List<IncidentFigures.Overdue> overdue(OffsetDateTime since, OffsetDateTime now, int limit) {
        return jdbc.sql("select id, community, issue, priority, deadline, due_at from ("
                        + " select passed.*, row_number() over (partition by id order by due_at, deadline) as nth"
                        + " from (" + PASSED_DEADLINES + ") passed) firsts where nth = 1"
                        + " order by due_at, id offset 0 rows fetch next :limit rows only")
                .param("since", since)
                .param("now", now)
                .param("limit", limit)
                .query((rs, row) -> new IncidentFigures.Overdue(
                        rs.getLong("id"),
                        rs.getString("community"),
                        rs.getString("issue"),
                        rs.getString("priority"),
                        Deadline.valueOf(rs.getString("deadline")),
                        rs.getObject("due_at", OffsetDateTime.class)))
                .list();
    }

    private static ComplaintCause cause(String name) {
        try {
            return ComplaintCause.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null; // a cause an earlier rule set used and the engine no longer knows
        }
    }
}
