package com.propertyservice.advisor;

import com.propertyservice.advisor.process.PostgresCluster;
import java.nio.file.Path;
import java.util.List;

/**
 * The full stack on PostgreSQL with the production profile ({@code postgres}): the same migrations, the rule set
 * published to and activated from the database, the same answers, and a restart that keeps the records.
 */
class ServiceFullStackPostgresTest extends ServiceFullStackTest {

    private PostgresCluster.Database database;

    @Override
    List<String> database(Path data) {
        if (database == null) {
            database = PostgresCluster.shared().database("full_stack");
        }
        return List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password());
    }
}
