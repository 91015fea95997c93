package com.propertyservice.advisor.incident;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code follow_ups} table: return visits, each tied to one incident. */
@Repository
class FollowUpRepository {

    private final JdbcClient jdbc;

    FollowUpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a visit; its id is left to the database (nobody reads it back before the list). */
    void insert(StoredFollowUp visit) {
        jdbc.sql("""
                        insert into follow_ups (incident_id, perception, expectation, satisfaction_gap, comment,
                                                visited_by, visited_at)
                        values (:incidentId, :perception, :expectation, :satisfactionGap, :comment,
                                :visitedBy, :visitedAt)""").paramSource(visit).update();
    }

    /** The visits to an incident, oldest first (by id where two share a time, so the order is stable). */
    List<StoredFollowUp> findByIncident(long incidentId) {
        return jdbc.sql("""
                        select id, incident_id, perception, expectation, satisfaction_gap, comment, visited_by, visited_at
                        from follow_ups where incident_id = :incidentId order by visited_at, id""")
                .param("incidentId", incidentId)
                .query((rs, row) -> new StoredFollowUp(
                        rs.getLong("id"),
                        rs.getLong("incident_id"),
                        rs.getInt("perception"),
                        rs.getObject("expectation", Integer.class),
                        rs.getObject("satisfaction_gap", Integer.class),
                        rs.getString("comment"),
                        rs.getString("visited_by"),
                        rs.getObject("visited_at", OffsetDateTime.class)))
                .list();
    }
}
