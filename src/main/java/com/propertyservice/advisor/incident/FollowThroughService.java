package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.system.ApiProblemException;
import com.propertyservice.advisor.user.UserService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An incident's life after it is recorded (contract 1.2): OPEN → ACKNOWLEDGED → RESOLVED → FOLLOWED_UP, with its
 * assignee, its timeline and the open deadlines of all incidents. A step out of order is a 409 that says where the
 * incident stands; each step is one conditional update, so of two people acting at once only one can succeed.
 */
@Service
public class FollowThroughService {

    /** The most deadlines a queue lists. */
    public static final int MAX_DUE = 500;

    /** Which open deadlines a queue shows. */
    public enum Due {
        /** past their time */
        OVERDUE,
        /** past, or falling due within {@code advisor.follow-through.due-soon} */
        SOON;

        /**
         * The value of {@code ?due=}, as the contract writes it ({@code overdue}, {@code soon}) or in capitals.
         *
         * @throws ApiProblemException 400 naming {@code due} for any other value
         */
        public static Due of(String value) {
            for (Due due : values()) {
                if (due.name().equalsIgnoreCase(value.strip())) {
                    return due;
                }
            }
            throw ApiProblemException.invalidField("due", "incident.due", value);
        }
    }

    private final IncidentService incidents;
    private final FollowThroughRepository progress;
    private final FollowThrough followThrough;
    private final UserService users;
    private final ObjectProvider<NoticeDeliveries> deliveries;
    private final FollowThroughProperties properties;
    private final Clock clock;

    FollowThroughService(
            IncidentService incidents,
            FollowThroughRepository progress,
            FollowThrough followThrough,
            UserService users,
            ObjectProvider<NoticeDeliveries> deliveries,
            FollowThroughProperties properties,
            Clock clock) {
        this.incidents = incidents;
        this.progress = progress;
        this.followThrough = followThrough;
        this.users = users;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The first response to the complainant was made.
     *
     * @throws ApiProblemException 404 when there is no such incident, 409 when it was acknowledged or resolved before
     */
    @Transactional
    public IncidentView acknowledge(long id, String actor) {
        OffsetDateTime now = now();
        if (!progress.acknowledge(id, now, actor)) {
            throw outOfOrder(id, "incident.acknowledge-out-of-order");
        }
        progress.event(id, TimelineEvent.Kind.ACKNOWLEDGED, actor, now, null, null, null);
        return incidents.get(id);
    }

    /**
     * Gives the incident to a user who may log in.
     *
     * @throws ApiProblemException 400 naming {@code assignee} when there is no such user (or they are disabled), 404
     *                             when there is no such incident, 409 when it is followed up already
     */
    @Transactional
    public IncidentView assign(long id, String assignee, String actor) {
        Objects.requireNonNull(assignee, "assignee");
        String user = users.enabledUser(assignee)
                .orElseThrow(() -> ApiProblemException.invalidField("assignee", "incident.unknown-assignee", assignee));
        if (!progress.assign(id, user)) {
            throw outOfOrder(id, "incident.assign-out-of-order");
        }
        progress.event(id, TimelineEvent.Kind.ASSIGNED, actor, now(), null, null, user);
        return incidents.get(id);
    }

    /**
     * Marks the incident resolved with a note; the return visit falls due after the advice's follow-up time.
     *
     * @throws ApiProblemException 404 when there is no such incident, 409 when it is resolved or followed up already
     */
    @Transactional
    public IncidentView resolve(long id, String note, String actor) {
        OffsetDateTime now = now();
        IncidentView before = incidents.get(id);
        OffsetDateTime followUpBy = before.advice() == null
                        || before.advice().followUp() == null
                        || before.advice().followUp().within() == null
                ? null
                : now.plus(before.advice().followUp().within());
        if (!progress.resolve(id, now, actor, note, followUpBy)) {
            throw outOfOrder(id, "incident.already-resolved");
        }
        progress.event(id, TimelineEvent.Kind.RESOLVED, actor, now, null, null, note);
        followThrough.planResolved(id);
        return incidents.get(id);
    }

    /**
     * Reopens an incident whose problem turns out not to be solved (the return visit found it so, or the complainant
     * came back): it is ACKNOWLEDGED again, with a new resolution deadline of the advice's resolve time from now, and
     * the clock runs on it as on the first (reminder, breach, escalation; breaches go on counting). The return visit
     * falls due again after the next resolution.
     *
     * @throws ApiProblemException 404 when there is no such incident, 409 when it is not resolved or followed up
     */
    @Transactional
    public IncidentView reopen(long id, String note, String actor) {
        OffsetDateTime now = now();
        IncidentView before = incidents.get(id);
        OffsetDateTime resolveBy = before.advice() == null || before.advice().resolveWithin() == null
                ? null
                : now.plus(before.advice().resolveWithin());
        if (!progress.reopen(id, resolveBy)) {
            throw outOfOrder(id, "incident.reopen-out-of-order");
        }
        progress.event(id, TimelineEvent.Kind.REOPENED, actor, now, null, null, note);
        followThrough.planReopened(id, now);
        return incidents.get(id);
    }

    /**
     * Every event of the incident with who and when, oldest first, with how its notifications fared.
     *
     * @throws ApiProblemException 404 when there is no such incident
     */
    @Transactional(readOnly = true)
    public List<TimelineEvent> timeline(long id) {
        incidents.get(id);
        List<TimelineEvent> events = new ArrayList<>(progress.timeline(id));
        deliveries.ifAvailable(delivered -> events.addAll(delivered.of(id)));
        events.sort(Comparator.comparing(TimelineEvent::at));
        return events;
    }

    /** Open deadlines, soonest first, optionally of one assignee. */
    @Transactional(readOnly = true)
    public List<DueDeadline> due(Due which, String assignee) {
        OffsetDateTime now = now();
        return progress.due(which == Due.OVERDUE ? now : now.plus(properties.dueSoon()), assignee, MAX_DUE);
    }

    /** Every open deadline of the incidents assigned to {@code assignee}, soonest first, however far off. */
    @Transactional(readOnly = true)
    public List<DueDeadline> assigned(String assignee) {
        Objects.requireNonNull(assignee, "assignee");
        // the end of any deadline a rule could set: "every" without a special case in the query
        return progress.due(now().plusYears(100), assignee, MAX_DUE);
    }

    private OffsetDateTime now() {
        // microseconds, what both databases keep
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private ApiProblemException outOfOrder(long id, String message) {
        IncidentStatus status = incidents.get(id).status(); // 404 when there is none
        return new ApiProblemException(HttpStatus.CONFLICT, "conflict", message, id, status);
    }
}
