package com.propertyservice.advisor.ruleset;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.system.AdvisorProperties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts compiling the rule set on a thread of its own as soon as the configuration is known, before
 * Spring creates any bean. On a cold JVM the build (Drools, the Java compiler for the consequences,
 * POI for the spreadsheet, then the trainer scenarios) takes seconds, about as long as the rest of
 * the start, so the two run side by side instead of one after the other; the {@code advisor} bean
 * waits for it ({@link AdvisorConfiguration}). A rule set that does not validate still stops the
 * start, with the same exception. The service's {@code main} adds it; a context without it (the
 * tests' slices) builds the rule set when the bean is created.
 */
public final class EarlyRuleSetBuild implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private FutureTask<Advisor> build;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // the same binding the AdvisorProperties bean will get, which does not exist yet
        AdvisorProperties properties =
                Binder.get(context.getEnvironment()).bindOrCreate("advisor", AdvisorProperties.class);
        build = new FutureTask<>(() -> AdvisorConfiguration.load(properties));
        Thread thread = new Thread(build, "rule-set-build");
        thread.setDaemon(true); // a start that fails elsewhere must not wait for it
        thread.start();
        context.getBeanFactory().registerSingleton(EarlyRuleSetBuild.class.getName(), this);
    }

    /** The advisor once the build is done; the build's own exception if it failed. */
    Advisor await() {
        if (build == null) {
            throw new IllegalStateException("the early rule-set build was registered but never started");
        }
        try {
            return build.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rule set to compile", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime; // RuleSetException with the problems, as when the build runs on the caller's thread
            }
            throw new IllegalStateException("the rule set could not be loaded", e.getCause());
        }
    }
}
