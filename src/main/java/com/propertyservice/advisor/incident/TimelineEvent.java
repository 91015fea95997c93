package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.Deadline;
import com.propertyservice.advisor.engine.Recipient;
import java.time.OffsetDateTime;

/**
 * One event in an incident's timeline.
 *
 * @param kind      what happened
 * @param actor     who did it: a username, {@code api-key:…}, or {@code follow-through} for the service's own steps
 * @param at        when
 * @param deadline  the deadline it concerns (reminders, breaches, escalations), else null
 * @param recipient whom a reminder or escalation went to, else null
 * @param detail    the note, the assignee, or the text sent
 * @param delivery  for a reminder or escalation, how its notifications fared (null where none were sent)
 */
public record TimelineEvent(
        Kind kind,
        String actor,
        OffsetDateTime at,
        Deadline deadline,
        Recipient recipient,
        String detail,
        String delivery) {

    /** The kinds of event, in the order they usually come. */
    public enum Kind {
        RECORDED,
        ASSIGNED,
        ACKNOWLEDGED,
        REMINDED,
        BREACHED,
        ESCALATED,
        NOTIFIED,
        RESOLVED,
        FOLLOWED_UP,
        REOPENED
    }
}
