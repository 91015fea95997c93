package com.propertyservice.advisor.notify;

import com.propertyservice.advisor.engine.Deadline;
import com.propertyservice.advisor.engine.Recipient;
import com.propertyservice.advisor.incident.NotificationEvent;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What the caller wants said, to whom: the outbox turns it into one row per channel.
 *
 * @param incidentId    the incident it is about
 * @param event         what happened
 * @param deadline      the deadline concerned, or {@code null} (an assignment has none)
 * @param recipient     whom the rules address
 * @param recipientUser the username it is for (the assignee), or {@code null} for everyone {@code recipient} covers
 * @param text          the text for people, in the language the caller chose (the rules' texts); at most
 *                      {@link #MAX_TEXT} characters are kept
 * @param at            when it happened (the webhook's {@code at})
 */
public record Notification(
        long incidentId,
        NotificationEvent event,
        Deadline deadline,
        Recipient recipient,
        String recipientUser,
        String text,
        OffsetDateTime at) {

    /** The longest text a row keeps (the column's size); a longer one is cut, never refused. */
    public static final int MAX_TEXT = 4000;

    public Notification {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        if (recipientUser != null && recipientUser.isBlank()) {
            recipientUser = null;
        }
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT - 1) + "…";
        }
    }
}
