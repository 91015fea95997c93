package com.propertyservice.advisor.incident;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code incidents} table. Rows are read into {@link StoredIncident} by column name and written
 * from its components by name. Lists are newest reported first, by id where two share a time, so
 * pages never overlap or skip a row.
 */
@Repository
class IncidentRepository {

    private static final String NEWEST_FIRST = " order by reported_at desc, id desc";

    /**
     * A list filter as SQL: the condition is built from fixed fragments only, every value the
     * caller gave is a bound parameter.
     */
    private record Filter(String where, Map<String, Object> params) {
    }

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
                                :recordedBy, :recordedAt, :advisedAt, :resolvedAt, :resolvedBy, :followedUpAt)""")
                .paramSource(row)
                .update(keys, "id");
        return row.withId(keys.getKeyAs(Number.class).longValue());
    }

    Optional<StoredIncident> findById(long id) {
        return jdbc.sql("select * from incidents where id = :id").param("id", id).query(StoredIncident.class).optional();
    }

    /**
     * Writes what changes after an incident is recorded: the scores and gap a follow-up brings, the
     * status, and who resolved it when. Nothing else of a row ever changes.
     */
    void updateProgress(StoredIncident row) {
        jdbc.sql("""
                        update incidents
                        set expectation = :expectation, perception = :perception, satisfaction_gap = :satisfactionGap,
                            status = :status, resolved_at = :resolvedAt, resolved_by = :resolvedBy,
                            followed_up_at = :followedUpAt
                        where id = :id""")
                .paramSource(row)
                .update();
    }

    /** The rows matching the query, newest reported first, from {@code offset} on, at most {@code limit}. */
    List<StoredIncident> find(IncidentQuery query, long offset, int limit) {
        return page(filter(query), offset, limit);
    }

    /** How many rows match the query. */
    long count(IncidentQuery query) {
        Filter filter = filter(query);
        return jdbc.sql("select count(*) from incidents" + filter.where()).params(filter.params())
                .query(Long.class).single();
    }

    /** The rows reported at or after {@code since}, newest first, at most {@code limit}. */
    List<StoredIncident> reportedSince(OffsetDateTime since, int limit) {
        return page(new Filter(" where reported_at >= :since", Map.of("since", since)), 0, limit);
    }

    private List<StoredIncident> page(Filter filter, long offset, int limit) {
        Map<String, Object> params = new HashMap<>(filter.params());
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql("select * from incidents" + filter.where() + NEWEST_FIRST
                        + " offset :offset rows fetch next :limit rows only")
                .params(params)
                .query(StoredIncident.class)
                .list();
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
