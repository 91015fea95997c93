package com.propertyservice.advisor.notify;

import com.propertyservice.advisor.engine.Recipient;
import com.propertyservice.advisor.incident.NoticeBoard;
import com.propertyservice.advisor.user.Role;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the other features call: {@link #enqueue} in their own transaction, {@link #deliveries} for an incident's
 * timeline, {@link #inbox} for the supervisor's queue page. Sending is the {@link DeliveryWorker}'s.
 *
 * <p>Who sees an in-app notice: one naming a user ({@code recipientUser}, e.g. the assignee) is that user's; one
 * naming nobody goes by role — {@code ASSIGNEE} (unassigned) and {@code SUPERVISOR} to every SUPERVISOR,
 * {@code PROJECT_MANAGER} and {@code COMPANY} to every ADMIN (the service has no project-manager or company role;
 * their group robots are the webhooks with a {@code recipients} filter).
 */
@Service
public class NotificationOutbox implements NoticeBoard {

    private final OutboxRepository outbox;
    private final NotifyProperties properties;
    private final Clock clock;

    @Autowired
    NotificationOutbox(OutboxRepository outbox, NotifyProperties properties, ObjectProvider<Clock> clocks) {
        this(outbox, properties, clocks.getIfUnique(Clock::systemUTC));
    }

    NotificationOutbox(OutboxRepository outbox, NotifyProperties properties, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Queues the notification for every channel: the in-app notice (delivered at once) and one row per configured
     * webhook that hears about its recipient. Joins the caller's transaction, so the notification is kept exactly
     * when what caused it is (a rolled-back reminder sends nothing); sending happens after the commit, on the
     * worker's thread, never inside the caller's transaction.
     */
    @Transactional
    public void enqueue(Notification notification) {
        var now = clock.instant();
        outbox.insertInApp(notification, now);
        for (NotifyProperties.Webhook webhook : properties.webhooks()) {
            if (webhook.accepts(notification.recipient())) {
                outbox.insertWebhook(notification, webhook.name(), now);
            }
        }
    }

    /** Every delivery about one incident, oldest first: channel, status, attempts, last error, times. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(long incidentId) {
        return outbox.deliveries(incidentId);
    }

    /** The newest {@code limit} in-app notices for this user, by name or by the roles they hold (class comment). */
    @Transactional(readOnly = true)
    public List<InAppNotice> inbox(String username, Collection<Role> roles, int limit) {
        return outbox.inbox(username, recipientsFor(roles), Math.max(1, Math.min(limit, 500)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<NoticeBoard.SentNotice> sent(long incident) {
        return deliveries(incident).stream()
                .map(d -> new NoticeBoard.SentNotice(
                        d.event(),
                        d.deadline(),
                        d.recipient(),
                        d.recipientUser(),
                        d.channel() == DeliveryChannel.IN_APP,
                        d.webhook(),
                        d.status() == DeliveryStatus.DELIVERED,
                        d.attempts(),
                        d.lastError(),
                        d.createdAt(),
                        d.nextAttemptAt(),
                        d.deliveredAt()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<NoticeBoard.QueueNotice> notices(String username, Collection<Role> roles, int limit) {
        return inbox(username, roles, limit).stream()
                .map(n -> new NoticeBoard.QueueNotice(
                        n.incidentId(), n.event(), n.deadline(), n.recipient(), n.text(), n.at()))
                .toList();
    }

    /** The recipients a person with these roles hears about when a notice names nobody. */
    static Set<Recipient> recipientsFor(Collection<Role> roles) {
        Set<Recipient> recipients = EnumSet.noneOf(Recipient.class);
        if (roles.contains(Role.SUPERVISOR)) {
            recipients.add(Recipient.ASSIGNEE);
            recipients.add(Recipient.SUPERVISOR);
        }
        if (roles.contains(Role.ADMIN)) {
            recipients.add(Recipient.PROJECT_MANAGER);
            recipients.add(Recipient.COMPANY);
        }
        return recipients;
    }
}
