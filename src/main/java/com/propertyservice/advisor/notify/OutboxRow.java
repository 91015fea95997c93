package com.propertyservice.advisor.notify;

import com.propertyservice.advisor.engine.Deadline;
import com.propertyservice.advisor.engine.Recipient;
import com.propertyservice.advisor.incident.NotificationEvent;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A webhook row a worker has claimed: what it needs to send it. {@code attempts} counts this attempt. */
record OutboxRow(
        long id,
        long incidentId,
        NotificationEvent event,
        Deadline deadline,
        Recipient recipient,
        String recipientUser,
        String text,
        OffsetDateTime at,
        String webhook,
        int attempts) {

    /**
     * The row with {@code at} told in {@code zone}: PostgreSQL keeps the instant, not the offset it was given, and a
     * supervisor in Shanghai should read 10:00, not 02:00 UTC, whichever database the service runs on.
     */
    OutboxRow inZone(ZoneId zone) {
        return new OutboxRow(
                id,
                incidentId,
                event,
                deadline,
                recipient,
                recipientUser,
                text,
                at.atZoneSameInstant(zone).toOffsetDateTime(),
                webhook,
                attempts);
    }
}
