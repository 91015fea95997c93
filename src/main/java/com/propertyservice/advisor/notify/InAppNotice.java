package com.propertyservice.advisor.notify;

import com.propertyservice.advisor.engine.Deadline;
import com.propertyservice.advisor.engine.Recipient;
import com.propertyservice.advisor.incident.NotificationEvent;
import java.time.OffsetDateTime;

/** A notification as the supervisor's queue page lists it. */
public record InAppNotice(
        long id,
        long incidentId,
        NotificationEvent event,
        Deadline deadline,
        Recipient recipient,
        String recipientUser,
        String text,
        OffsetDateTime at,
        OffsetDateTime createdAt) {}
