package com.propertyservice.advisor.notify;

import com.propertyservice.advisor.engine.Deadline;
import com.propertyservice.advisor.engine.Recipient;
import com.propertyservice.advisor.incident.NotificationEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code notification_outbox} table (V14). Every write after the insert is one conditional update, so two
 * instances racing for a row settle it in the database: a claim succeeds only for a due, unclaimed (or expired)
 * PENDING row, and the outcome of a delivery is written only by the claim that made it. Rows are mapped column by
 * column (no name guessing, stack-notes trap 9).
 */
@Repository
class OutboxRepository {

    private static final String DELIVERY_COLUMNS = """
            id, incident_id, event, deadline, recipient, recipient_user, channel, webhook, status, attempts, last_error,
            created_at, last_attempt_at, next_attempt_at, delivered_at""";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The in-app row: delivered as it is written (the queue page reads it). */
    void insertInApp(Notification notification, Instant now) {
        insert(notification, DeliveryChannel.IN_APP, null, DeliveryStatus.DELIVERED, now)
                .param("nextAttemptAt", null)
                .param("deliveredAt", at(now))
                .update();
    }

    /** A webhook row, due at once. */
    void insertWebhook(Notification notification, String webhook, Instant now) {
        insert(notification, DeliveryChannel.WEBHOOK, webhook, DeliveryStatus.PENDING, now)
                .param("nextAttemptAt", at(now))
                .param("deliveredAt", null)
                .update();
    }

    private JdbcClient.StatementSpec insert(
            Notification n, DeliveryChannel channel, String webhook, DeliveryStatus status, Instant now) {
        return jdbc.sql("""
                        insert into notification_outbox (incident_id, event, deadline, recipient, recipient_user, message,
                                                         event_at, channel, webhook, status, attempts, next_attempt_at,
                                                         created_at, delivered_at)
                        values (:incidentId, :event, :deadline, :recipient, :recipientUser, :message, :eventAt, :channel,
                                :webhook, :status, 0, :nextAttemptAt, :createdAt, :deliveredAt)""")
                .param("incidentId", n.incidentId())
                .param("event", n.event().name())
                .param("deadline", n.deadline() == null ? null : n.deadline().name())
                .param("recipient", n.recipient().name())
                .param("recipientUser", n.recipientUser())
                .param("message", n.text())
                .param("eventAt", n.at())
                .param("channel", channel.name())
                .param("webhook", webhook)
                .param("status", status.name())
                .param("createdAt", at(now));
    }

    /** Ids of webhook rows due at {@code now} and not held by a live claim, the longest waiting first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                        select id from notification_outbox
                        where status = 'PENDING' and channel = 'WEBHOOK' and next_attempt_at <= :now
                          and (claimed_until is null or claimed_until < :now)
                        order by next_attempt_at, id
                        limit :limit""")
                .param("now", at(now))
                .param("limit", limit)
                .query((rs, n) -> rs.getLong(1))
                .list();
    }

    /**
     * Takes the row for {@code claim} until {@code until}, counting the attempt, if it is still due and nobody else
     * holds it: the update's condition is the whole check, so of two instances asking at once exactly one gets 1
     * row updated. Returns the row when this claim won it.
     */
    Optional<OutboxRow> claim(long id, String claim, Instant now, Instant until) {
        int updated = jdbc.sql("""
                        update notification_outbox
                        set claimed_by = :claim, claimed_until = :until, attempts = attempts + 1, last_attempt_at = :now
                        where id = :id and status = 'PENDING' and next_attempt_at <= :now
                          and (claimed_until is null or claimed_until < :now)""")
                .param("claim", claim)
                .param("until", at(until))
                .param("now", at(now))
                .param("id", id)
                .update();
        if (updated != 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id, incident_id, event, deadline, recipient, recipient_user, message, event_at, webhook,
                               attempts
                        from notification_outbox where id = :id and claimed_by = :claim""")
                .param("id", id)
                .param("claim", claim)
                .query((rs, n) -> new OutboxRow(
                        rs.getLong("id"),
                        rs.getLong("incident_id"),
                        NotificationEvent.valueOf(rs.getString("event")),
                        deadline(rs),
                        Recipient.valueOf(rs.getString("recipient")),
                        rs.getString("recipient_user"),
                        rs.getString("message"),
                        rs.getObject("event_at", OffsetDateTime.class),
                        rs.getString("webhook"),
                        rs.getInt("attempts")))
                .optional();
    }

    /** Marks the row delivered, if {@code claim} still holds it; false when another claim took over meanwhile. */
    boolean delivered(long id, String claim, Instant now) {
        return jdbc.sql("""
                        update notification_outbox
                        set status = 'DELIVERED', delivered_at = :now, last_error = null, next_attempt_at = null,
                            claimed_by = null, claimed_until = null
                        where id = :id and claimed_by = :claim""")
                        .param("now", at(now))
                        .param("id", id)
                        .param("claim", claim)
                        .update()
                == 1;
    }

    /** Records a failed attempt and when to try again, and lets go of the row. */
    boolean retryLater(long id, String claim, Instant next, String error) {
        return jdbc.sql("""
                        update notification_outbox
                        set next_attempt_at = :next, last_error = :error, claimed_by = null, claimed_until = null
                        where id = :id and claimed_by = :claim""")
                        .param("next", at(next))
                        .param("error", error.length() > 1000 ? error.substring(0, 999) + "…" : error)
                        .param("id", id)
                        .param("claim", claim)
                        .update()
                == 1;
    }

    /** Every row about one incident, oldest first (the timeline). */
    List<Delivery> deliveries(long incidentId) {
        return jdbc.sql("select " + DELIVERY_COLUMNS + " from notification_outbox where incident_id = :id"
                        + " order by created_at, id")
                .param("id", incidentId)
                .query((rs, n) -> new Delivery(
                        rs.getLong("id"),
                        rs.getLong("incident_id"),
                        NotificationEvent.valueOf(rs.getString("event")),
                        deadline(rs),
                        Recipient.valueOf(rs.getString("recipient")),
                        rs.getString("recipient_user"),
                        DeliveryChannel.valueOf(rs.getString("channel")),
                        rs.getString("webhook"),
                        DeliveryStatus.valueOf(rs.getString("status")),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        time(rs, "created_at"),
                        time(rs, "last_attempt_at"),
                        time(rs, "next_attempt_at"),
                        time(rs, "delivered_at")))
                .list();
    }

    /**
     * The newest in-app notices for {@code username} (case-insensitive, as usernames are) or, when they name nobody,
     * for any of {@code recipients}.
     */
    List<InAppNotice> inbox(String username, Collection<Recipient> recipients, int limit) {
        String forRoles = recipients.isEmpty() ? "" : " or (recipient_user is null and recipient in (:recipients))";
        JdbcClient.StatementSpec query = jdbc.sql("""
                        select id, incident_id, event, deadline, recipient, recipient_user, message, event_at, created_at
                        from notification_outbox
                        where channel = 'IN_APP' and (lower(recipient_user) = lower(:username)""" + forRoles + """
                        )
                        order by created_at desc, id desc
                        limit :limit""")
                .param("username", username == null ? "" : username)
                .param("limit", limit);
        if (!recipients.isEmpty()) {
            query = query.param(
                    "recipients", recipients.stream().map(Recipient::name).toList());
        }
        return query.query((rs, n) -> new InAppNotice(
                        rs.getLong("id"),
                        rs.getLong("incident_id"),
                        NotificationEvent.valueOf(rs.getString("event")),
                        deadline(rs),
                        Recipient.valueOf(rs.getString("recipient")),
                        rs.getString("recipient_user"),
                        rs.getString("message"),
                        time(rs, "event_at"),
                        time(rs, "created_at")))
                .list();
    }

    /** Webhook rows not yet delivered, on every instance (the pending gauge). */
    long pending() {
        return jdbc.sql("select count(*) from notification_outbox where status = 'PENDING'")
                .query(Long.class)
                .single();
    }

    private static Deadline deadline(ResultSet rs) throws SQLException {
        String deadline = rs.getString("deadline");
        return deadline == null ? null : Deadline.valueOf(deadline);
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
