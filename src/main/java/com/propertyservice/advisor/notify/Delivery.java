package com.propertyservice.advisor.notify;

import com.propertyservice.advisor.engine.Deadline;
import com.propertyservice.advisor.engine.Recipient;
import com.propertyservice.advisor.incident.NotificationEvent;
import java.time.OffsetDateTime;

/**
 * One outbox row as the incident's timeline shows it: which notification, which channel, and how its delivery went.
 *
 * @param webhook       the webhook's configured name ({@code WEBHOOK} rows), else {@code null}
 * @param attempts      how many times a worker tried to send it (0 for in-app rows and webhook rows not yet tried)
 * @param lastError     why the last attempt failed ({@code null} once delivered)
 * @param nextAttemptAt when it will be tried again ({@code PENDING} rows)
 */
public record Delivery(
        long id,
        long incidentId,
        NotificationEvent event,
        Deadline deadline,
        Recipient recipient,
        String recipientUser,
        DeliveryChannel channel,
        String webhook,
        DeliveryStatus status,
        int attempts,
        String lastError,
        OffsetDateTime createdAt,
        OffsetDateTime lastAttemptAt,
        OffsetDateTime nextAttemptAt,
        OffsetDateTime deliveredAt) {}
