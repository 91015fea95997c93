package com.propertyservice.advisor.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code advisor.notifications.delivered{format}} and {@code advisor.notifications.failed{format}} count webhook
 * attempts on this instance (a failed attempt is retried, so {@code failed} is not a loss: it says a receiver is
 * refusing or away); {@code advisor.notifications.pending} is the rows still waiting on all instances together, read
 * from the database when scraped. A pending count that keeps growing is the alarm (docs/deployment.md).
 */
@Component
class NotifyMetrics {

    private final MeterRegistry registry;

    NotifyMetrics(MeterRegistry registry, OutboxRepository outbox) {
        this.registry = registry;
        Gauge.builder("advisor.notifications.pending", outbox, OutboxRepository::pending)
                .description("webhook notifications not yet delivered (all instances)")
                .register(registry);
    }

    void delivered(WebhookFormat format) {
        counter("advisor.notifications.delivered", "webhook notifications delivered", format)
                .increment();
    }

    void failed(WebhookFormat format) {
        counter("advisor.notifications.failed", "webhook delivery attempts that failed (each is retried)", format)
                .increment();
    }

    private Counter counter(String name, String description, WebhookFormat format) {
        return Counter.builder(name)
                .description(description)
                .tag("format", format == null ? "unconfigured" : format.key())
                .register(registry);
    }
}
