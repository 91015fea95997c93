package com.propertyservice.advisor.notify;

import com.propertyservice.advisor.process.PostgresCluster;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The same checks on PostgreSQL, the production database: the claim's conditional update must keep two instances
 * from sending one row there too, and a restart is a new pool on the same database.
 */
class DeliveryWorkerPostgresTest extends DeliveryWorkerTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final Map<String, PostgresCluster.Database> databases = new ConcurrentHashMap<>();

    @Override
    String newDatabase() {
        PostgresCluster.Database database = PostgresCluster.shared().database("notify_" + DATABASES.incrementAndGet());
        databases.put(database.url(), database);
        return database.url();
    }

    @Override
    String restartableDatabase(Path folder) {
        return newDatabase();
    }

    @Override
    OutboxDatabase open(String url, NotifyProperties properties) {
        PostgresCluster.Database database = databases.get(url);
        return new OutboxDatabase(url, database.username(), database.password(), properties, clock);
    }
}
