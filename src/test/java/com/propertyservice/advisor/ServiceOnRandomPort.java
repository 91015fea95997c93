package com.propertyservice.advisor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a real socket (a random port), with {@link TestIncidents#API_KEY}, the bootstrap admin and a
 * database of its own, on the project's rules/ (which these tests only read). Every class so annotated, with no
 * configuration of its own, runs in one Spring context, started once: such a class must not depend on the
 * database holding only its own rows.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            TestDatabase.OWN_IN_MEMORY,
            "advisor.security.api-keys=" + TestIncidents.API_KEY,
            "advisor.security.bootstrap-admin-password=" + TestIncidents.ADMIN_PASSWORD
        })
public @interface ServiceOnRandomPort {}
