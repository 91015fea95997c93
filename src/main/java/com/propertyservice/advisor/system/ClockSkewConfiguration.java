package com.propertyservice.advisor.system;

import org.hibernate.validator.HibernateValidatorConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code @PastOrPresent} on {@code reportedAt} and {@code visitedAt} with the tolerance of
 * {@code advisor.requests.clock-skew}: a caller's clock a few minutes ahead is fine, a date in the future
 * (year 3000, which would top every list) is a 400.
 */
@Configuration(proxyBeanMethods = false)
class ClockSkewConfiguration {

    @Bean
    ValidationConfigurationCustomizer clockSkewTolerance(AdvisorProperties properties) {
        return configuration -> {
            if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                hibernate.temporalValidationTolerance(properties.requests().clockSkew());
            }
        };
    }
}
