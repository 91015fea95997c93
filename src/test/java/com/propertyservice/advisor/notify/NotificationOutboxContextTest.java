package com.propertyservice.advisor.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propertyservice.advisor.system.AdvisorProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The feature as Spring wires it (the service's migrations, its transaction manager, the worker as a lifecycle
 * bean): a notification commits or rolls back with the caller's transaction, and the background worker delivers a
 * committed one without being asked.
 */
@JdbcTest(properties = "advisor.notify.poll-interval=100ms")
@Import({
    NotificationOutbox.class,
    OutboxRepository.class,
    DeliveryWorker.class,
    NotifyMetrics.class,
    NotificationOutboxContextTest.Wiring.class
})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class NotificationOutboxContextTest {

    static final LoopbackReceiver RECEIVER = new LoopbackReceiver();

    @TestConfiguration
    @EnableConfigurationProperties({NotifyProperties.class, AdvisorProperties.class})
    static class Wiring {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @DynamicPropertySource
    static void receiver(DynamicPropertyRegistry registry) {
        // a list binds from one property source only: every key of the webhook here, none in @JdbcTest's properties
        registry.add("advisor.notify.webhooks[0].url", () -> RECEIVER.url("/ops"));
        registry.add("advisor.notify.webhooks[0].name", () -> "ops");
        registry.add("advisor.notify.webhooks[0].format", () -> "generic");
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Autowired
    NotificationOutbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DeliveryWorker worker;

    @Test
    void aNotificationIsKeptExactlyWhenTheCallersTransactionCommits() {
        transactions.executeWithoutResult(status -> {
            outbox.enqueue(DeliveryWorkerTest.reminder(101));
            status.setRollbackOnly();
        });
        assertThat(outbox.deliveries(101))
                .as("rolled back with the reminder that caused it")
                .isEmpty();

        transactions.executeWithoutResult(status -> outbox.enqueue(DeliveryWorkerTest.reminder(102)));
        assertThat(outbox.deliveries(102))
                .extracting(Delivery::channel)
                .containsExactly(DeliveryChannel.IN_APP, DeliveryChannel.WEBHOOK);
    }

    @Test
    void theBackgroundWorkerDeliversACommittedNotificationWithoutBeingAsked() {
        assertThat(worker.isRunning()).isTrue();
        outbox.enqueue(DeliveryWorkerTest.reminder(201));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(outbox.deliveries(201))
                        .filteredOn(delivery -> delivery.channel() == DeliveryChannel.WEBHOOK)
                        .singleElement()
                        .extracting(Delivery::status)
                        .isEqualTo(DeliveryStatus.DELIVERED));
        assertThat(RECEIVER.accepted())
                .anySatisfy(received -> assertThat(received.body()).contains("\"incident\":201"));

        worker.stop();
        assertThat(worker.isRunning()).isFalse();
        worker.start();
    }
}
