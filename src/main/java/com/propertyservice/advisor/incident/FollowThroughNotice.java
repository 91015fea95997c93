package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.Deadline;
import com.propertyservice.advisor.engine.Recipient;
import java.time.OffsetDateTime;

/**
 * A reminder or an escalation to be sent, published (as a Spring event) inside the transaction that records it in the
 * incident's timeline, so a listener that writes it to an outbox commits with it or not at all.
 *
 * @param incident      the incident's id
 * @param event         {@link TimelineEvent.Kind#REMINDED}, {@link TimelineEvent.Kind#ESCALATED} or
 *                      {@link TimelineEvent.Kind#BREACHED}
 * @param deadline      the deadline it concerns
 * @param recipient     whom it is for
 * @param recipientUser the user it is for when the recipient is one person (the assignee), else null
 * @param text          what they are told (the advice's language)
 * @param at            when it was due to go
 */
public record FollowThroughNotice(
        long incident,
        TimelineEvent.Kind event,
        Deadline deadline,
        Recipient recipient,
        String recipientUser,
        String text,
        OffsetDateTime at) {}
