package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.Deadline;
import com.propertyservice.advisor.engine.Recipient;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What follow-through keeps of an incident (V13): its assignee, deadlines and response, its timeline, its breaches,
 * and the steps already carried out. Transitions are single conditional updates, like {@link IncidentRepository}'s,
 * so two people acting on one incident at once cannot both succeed where only one may.
 */
@Repository
class FollowThroughRepository {

    /** The follow-through columns of one incident. */
    record Progress(
            long id,
            IncidentStatus status,
            String assignee,
            OffsetDateTime recordedAt,
            OffsetDateTime respondBy,
            OffsetDateTime resolveBy,
            OffsetDateTime followUpBy,
            OffsetDateTime respondedAt,
            String respondedBy,
            OffsetDateTime resolvedAt,
            String resolutionNote) {

        /** When a deadline falls due, or null when the incident has none (or not yet: the return visit). */
        OffsetDateTime due(Deadline deadline) {
            return switch (deadline) {
                case RESPOND -> respondBy;
                case RESOLVE -> resolveBy;
                case FOLLOW_UP -> followUpBy;
            };
        }

        /** Whether the deadline is still to be met: its step has not been taken. */
        boolean pending(Deadline deadline) {
            return switch (deadline) {
                case RESPOND -> respondedAt == null && status.open();
                case RESOLVE -> status.open();
                case FOLLOW_UP -> status == IncidentStatus.RESOLVED;
            };
        }
    }

    private static final String PROGRESS = """
            select id, status, assignee, recorded_at, respond_by, resolve_by, follow_up_by, responded_at, responded_by,
                   resolved_at, resolution_note from incidents""";

    private final JdbcClient jdbc;

    FollowThroughRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Progress> progress(long id) {
        return jdbc.sql(PROGRESS + " where id = :id")
                .param("id", id)
                .query(FollowThroughRepository::progress)
                .optional();
    }

    /** Sets the response and resolution deadlines of a just recorded incident. */
    void deadlines(long id, OffsetDateTime respondBy, OffsetDateTime resolveBy) {
        jdbc.sql("update incidents set respond_by = :respondBy, resolve_by = :resolveBy where id = :id")
                .param("respondBy", respondBy)
                .param("resolveBy", resolveBy)
                .param("id", id)
                .update();
    }

    /** The first response was made: only an incident not yet acknowledged and still open changes. */
    boolean acknowledge(long id, OffsetDateTime at, String by) {
        return jdbc.sql("""
                        update incidents set status = 'ACKNOWLEDGED', responded_at = :at, responded_by = :by
                        where id = :id and status in ('OPEN', 'ADVISED')""").param("id", id).param("at", at).param("by", by).update() == 1;
    }

    /** Gives the incident to someone: only while it is not followed up yet. */
    boolean assign(long id, String assignee) {
        return jdbc.sql("update incidents set assignee = :assignee where id = :id and status <> 'FOLLOWED_UP'")
                        .param("id", id)
                        .param("assignee", assignee)
                        .update()
                == 1;
    }

    /**
     * Resolves an open incident with its note and return-visit deadline; a response not marked before counts as made
     * now (the resolution is one). Only a row still open changes.
     */
    boolean resolve(long id, OffsetDateTime at, String by, String note, OffsetDateTime followUpBy) {
        return jdbc.sql("""
                        update incidents set status = 'RESOLVED', resolved_at = :at, resolved_by = :by, resolution_note = :note,
                               follow_up_by = :followUpBy, responded_at = coalesce(responded_at, :at),
                               responded_by = coalesce(responded_by, :by)
                        where id = :id and status in ('OPEN', 'ADVISED', 'ACKNOWLEDGED')""")
                        .param("id", id)
                        .param("at", at)
                        .param("by", by)
                        .param("note", note)
                        .param("followUpBy", followUpBy)
                        .update()
                == 1;
    }

    /**
     * Reopens a resolved (or followed-up) incident whose problem is not solved: back to ACKNOWLEDGED (the complainant
     * was answered before) with a new resolution deadline; the resolution and the return-visit deadline go (the
     * timeline keeps them). Only a row resolved or followed up changes.
     */
    boolean reopen(long id, OffsetDateTime resolveBy) {
        return jdbc.sql("""
                        update incidents set status = 'ACKNOWLEDGED', resolve_by = :resolveBy, resolved_at = null, resolved_by = null,
                               resolution_note = null, follow_up_by = null
                        where id = :id and status in ('RESOLVED', 'FOLLOWED_UP')""").param("id", id).param("resolveBy", resolveBy).update() == 1;
    }

    /** Adds an event to the incident's timeline. */
    void event(
            long incidentId,
            TimelineEvent.Kind kind,
            String actor,
            OffsetDateTime at,
            Deadline deadline,
            Recipient recipient,
            String detail) {
        jdbc.sql("""
                        insert into incident_event (incident_id, kind, actor, at, deadline, recipient, detail)
                        values (:incident, :kind, :actor, :at, :deadline, :recipient, :detail)""")
                .param("incident", incidentId)
                .param("kind", kind.name())
                .param("actor", actor)
                .param("at", at)
                .param("deadline", deadline == null ? null : deadline.name())
                .param("recipient", recipient == null ? null : recipient.name())
                .param("detail", detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000)))
                .update();
    }

    /** The incident's events, oldest first. */
    List<TimelineEvent> timeline(long incidentId) {
        return jdbc.sql("""
                        select kind, actor, at, deadline, recipient, detail from incident_event
                        where incident_id = :incident order by id""")
                .param("incident", incidentId)
                .query((rs, n) -> new TimelineEvent(
                        TimelineEvent.Kind.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class),
                        enumOf(Deadline.class, rs.getString(4)),
                        enumOf(Recipient.class, rs.getString(5)),
                        rs.getString(6),
                        null))
                .list();
    }

    /** The incident's breaches, oldest first. */
    List<IncidentView.Breach> breaches(long incidentId) {
        return jdbc.sql(
                        "select deadline, breached_at from incident_breach where incident_id = :incident order by number")
                .param("incident", incidentId)
                .query((rs, n) -> new IncidentView.Breach(
                        Deadline.valueOf(rs.getString(1)), rs.getObject(2, OffsetDateTime.class)))
                .list();
    }

    /**
     * Records that a deadline was missed and returns which breach of the incident it is (1 for its first).
     * Called in the step's transaction, after {@link #done}: the step runs once, so the count is exact.
     */
    int breach(long incidentId, Deadline deadline, OffsetDateTime dueAt, OffsetDateTime at) {
        int number = jdbc.sql("select count(*) from incident_breach where incident_id = :incident")
                        .param("incident", incidentId)
                        .query(Integer.class)
                        .single()
                + 1;
        jdbc.sql("""
                        insert into incident_breach (incident_id, deadline, due_at, breached_at, number)
                        values (:incident, :deadline, :due, :at, :number)""")
                .param("incident", incidentId)
                .param("deadline", deadline.name())
                .param("due", dueAt)
                .param("at", at)
                .param("number", number)
                .update();
        return number;
    }

    /**
     * Claims a step of follow-through for this transaction: false when it was carried out before (by this instance
     * or another, before a crash or a restart), so that its effects happen once.
     */
    boolean done(String step, OffsetDateTime at) {
        try {
            jdbc.sql("insert into follow_through_done (step, done_at) values (:step, :at)")
                    .param("step", step)
                    .param("at", at)
                    .update();
            return true;
        } catch (DuplicateKeyException before) {
            return false;
        }
    }

    /**
     * Open deadlines, soonest first: the response and resolution of open incidents and the return visit of resolved
     * ones, due before {@code until}, optionally of one assignee.
     */
    List<DueDeadline> due(OffsetDateTime until, String assignee, int limit) {
        String byAssignee = assignee == null ? " " : " and assignee = :assignee ";
        var query = jdbc.sql("""
                        select id, 'RESPOND' as deadline, respond_by as due, assignee, community, issue, summary, priority, status
                          from incidents where status = 'OPEN' and respond_by < :until""" + byAssignee + """
                         union all
                        select id, 'RESOLVE', resolve_by, assignee, community, issue, summary, priority, status
                          from incidents where status in ('OPEN', 'ACKNOWLEDGED') and resolve_by < :until""" + byAssignee + """
                         union all
                        select id, 'FOLLOW_UP', follow_up_by, assignee, community, issue, summary, priority, status
                          from incidents where status = 'RESOLVED' and follow_up_by < :until""" + byAssignee + """
                         order by due, id fetch first :limit rows only""")
                .param("until", until)
                .param("limit", limit);
        if (assignee != null) {
            query = query.param("assignee", assignee);
        }
        return query.query((rs, n) -> new DueDeadline(
                        rs.getLong(1),
                        Deadline.valueOf(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        IncidentStatus.valueOf(rs.getString(9))))
                .list();
    }

    /** How many incidents wait for a deadline of this kind to be met (overdue ones included). */
    long open(Deadline deadline) {
        String where = switch (deadline) {
            case RESPOND -> "status = 'OPEN' and respond_by is not null";
            case RESOLVE -> "status in ('OPEN', 'ACKNOWLEDGED') and resolve_by is not null";
            case FOLLOW_UP -> "status = 'RESOLVED' and follow_up_by is not null";
        };
        return jdbc.sql("select count(*) from incidents where " + where)
                .query(Long.class)
                .single();
    }

    private static Progress progress(ResultSet rs, int n) throws SQLException {
        return new Progress(
                rs.getLong("id"),
                IncidentStatus.valueOf(rs.getString("status")),
                rs.getString("assignee"),
                rs.getObject("recorded_at", OffsetDateTime.class),
                rs.getObject("respond_by", OffsetDateTime.class),
                rs.getObject("resolve_by", OffsetDateTime.class),
                rs.getObject("follow_up_by", OffsetDateTime.class),
                rs.getObject("responded_at", OffsetDateTime.class),
                rs.getString("responded_by"),
                rs.getObject("resolved_at", OffsetDateTime.class),
                rs.getString("resolution_note"));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
