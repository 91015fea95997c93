package com.propertyservice.advisor.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** What a {@code @WebMvcTest} of any feature needs from {@code system}: the real security, problems and JSON settings. */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdvisorProperties.class)
@Import({
    SecurityConfiguration.class,
    Problems.class,
    ApiKeys.class,
    JacksonConfiguration.class,
    CorrelationIdFilter.class
})
public class SecuritySliceConfiguration {}
