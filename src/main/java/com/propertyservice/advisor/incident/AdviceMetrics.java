package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.Advice;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Counts advice by Kano factor and priority, and times how long the rules take. */
@Component
class AdviceMetrics {

    private final MeterRegistry registry;
    private final Timer latency;

    AdviceMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("advisor.advice.latency")
                .description("time to evaluate an incident against the active rules")
                .register(registry);
    }

    Advice timed(Supplier<Advice> evaluation) {
        Advice advice = latency.record(evaluation);
        Counter.builder("advisor.advice")
                .description("advice given, by Kano factor and priority")
                .tag("kano", String.valueOf(advice.kanoFactor()))
                .tag("priority", String.valueOf(advice.priority()))
                .register(registry)
                .increment();
        return advice;
    }
}
