package com.propertyservice.advisor.ruleset;

import com.propertyservice.advisor.system.AdvisorProperties;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * With {@code advisor.rules.source=database}: looks for a newer publication every
 * {@code advisor.rules.sync-interval} (250 ms) and has {@link RuleSetService#follow} activate it. Polling one
 * indexed row was chosen over PostgreSQL's LISTEN/NOTIFY: it works the same on H2 and PostgreSQL, needs no
 * connection held open outside the pool, and cannot miss a notification sent while an instance was down or
 * its connection broke; its cost is eight primary-key reads a second per instance. Each tick also reads the newest
 * announced candidate, which this instance puts through its gate while the publishing one does, so the activation
 * on publication is a swap (docs/performance.md).
 */
@Component
class RuleSetSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RuleSetSync.class);

    private final RuleSetService service;
    private final RuleSetHistory history;
    private final Duration interval;
    private final boolean enabled;
    private volatile boolean running;
    private Thread thread;

    RuleSetSync(RuleSetService service, RuleSetHistory history, AdvisorProperties properties) {
        this.service = service;
        this.history = history;
        this.interval = properties.rules().syncInterval();
        this.enabled = properties.rules().fromDatabase();
    }

    @Override
    public synchronized void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "rule-set-sync");
        thread.setDaemon(true);
        thread.start();
        log.info("following the rule set published in the database every {}", interval);
    }

    @Override
    public synchronized void stop() {
        running = false;
        RuleFolderWatcher.interruptAndWait(thread);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Once, now: what the loop does at each tick (the tests call it to avoid waiting). */
    void poll() {
        service.prepareAhead(history.latestCandidate());
        Optional<RuleSetHistory.Publication> latest = history.latestPublication();
        latest.ifPresent(service::follow);
    }

    private void loop() {
        long failures = 0;
        while (running) {
            try {
                poll();
                failures = 0;
            } catch (RuntimeException e) {
                // the database away for a moment, a pool exhausted: keep the version running and try again
                if (failures++ % 40 == 0) {
                    log.warn("cannot read the published rule set ({}); retrying every {}", e.getMessage(), interval);
                }
            }
            try {
                Thread.sleep(Math.max(10, interval.toMillis()));
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
