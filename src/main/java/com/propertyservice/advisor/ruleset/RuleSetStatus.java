package com.propertyservice.advisor.ruleset;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.RuleSetInfo;
import com.propertyservice.advisor.system.InstanceName;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * What this instance serves, for operators and the load balancer: {@code /actuator/info} names the instance, the
 * version it serves and (database mode) the newest publication; the health component {@code ruleSet} (part of
 * {@code /actuator/health/readiness}) is down while an instance does not serve the published version, at start
 * before its first activation, or after its gate refused a publication, so the load balancer sends it nothing.
 */
@Component("ruleSet")
class RuleSetStatus implements HealthIndicator, InfoContributor {

    private final Advisor advisor;
    private final RuleSetService service;

    RuleSetStatus(Advisor advisor, RuleSetService service) {
        this.advisor = advisor;
        this.service = service;
    }

    @Override
    public Health health() {
        Map<String, Object> details = details();
        if (!service.fromDatabase()) {
            return Health.up().withDetails(details).build();
        }
        RuleSetService.SyncState sync = service.syncState();
        return (sync.inSync() ? Health.up() : Health.outOfService())
                .withDetails(details)
                .build();
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("instance", InstanceName.get());
        builder.withDetail("ruleSet", details());
    }

    private Map<String, Object> details() {
        RuleSetInfo active = advisor.ruleSet();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", active.version());
        details.put("loadedAt", active.loadedAt().toString());
        details.put("source", service.fromDatabase() ? "database" : "folder");
        if (service.fromDatabase()) {
            RuleSetService.SyncState sync = service.syncState();
            details.put("inSync", sync.inSync());
            if (sync.published() != null) {
                details.put("publishedVersion", sync.published().version());
                details.put("publication", sync.published().id());
                details.put("publishedBy", sync.published().publishedBy());
                details.put("publishedAt", sync.published().publishedAt().toString());
            }
            details.put("lastFollowPreparedAhead", service.lastFollowPrepared());
            if (sync.rejected() > 0) {
                details.put("refusedPublication", sync.rejected());
                details.put("refusal", sync.rejection());
            }
        }
        return details;
    }
}
