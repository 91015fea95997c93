package com.propertyservice.advisor.notify;

import com.propertyservice.advisor.system.AdvisorProperties;
import com.propertyservice.advisor.system.InstanceName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook rows, on every instance, every {@code advisor.notify.poll-interval}. Each row is claimed with
 * one conditional update before it is sent ({@link OutboxRepository#claim}): of several instances (or threads) that
 * see the same due row, one claims it and the others skip it, and the claim expires after
 * {@link NotifyProperties#lease()} so a row held by an instance that died is taken up again. A receiver's
 * acceptance marks the row delivered; anything else records the error and the next attempt, later each time
 * ({@link NotifyProperties.Retry}). Time is the injected {@link Clock}'s, so tests move it instead of sleeping.
 * Without webhooks configured no thread is started.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    /** Whose claim it is, for an operator reading the table; the UUID makes each claim unique (claimed_by: 200). */
    private static final String CLAIM_PREFIX =
            InstanceName.get().substring(0, Math.min(150, InstanceName.get().length())) + "/";

    private final OutboxRepository outbox;
    private final NotifyProperties properties;
    private final Clock clock;
    private final NotifyMetrics metrics;
    private final WebhookClient client;
    private ScheduledExecutorService executor;
    private long failedTicks;

    @Autowired
    DeliveryWorker(
            OutboxRepository outbox,
            NotifyProperties properties,
            AdvisorProperties advisor,
            ObjectProvider<Clock> clocks,
            NotifyMetrics metrics) {
        this(outbox, properties, advisor.defaultZone(), clocks.getIfUnique(Clock::systemUTC), metrics);
    }

    /** {@code zone}: the one messages tell times in; {@code clock}: the time rows are due by. */
    DeliveryWorker(
            OutboxRepository outbox, NotifyProperties properties, ZoneId zone, Clock clock, NotifyMetrics metrics) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
        this.client = new WebhookClient(properties.timeout(), clock, zone);
    }

    /**
     * One pass, now: claims and sends the rows due at this moment, at most {@code batch-size}; returns how many the
     * receivers took. The background loop calls it; tests call it to drive delivery step by step.
     */
    int deliverDue() {
        int delivered = 0;
        for (long id : outbox.due(clock.instant(), properties.batchSize())) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            Instant now = clock.instant();
            String claim = CLAIM_PREFIX + UUID.randomUUID();
            Optional<OutboxRow> claimed = outbox.claim(id, claim, now, now.plus(properties.lease()));
            if (claimed.isPresent() && deliver(claimed.get(), claim)) {
                delivered++;
            }
        }
        return delivered;
    }

    /** Sends one claimed row and writes down what came of it; true when the receiver took it. */
    private boolean deliver(OutboxRow row, String claim) {
        NotifyProperties.Webhook webhook = properties.webhook(row.webhook());
        WebhookClient.Outcome outcome;
        if (webhook == null) {
            // configuration changed under a queued row: keep it (naming the webhook again delivers it), say why
            outcome = new WebhookClient.Outcome(
                    "no webhook named '" + row.webhook() + "' is configured (advisor.notify.webhooks[N].name)");
        } else {
            try {
                outcome = client.send(row, webhook);
            } catch (InterruptedException e) {
                // shutting down mid-request: let the row go at once, it is tried again (the attempt stays counted)
                outbox.retryLater(row.id(), claim, clock.instant(), "interrupted by shutdown before an answer came");
                Thread.currentThread().interrupt();
                return false;
            }
        }
        WebhookFormat format = webhook == null ? null : webhook.kind();
        Instant done = clock.instant();
        if (outcome.delivered()) {
            if (!outbox.delivered(row.id(), claim, done)) {
                log.warn(
                        "notification {} was delivered but its claim had expired; another instance may send it again",
                        row.id());
            }
            metrics.delivered(format);
            return true;
        }
        Duration wait = properties.retry().delayAfter(row.attempts());
        outbox.retryLater(row.id(), claim, done.plus(wait), outcome.error());
        metrics.failed(format);
        log.info(
                "notification {} to {} failed (attempt {}): {}; next attempt in {}",
                row.id(),
                row.webhook(),
                row.attempts(),
                outcome.error(),
                wait);
        return false;
    }

    @Override
    public synchronized void start() {
        if (executor != null || properties.webhooks().isEmpty()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "notification-delivery");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
        log.info(
                "delivering notifications to {} webhook(s), looking every {}",
                properties.webhooks().size(),
                properties.pollInterval());
    }

    /**
     * Interrupts a delivery in flight (its row is let go at once, {@link #deliver}) and waits for the pass to end,
     * at most one request's timeout; rows not reached stay queued for the next start or another instance.
     */
    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(properties.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void tick() {
        try {
            deliverDue();
            failedTicks = 0;
        } catch (RuntimeException e) {
            // the database away for a moment: the rows are safe in it, try again on the next tick (an exception
            // escaping would end the schedule)
            if (failedTicks++ % 60 == 0) {
                log.warn(
                        "cannot deliver notifications ({}); retrying every {}",
                        e.getMessage(),
                        properties.pollInterval());
            }
        }
    }
}
