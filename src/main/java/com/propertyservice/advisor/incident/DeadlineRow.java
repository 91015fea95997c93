package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.Deadline;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One promise of an incident as its page shows it: when it falls due, when its step was taken, and where it stands.
 *
 * @param deadline which promise
 * @param due      when it falls due
 * @param state    where it stands now
 * @param doneAt   when its step was taken, or null
 */
record DeadlineRow(Deadline deadline, OffsetDateTime due, State state, OffsetDateTime doneAt) {

    /** Where a promise stands. */
    enum State {
        /** its step was taken in time */
        MET,
        /** still to do, and there is time */
        PENDING,
        /** still to do, and its time has passed (the breach check records it shortly) */
        OVERDUE,
        /** its time passed without the step: recorded as a breach, or the step came late */
        BREACHED
    }

    /** The incident's deadlines that have a time, in the order they come: response, resolution, return visit. */
    static List<DeadlineRow> of(IncidentView incident, OffsetDateTime now) {
        List<DeadlineRow> rows = new ArrayList<>();
        IncidentView.Deadlines deadlines = incident.deadlines();
        if (deadlines == null) {
            return rows;
        }
        add(rows, incident, Deadline.RESPOND, deadlines.respondBy(), incident.respondedAt(), now);
        add(rows, incident, Deadline.RESOLVE, deadlines.resolveBy(), incident.resolvedAt(), now);
        add(
                rows,
                incident,
                Deadline.FOLLOW_UP,
                deadlines.followUpBy(),
                incident.status() == IncidentStatus.FOLLOWED_UP ? incident.followedUpAt() : null,
                now);
        return rows;
    }

    private static void add(
            List<DeadlineRow> rows,
            IncidentView incident,
            Deadline deadline,
            OffsetDateTime due,
            OffsetDateTime doneAt,
            OffsetDateTime now) {
        if (due == null) {
            return;
        }
        boolean breached = incident.breaches() != null
                && incident.breaches().stream().anyMatch(breach -> breach.deadline() == deadline);
        State state;
        if (breached || doneAt != null && doneAt.isAfter(due)) {
            state = State.BREACHED;
        } else if (doneAt != null) {
            state = State.MET;
        } else {
            state = due.isAfter(now) ? State.PENDING : State.OVERDUE;
        }
        rows.add(new DeadlineRow(deadline, due, state, doneAt));
    }
}
