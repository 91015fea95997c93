package com.propertyservice.advisor.ruleset;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.system.AdvisorProperties;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Advisor} of the service, on the configured rules folder (or the jar's rules):
 * the one {@link EarlyRuleSetBuild} started, when the service was started by its {@code main},
 * otherwise built here.
 */
@Configuration(proxyBeanMethods = false)
class AdvisorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AdvisorConfiguration.class);

    @Bean
    Advisor advisor(AdvisorProperties properties, ObjectProvider<EarlyRuleSetBuild> earlyBuild) {
        EarlyRuleSetBuild early = earlyBuild.getIfAvailable();
        return early != null ? early.await() : load(properties);
    }

    static Advisor load(AdvisorProperties properties) {
        if (Files.isDirectory(properties.rulesDir())) {
            Advisor advisor = Advisor.fromDirectory(
                    properties.rulesDir(), properties.rules().limits());
            log.info("rules loaded from {}: version {}", properties.rulesDir().toAbsolutePath(), advisor.version());
            return advisor;
        }
        log.warn(
                "rules folder {} not found; using the rules carried in the jar",
                properties.rulesDir().toAbsolutePath());
        return Advisor.fromClasspath(properties.rules().limits());
    }
}
