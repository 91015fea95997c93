package com.propertyservice.advisor.incident;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.propertyservice.advisor.engine.Advice;
import com.propertyservice.advisor.engine.Deadline;
import com.propertyservice.advisor.engine.Recipient;
import com.propertyservice.advisor.engine.Reminder;
import com.propertyservice.advisor.system.InstanceName;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;

/**
 * Keeps the clock on the promises an incident's advice made. Each reminder the advice plans ({@link Reminder}) and
 * each deadline's breach check is a persistent one-time step in db-scheduler's table: every instance polls it, exactly
 * one picks a due step, and steps survive restarts. A step's effects (timeline event, breach, notices) are written in
 * one transaction with a claim on the step's key ({@code follow_through_done}), so that a step run again after an
 * instance died in the middle of it does nothing twice. A step whose deadline was met, or recomputed (its due time is
 * part of its key), does nothing.
 *
 * <p>Step keys: {@code r|incident|deadline|dueMillis|index} for the advice's {@code index}-th reminder,
 * {@code b|incident|deadline|dueMillis} for the breach check at the deadline.
 */
@Component
class FollowThrough implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FollowThrough.class);
    static final String TASK = "follow-through";
    static final String SERVICE = "follow-through";

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
    private volatile boolean running;

    FollowThrough(FollowThroughRepository progress, IncidentRepository incidents, PlatformTransactionManager transactions,
                  ApplicationEventPublisher events, Clock clock, JsonMapper json, DataSource dataSource,
                  FollowThroughProperties properties, MeterRegistry meters) {
        this.progress = progress;
        this.incidents = incidents;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
        this.storedAdvice = IncidentService.storedAdvice(json);
        this.meters = meters;
        this.task = Tasks.oneTime(TASK).execute((instance, context) -> run(instance.getId()));
        // scheduling is a row in the table, written in the caller's transaction (on its connection: a second one per
        // request would let concurrent requests starve the pool), so no step exists for an incident rolled back;
        // possible whether or not this instance runs steps right now
        this.client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), task).build();
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
                    .tag("deadline", deadline.name()).register(meters);
            breaches(deadline);
        }
        for (Recipient recipient : Recipient.values()) {
            escalations(recipient);
        }
    }

    private Counter breaches(Deadline deadline) {
        return Counter.builder("advisor.follow-through.breaches").description("deadlines missed")
                .tag("deadline", deadline.name()).register(meters);
    }

    private Counter escalations(Recipient recipient) {
        return Counter.builder("advisor.follow-through.escalations").description("breaches passed up, by whom they went to")
                .tag("recipient", recipient.name()).register(meters);
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
            String step = "r|%d|%s|%d|%d".formatted(row.id(), deadline, dueMillis, i);
            boolean planned = client.scheduleIfNotExists(task.instance(step), at);
            log.debug("step {} planned for {} ({})", step, at, planned ? "new" : "there before");
        }
        client.scheduleIfNotExists(task.instance("b|%d|%s|%d".formatted(row.id(), deadline, dueMillis)), due.toInstant());
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
            if (row == null || row.due(deadline) == null || row.due(deadline).toInstant().toEpochMilli() != dueMillis
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
            } else {
                int number = progress.breach(incident, deadline, row.due(deadline), now);
                progress.event(incident, TimelineEvent.Kind.BREACHED, SERVICE, now, deadline, null, "#" + number);
                breaches(deadline).increment();
                for (Reminder reminder : advice.reminders()) {
                    if (reminder.trigger() == Reminder.Trigger.BREACH && reminder.deadline() == deadline
                            && reminder.breach() == number) {
                        tell(row, TimelineEvent.Kind.ESCALATED, deadline, reminder, now);
                        escalations(reminder.recipient()).increment();
                    }
                }
            }
        });
    }

    private void tell(FollowThroughRepository.Progress row, TimelineEvent.Kind kind, Deadline deadline, Reminder reminder,
                      OffsetDateTime now) {
        String user = reminder.recipient() == Recipient.ASSIGNEE ? row.assignee() : null;
        progress.event(row.id(), kind, SERVICE, now, deadline, reminder.recipient(), reminder.text());
        events.publishEvent(new FollowThroughNotice(row.id(), kind, deadline, reminder.recipient(), user, reminder.text(), now));
        log.info("incident {}: {} {} to {}{} ({})", row.id(), kind, deadline, reminder.recipient(),
                user == null ? "" : " " + user, reminder.rule());
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
