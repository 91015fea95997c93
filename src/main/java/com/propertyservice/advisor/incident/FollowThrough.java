package com.propertyservice.advisor.incident;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.propertyservice.advisor.engine.Advice;
import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.Deadline;
import com.propertyservice.advisor.engine.Recipient;
import com.propertyservice.advisor.engine.Reminder;
import com.propertyservice.advisor.system.InstanceName;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the clock on the promises an incident's advice made. Each reminder the advice plans ({@link Reminder}) and
 * each deadline's breach check is a persistent one-time step in db-scheduler's table: every instance polls it, exactly
 * one picks a due step, and steps survive restarts. A step's effects (timeline event, breach, notices) are written in
 * one transaction with a claim on the step's key ({@code follow_through_done}), so that a step run again after an
 * instance died in the middle of it does nothing twice. A step whose deadline was met, or recomputed (its due time is
 * part of its key), does nothing.
 *
 * <p>Step keys: {@code r|incident|deadline|dueMillis|index} for the advice's {@code index}-th reminder,
 * {@code b|incident|deadline|dueMillis} for the breach check at the deadline, and
 * {@code e|incident|deadline|dueMillis|index} for a breach message its row keeps to working time, held from the breach
 * until the next working hours.
 *
 * <p>Working time: a reminder or breach message whose row in the reminder table says "working time only" goes in the
 * working hours of {@code rules/calendar} (working-hours table, holidays, rest days), read in the estates' zone
 * ({@code advisor.follow-through.zone}) with the rules active when it is planned. A reminder that falls outside them
 * goes when they next begin, or not at all when that is past its deadline (the breach message then speaks); a held
 * breach message is dropped when the deadline is met before it goes (the breach stays on the timeline).
 */
@Component
class FollowThrough implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FollowThrough.class);
    static final String TASK = "follow-through";
    static final String SERVICE = "follow-through";
    /**
     * How far ahead an escalation held for working time looks for working hours; past it (a calendar without any) it
     * goes at once. Longer than any holiday run, so it never cuts a real one short.
     */
    private static final Duration ESCALATION_HORIZON = Duration.ofDays(31);

    private final FollowThroughRepository progress;
    private final IncidentRepository incidents;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectReader storedAdvice;
    private final OneTimeTask<Void> task;
    private final SchedulerClient client;
    private final Supplier<Scheduler> runners;
    private volatile Scheduler scheduler;
    private final MeterRegistry meters;
    private final Advisor advisor;
    private final ZoneId zone;
    private volatile boolean running;

    FollowThrough(
            FollowThroughRepository progress,
            IncidentRepository incidents,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            Clock clock,
            JsonMapper json,
            DataSource dataSource,
            FollowThroughProperties properties,
            MeterRegistry meters,
            Advisor advisor) {
        this.progress = progress;
        this.incidents = incidents;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
        this.storedAdvice = IncidentService.storedAdvice(json);
        this.meters = meters;
        this.advisor = advisor;
        this.zone = properties.zone();
        this.task = Tasks.oneTime(TASK).execute((instance, context) -> run(instance.getId()));
        // scheduling is a row in the table, written in the caller's transaction (on its connection: a second one per
        // request would let concurrent requests starve the pool), so no step exists for an incident rolled back;
        // possible whether or not this instance runs steps right now
        this.client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), task)
                .build();
        // a stopped db-scheduler cannot start again, and a context may be stopped and started (the test framework
        // pauses cached contexts): each start runs a new one
        this.runners = () -> Scheduler.create(dataSource, task)
                .clock(clock::instant)
                .pollingInterval(properties.pollInterval())
                .threads(2)
                .schedulerName(new SchedulerName.Fixed(InstanceName.get()))
                .build();
        // what an operator watches: deadlines still open (from the database, so every instance reports the same),
        // and this instance's breaches and escalations (Prometheus adds the instances up); all there from the start
        for (Deadline deadline : Deadline.values()) {
            Gauge.builder("advisor.follow-through.open-deadlines", () -> progress.open(deadline))
                    .description("incidents waiting for this deadline to be met, overdue ones included")
                    .tag("deadline", deadline.name())
                    .register(meters);
            breaches(deadline);
        }
        for (Recipient recipient : Recipient.values()) {
            escalations(recipient);
        }
    }

    private Counter breaches(Deadline deadline) {
        return Counter.builder("advisor.follow-through.breaches")
                .description("deadlines missed")
                .tag("deadline", deadline.name())
                .register(meters);
    }

    private Counter escalations(Recipient recipient) {
        return Counter.builder("advisor.follow-through.escalations")
                .description("breaches passed up, by whom they went to")
                .tag("recipient", recipient.name())
                .register(meters);
    }

    /** Plans the response and resolution steps of a just recorded incident (its deadlines set), in its transaction. */
    void planRecorded(long incident, Advice advice) {
        progress.progress(incident).ifPresent(row -> {
            plan(row, advice, Deadline.RESPOND, row.recordedAt());
            plan(row, advice, Deadline.RESOLVE, row.recordedAt());
        });
    }

    /** Plans the return-visit steps of a just resolved incident, in its transaction. */
    void planResolved(long incident) {
        progress.progress(incident).ifPresent(row -> plan(row, advice(incident), Deadline.FOLLOW_UP, row.resolvedAt()));
    }

    /** Plans the resolution steps of a just reopened incident (its new deadline from {@code at}), in its transaction. */
    void planReopened(long incident, OffsetDateTime at) {
        progress.progress(incident).ifPresent(row -> plan(row, advice(incident), Deadline.RESOLVE, at));
    }

    private void plan(FollowThroughRepository.Progress row, Advice advice, Deadline deadline, OffsetDateTime from) {
        OffsetDateTime due = row.due(deadline);
        if (due == null || from == null) {
            return;
        }
        long dueMillis = due.toInstant().toEpochMilli();
        List<Reminder> reminders = advice.reminders();
        for (int i = 0; i < reminders.size(); i++) {
            Reminder reminder = reminders.get(i);
            if (reminder.deadline() != deadline || reminder.trigger() != Reminder.Trigger.BEFORE) {
                continue;
            }
            Instant at = reminderTime(reminder, from.toInstant(), due.toInstant());
            if (reminder.workingTimeOnly()) {
                Instant working = workingTime(at, due.toInstant()).orElse(null);
                if (working == null || !working.isBefore(due.toInstant())) {
                    log.debug(
                            "incident {}: no working time before the {} deadline for a reminder ({}); the breach message speaks",
                            row.id(),
                            deadline,
                            reminder.rule());
                    continue;
                }
                at = working;
            }
            String step = "r|%d|%s|%d|%d".formatted(row.id(), deadline, dueMillis, i);
            boolean planned = client.scheduleIfNotExists(task.instance(step), at);
            log.debug("step {} planned for {} ({})", step, at, planned ? "new" : "there before");
        }
        client.scheduleIfNotExists(
                task.instance("b|%d|%s|%d".formatted(row.id(), deadline, dueMillis)), due.toInstant());
    }

    /**
     * The first moment at or after {@code at} in the working hours of the active rules' calendar, read in the estates'
     * zone, looking no further than {@code until}; empty when there is none by then.
     */
    private Optional<Instant> workingTime(Instant at, Instant until) {
        LocalDate first = at.atZone(zone).toLocalDate();
        LocalDate last = until.atZone(zone).toLocalDate();
        if (last.isBefore(first)) {
            last = first;
        } else if (last.isAfter(first.plusYears(1))) {
            last = first.plusYears(1);
        }
        return advisor.workingHours(first, last).next(at.atZone(zone), zone).map(ZonedDateTime::toInstant);
    }

    /** When a reminder goes: a share of the time from the start to the deadline, or a time before it (never before the start). */
    static Instant reminderTime(Reminder reminder, Instant from, Instant due) {
        Instant at = reminder.elapsed() != null
                ? from.plusMillis(Math.round(Duration.between(from, due).toMillis() * reminder.elapsed()))
                : due.minus(reminder.before() == null ? Duration.ZERO : reminder.before());
        return at.isBefore(from) ? from : at;
    }

    private void run(String step) {
        log.debug("step {} due", step);
        String[] parts = step.split("\\|");
        long incident = Long.parseLong(parts[1]);
        Deadline deadline = Deadline.valueOf(parts[2]);
        long dueMillis = Long.parseLong(parts[3]);
        transaction.executeWithoutResult(status -> {
            FollowThroughRepository.Progress row = progress.progress(incident).orElse(null);
            if (row == null
                    || row.due(deadline) == null
                    || row.due(deadline).toInstant().toEpochMilli() != dueMillis
                    || !row.pending(deadline)) {
                return; // met, or recomputed since: nothing to remind of
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (!progress.done(step, now)) {
                return; // carried out before
            }
            Advice advice = advice(incident);
            if (parts[0].equals("r")) {
                if (!now.isBefore(row.due(deadline))) {
                    return; // run late (every instance was down): the breach check says what is left to say
                }
                Reminder reminder = advice.reminders().get(Integer.parseInt(parts[4]));
                tell(row, TimelineEvent.Kind.REMINDED, deadline, reminder, now);
            } else if (parts[0].equals("e")) { // an escalation held until working time: the deadline is still unmet
                Reminder reminder = advice.reminders().get(Integer.parseInt(parts[4]));
                tell(row, TimelineEvent.Kind.ESCALATED, deadline, reminder, now);
                escalations(reminder.recipient()).increment();
            } else {
                int number = progress.breach(incident, deadline, row.due(deadline), now);
                progress.event(incident, TimelineEvent.Kind.BREACHED, SERVICE, now, deadline, null, "#" + number);
                breaches(deadline).increment();
                List<Reminder> reminders = advice.reminders();
                for (int i = 0; i < reminders.size(); i++) {
                    Reminder reminder = reminders.get(i);
                    if (reminder.trigger() != Reminder.Trigger.BREACH
                            || reminder.deadline() != deadline
                            || reminder.breach() != number) {
                        continue;
                    }
                    Instant working = reminder.workingTimeOnly()
                            ? workingTime(now.toInstant(), now.toInstant().plus(ESCALATION_HORIZON))
                                    .orElse(now.toInstant())
                            : now.toInstant();
                    if (working.isAfter(now.toInstant())) {
                        client.scheduleIfNotExists(
                                task.instance("e|%d|%s|%d|%d".formatted(incident, deadline, dueMillis, i)), working);
                        log.info(
                                "incident {}: {} {} to {} held until working time, {} ({})",
                                incident,
                                TimelineEvent.Kind.ESCALATED,
                                deadline,
                                reminder.recipient(),
                                working,
                                reminder.rule());
                    } else {
                        tell(row, TimelineEvent.Kind.ESCALATED, deadline, reminder, now);
                        escalations(reminder.recipient()).increment();
                    }
                }
            }
        });
    }

    private void tell(
            FollowThroughRepository.Progress row,
            TimelineEvent.Kind kind,
            Deadline deadline,
            Reminder reminder,
            OffsetDateTime now) {
        String user = reminder.recipient() == Recipient.ASSIGNEE ? row.assignee() : null;
        progress.event(row.id(), kind, SERVICE, now, deadline, reminder.recipient(), reminder.text());
        events.publishEvent(
                new FollowThroughNotice(row.id(), kind, deadline, reminder.recipient(), user, reminder.text(), now));
        log.info(
                "incident {}: {} {} to {}{} ({})",
                row.id(),
                kind,
                deadline,
                reminder.recipient(),
                user == null ? "" : " " + user,
                reminder.rule());
    }

    private Advice advice(long incident) {
        return storedAdvice.readValue(incidents.findById(incident).orElseThrow().adviceJson());
    }

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            scheduler = runners.get();
            scheduler.start();
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
