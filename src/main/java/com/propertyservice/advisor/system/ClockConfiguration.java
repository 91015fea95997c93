package com.propertyservice.advisor.system;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock the service reads time from where it keeps time (deadlines, reminders), so tests can drive it. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** The system's; a test (or an embedder) that registers a clock of its own before the context starts keeps it. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
