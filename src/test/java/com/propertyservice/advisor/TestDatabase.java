package com.propertyservice.advisor;

/** Where a Spring test context keeps its data. */
public final class TestDatabase {

    /**
     * An in-memory H2 database of the context's own: with no URL Boot makes one named by a fresh UUID
     * ({@code spring.datasource.generate-unique-name}, on by default), so two contexts never share a database by
     * accident, while the test classes that share one context (and so one configuration) share it on purpose.
     * It overrides the file database application.properties names.
     */
    public static final String OWN_IN_MEMORY = "spring.datasource.url=";

    private TestDatabase() {}
}
