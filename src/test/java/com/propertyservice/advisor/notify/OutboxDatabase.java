package com.propertyservice.advisor.notify;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One "instance" of the feature for the tests without a Spring context: its own connection pool on a shared
 * database (the service's Flyway migrations applied), an outbox and a delivery worker over it, and its own metrics.
 * Two of them on one database URL are two instances; closing one and opening another is a restart.
 */
final class OutboxDatabase implements AutoCloseable {

    final HikariDataSource dataSource;
    final JdbcClient jdbc;
    final OutboxRepository repository;
    final NotificationOutbox outbox;
    final DeliveryWorker worker;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    OutboxDatabase(String url, String username, String password, NotifyProperties properties, Clock clock) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        this.dataSource = new HikariDataSource(config);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        this.jdbc = JdbcClient.create(dataSource);
        this.repository = new OutboxRepository(jdbc);
        this.outbox = new NotificationOutbox(repository, properties, clock);
        this.worker = new DeliveryWorker(
                repository, properties, ZoneId.of("Asia/Shanghai"), clock, new NotifyMetrics(meters, repository));
    }

    static OutboxDatabase h2(String url, NotifyProperties properties, Clock clock) {
        return new OutboxDatabase(url, "sa", "", properties, clock);
    }

    /** A counter's value on this instance, 0 when it never counted. */
    double count(String name, String format) {
        var counter = meters.find(name).tag("format", format).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        worker.stop();
        dataSource.close();
    }
}
