package com.propertyservice.advisor.system;

import com.propertyservice.advisor.engine.AdviceLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The advisor's own settings ({@code advisor.*}), each also settable as an environment variable
 * by relaxed binding ({@code ADVISOR_RULES_DIR}, {@code ADVISOR_SECURITY_API_KEYS}, ...).
 *
 * @param rulesDir    the rules folder; when it does not exist the rules carried in the jar are used
 * @param rules       how rule changes are activated
 * @param security    keys and the first user
 * @param defaultZone the zone of an incident reported without an offset (and of "now" when it has no
 *                    time at all); time rules read the incident's local time
 */
@ConfigurationProperties("advisor")
public record AdvisorProperties(@DefaultValue("rules") Path rulesDir,
                                @DefaultValue Rules rules,
                                @DefaultValue Security security,
                                @DefaultValue("Asia/Shanghai") ZoneId defaultZone) {

    /**
     * @param activation {@code publish}: only on demand (POST /api/rules/reload or the trainer page);
     *                   {@code watch}: also when files in the folder change, after a quiet period
     * @param debounce   the quiet period a changed folder must keep before it is loaded
     * @param timeBudget the longest the rules may work on one incident before they are stopped
     * @param maxFirings the most rule firings one incident may take
     */
    public record Rules(@DefaultValue("publish") String activation, @DefaultValue("2s") Duration debounce,
                        @DefaultValue("2s") Duration timeBudget, @DefaultValue("5000") int maxFirings) {

        /** The engine's limits for one advice. */
        public AdviceLimits limits() {
            return new AdviceLimits(timeBudget, maxFirings);
        }
    }

    /**
     * @param apiKeys                keys for integrating systems (never commit real keys)
     * @param bootstrapAdminPassword password of the first user {@code admin}, used only when no user exists
     */
    public record Security(@DefaultValue List<String> apiKeys, String bootstrapAdminPassword) {
    }
}
