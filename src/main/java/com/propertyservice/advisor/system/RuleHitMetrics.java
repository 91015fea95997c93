package com.propertyservice.advisor.system;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.RuleSetInfo;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * {@code advisor.rule.hits{rule=...}}: how often each rule fired since its rule set was loaded, read
 * from the active rule set whenever the registry is scraped, so a reload is reflected without a
 * restart. A gauge rather than a counter because a reload starts the hits again from zero. Rules
 * that arrive with a later rule set get their gauge on the next scrape of {@code advisor.rule.count}.
 */
@Component
class RuleHitMetrics implements MeterBinder {

    private final Advisor advisor;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile MeterRegistry registry;

    RuleHitMetrics(Advisor advisor) {
        this.advisor = advisor;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("advisor.rule.count", this, metrics -> metrics.refresh())
                .description("rules in the active rule set")
                .register(registry);
        refresh();
    }

    /** Registers a gauge for every rule of the active set not seen before; returns how many rules it has. */
    double refresh() {
        RuleSetInfo ruleSet = advisor.ruleSet();
        MeterRegistry target = registry;
        if (target != null) {
            for (RuleSetInfo.RuleInfo rule : ruleSet.rules()) {
                if (registered.add(rule.name())) {
                    Gauge.builder("advisor.rule.hits", advisor, a -> hits(a, rule.name()))
                            .description("times the rule fired since its rule set was loaded")
                            .tag("rule", rule.name())
                            .register(target);
                }
            }
        }
        return ruleSet.rules().size();
    }

    private static double hits(Advisor advisor, String rule) {
        return advisor.ruleSet().rules().stream()
                .filter(info -> info.name().equals(rule))
                .mapToLong(RuleSetInfo.RuleInfo::hits)
                .findFirst()
                .orElse(0);
    }
}
