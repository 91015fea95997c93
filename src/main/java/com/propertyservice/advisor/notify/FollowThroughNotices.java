package com.propertyservice.advisor.notify;

import com.propertyservice.advisor.incident.FollowThroughNotice;
import com.propertyservice.advisor.incident.NoticeDeliveries;
import com.propertyservice.advisor.incident.NotificationEvent;
import com.propertyservice.advisor.incident.TimelineEvent;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where follow-through meets the outbox: each reminder, breach and escalation the incident feature publishes is
 * written to the outbox in the transaction that records it (a plain listener runs in the publisher's transaction), and
 * the incident's timeline shows how each of its notifications fared.
 */
@Component
class FollowThroughNotices implements NoticeDeliveries {

    private final NotificationOutbox outbox;

    FollowThroughNotices(NotificationOutbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void send(FollowThroughNotice notice) {
        outbox.enqueue(new Notification(
                notice.incident(),
                NotificationEvent.valueOf(notice.event().name()),
                notice.deadline(),
                notice.recipient(),
                notice.recipientUser(),
                notice.text(),
                notice.at()));
    }

    @Override
    public List<TimelineEvent> of(long incident) {
        return outbox.deliveries(incident).stream()
                .map(FollowThroughNotices::event)
                .toList();
    }

    private static TimelineEvent event(Delivery delivery) {
        String channel = delivery.channel() == DeliveryChannel.IN_APP ? "in-app" : "webhook " + delivery.webhook();
        String state = delivery.status() == DeliveryStatus.DELIVERED
                ? "delivered" + (delivery.attempts() > 1 ? " after " + delivery.attempts() + " attempts" : "")
                : "pending, " + delivery.attempts() + " attempt(s)"
                        + (delivery.lastError() == null ? "" : ", last error: " + delivery.lastError())
                        + (delivery.nextAttemptAt() == null ? "" : ", next at " + delivery.nextAttemptAt());
        return new TimelineEvent(
                TimelineEvent.Kind.NOTIFIED,
                channel,
                delivery.deliveredAt() != null ? delivery.deliveredAt() : delivery.createdAt(),
                delivery.deadline(),
                delivery.recipient(),
                delivery.event() + " → " + channel,
                state);
    }
}
