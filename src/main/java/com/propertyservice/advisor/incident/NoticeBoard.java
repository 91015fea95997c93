package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.Deadline;
import com.propertyservice.advisor.engine.Recipient;
import com.propertyservice.advisor.user.Role;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * The notifications the incident pages show: how each of an incident's notifications fared (its timeline) and the
 * in-app notices a person is to read (the queue). Implemented where notifications are kept, so that the incident
 * feature does not depend on how they are delivered (that feature depends on this one).
 */
public interface NoticeBoard {

    /**
     * One notification of an incident on one channel.
     *
     * @param inApp         the supervisors' queue, else a webhook (named by {@code webhook})
     * @param delivered     whether it arrived; else it is waiting for its next attempt
     * @param recipientUser the user it names, or null when it goes by {@code recipient}'s role
     */
    record SentNotice(
            NotificationEvent event,
            Deadline deadline,
            Recipient recipient,
            String recipientUser,
            boolean inApp,
            String webhook,
            boolean delivered,
            int attempts,
            String lastError,
            OffsetDateTime createdAt,
            OffsetDateTime nextAttemptAt,
            OffsetDateTime deliveredAt) {}

    /** An in-app notice for someone's queue. */
    record QueueNotice(
            long incidentId,
            NotificationEvent event,
            Deadline deadline,
            Recipient recipient,
            String text,
            OffsetDateTime at) {}

    /** Every notification of the incident, oldest first. */
    List<SentNotice> sent(long incident);

    /** The newest in-app notices for a person with these roles, at most {@code limit}. */
    List<QueueNotice> notices(String username, Collection<Role> roles, int limit);
}
