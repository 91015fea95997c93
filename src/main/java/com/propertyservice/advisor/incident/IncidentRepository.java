package com.propertyservice.advisor.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code incidents} table. Rows are read into {@link StoredIncident} column by column and written
 * from its components by name; the transitions after recording are single conditional updates. Lists are newest reported first, by id where two share a time, so
 * pages never overlap or skip a row.
 */
@Repository
class IncidentRepository {

    private static final String NEWEST_FIRST = " order by reported_at desc, id desc";
    private static final String COLUMNS = """
            id, external_id, reported_at, channel, community, service_area, issue, summary, expectation, perception,
            satisfaction_gap, kano_factor, priority, escalation, language, incident_json, advice_json, rule_set_version,
            fired_rules, status, recorded_by, recorded_at, advised_at, resolved_at, resolved_by, followed_up_at""";

    /**
     * A list filter as SQL: the condition is built from fixed fragments only, every value the
     * caller gave is a bound parameter.
     */
    private record Filter(String where, Map<String, Object> params) {}

    private final JdbcClient jdbc;

    IncidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new row (its id is ignored) and returns it with the id the database gave it. */
    StoredIncident insert(StoredIncident row) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into incidents (external_id, reported_at, channel, community, service_area, issue, summary,
                                               expectation, perception, satisfaction_gap, kano_factor, priority, escalation,
                                               language, incident_json, advice_json, rule_set_version, fired_rules, status,
                                               recorded_by, recorded_at, advised_at, resolved_at, resolved_by, followed_up_at)
                        values (:externalId, :reportedAt, :channel, :community, :serviceArea, :issue, :summary,
                                :expectation, :perception, :satisfactionGap, :kanoFactor, :priority, :escalation,
                                :language, :incidentJson, :adviceJson, :ruleSetVersion, :firedRules, :status,
                                :recordedBy, :recordedAt, :advisedAt, :resolvedAt, :resolvedBy, :followedUpAt)""").paramSource(row).update(keys, "id");
        return row.withId(keys.getKeyAs(Number.class).longValue());
    }

    /**
     * Inserts a new row with what the dashboard counts beside it: the resolution target and the advised
     * complaint causes (both read from the advice, which the row keeps as JSON only).
     */
    StoredIncident insert(StoredIncident row, OffsetDateTime resolveBy, List<String> complaintCauses) {
        StoredIncident inserted = insert(row);
        if (resolveBy != null) {
            jdbc.sql("update incidents set resolve_by = :resolveBy where id = :id")
                    .param("resolveBy", resolveBy)
                    .param("id", inserted.id())
                    .update();
        }
        for (String cause : new LinkedHashSet<>(complaintCauses)) {
            jdbc.sql("insert into incident_complaint_causes (incident_id, cause) values (:id, :cause)")
                    .param("id", inserted.id())
                    .param("cause", cause)
                    .update();
        }
        return inserted;
    }

    Optional<StoredIncident> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from incidents where id = :id")
                .param("id", id)
                .query(IncidentRepository::row)
                .optional();
    }

    /**
     * Marks an open incident resolved in one statement, so a concurrent return visit can neither be
     * overwritten nor overwrite it: only a row still OPEN or ADVISED changes.
     *
     * @return false when there is no such incident or it is no longer open
     */
    boolean resolve(long id, OffsetDateTime at, String by) {
        return jdbc.sql("""
                        update incidents set status = 'RESOLVED', resolved_at = :at, resolved_by = :by
                        where id = :id and status in ('OPEN', 'ADVISED')""").param("id", id).param("at", at).param("by", by).update() == 1;
    }

    /**
     * Applies a return visit in one statement: the visit's perception, its expectation or the row's own,
     * the gap computed from the two, status FOLLOWED_UP, and the latest visit time (an earlier visit
     * recorded late does not move it back). The database computes from the row as it is when the
     * update runs, so nothing read earlier is written back over a concurrent change.
     *
     * @return false when there is no such incident
     */
    boolean recordVisit(long id, int perception, Integer expectation, OffsetDateTime visitedAt) {
        return jdbc.sql("""
                        update incidents
                        set expectation = coalesce(cast(:expectation as integer), expectation),
                            perception = :perception,
                            satisfaction_gap = :perception - coalesce(cast(:expectation as integer), expectation),
                            status = 'FOLLOWED_UP',
                            followed_up_at = case when followed_up_at is null or followed_up_at < :visitedAt
                                                  then :visitedAt else followed_up_at end
                        where id = :id""")
                        .param("id", id)
                        .param("perception", perception)
                        .param("expectation", expectation)
                        .param("visitedAt", visitedAt)
                        .update()
                == 1;
    }

    /** The rows matching the query, newest reported first, from {@code offset} on, at most {@code limit}. */
    List<StoredIncident> find(IncidentQuery query, long offset, int limit) {
        return page(filter(query), offset, limit);
    }

    /** How many rows match the query. */
    long count(IncidentQuery query) {
        Filter filter = filter(query);
        return jdbc.sql("select count(*) from incidents" + filter.where())
                .params(filter.params())
                .query(Long.class)
                .single();
    }

    private List<StoredIncident> page(Filter filter, long offset, int limit) {
        Map<String, Object> params = new HashMap<>(filter.params());
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql("select " + COLUMNS + " from incidents" + filter.where() + NEWEST_FIRST
                        + " offset :offset rows fetch next :limit rows only")
                .params(params)
                .query(IncidentRepository::row)
                .list();
    }

    // read by name, column by column: no guessing of names (H2 logs every miss to its trace file)
    private static StoredIncident row(ResultSet rs, int number) throws SQLException {
        return new StoredIncident(
                rs.getLong("id"),
                rs.getString("external_id"),
                rs.getObject("reported_at", OffsetDateTime.class),
                rs.getString("channel"),
                rs.getString("community"),
                rs.getString("service_area"),
                rs.getString("issue"),
                rs.getString("summary"),
                rs.getObject("expectation", Integer.class),
                rs.getObject("perception", Integer.class),
                rs.getObject("satisfaction_gap", Integer.class),
                rs.getString("kano_factor"),
                rs.getString("priority"),
                rs.getString("escalation"),
                rs.getString("language"),
                rs.getString("incident_json"),
                rs.getString("advice_json"),
                rs.getString("rule_set_version"),
                rs.getString("fired_rules"),
                rs.getString("status"),
                rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class),
                rs.getObject("advised_at", OffsetDateTime.class),
                rs.getObject("resolved_at", OffsetDateTime.class),
                rs.getString("resolved_by"),
                rs.getObject("followed_up_at", OffsetDateTime.class));
    }

    private static Filter filter(IncidentQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.community() != null && !query.community().isBlank()) {
            conditions.add("community = :community");
            params.put("community", query.community());
        }
        if (query.status() != null) {
            conditions.add("status = :status");
            params.put("status", query.status().name());
        }
        if (query.area() != null) {
            conditions.add("service_area = :area");
            params.put("area", query.area().name());
        }
        if (query.priority() != null) {
            conditions.add("priority = :priority");
            params.put("priority", query.priority().name());
        }
        // the days are the server's days, as the supervisor reads them on the list page
        ZoneId zone = ZoneId.systemDefault();
        if (query.from() != null) {
            conditions.add("reported_at >= :from");
            params.put("from", query.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (query.to() != null) {
            conditions.add("reported_at < :to");
            params.put("to", query.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        return new Filter(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }
}
