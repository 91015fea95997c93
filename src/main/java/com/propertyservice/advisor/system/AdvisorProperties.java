package com.propertyservice.advisor.system;

import com.propertyservice.advisor.engine.AdviceLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The advisor's own settings ({@code advisor.*}), each also settable as an environment variable
 * by relaxed binding ({@code ADVISOR_RULES_DIR}, {@code ADVISOR_SECURITY_API_KEYS}, ...).
 *
 * @param rulesDir    the rules folder; when it does not exist the rules carried in the jar are used
 * @param rules       how rule changes are activated
 * @param security    keys, the first user, log-in throttling
 * @param requests    limits on what requests may say
 * @param defaultZone the zone of an incident reported without an offset (and of "now" when it has no
 *                    time at all); time rules read the incident's local time
 */
@ConfigurationProperties("advisor")
public record AdvisorProperties(
        @DefaultValue("rules") Path rulesDir,
        @DefaultValue Rules rules,
        @DefaultValue Security security,
        @DefaultValue Requests requests,
        @DefaultValue("Asia/Shanghai") ZoneId defaultZone) {

    /**
     * @param activation how rule changes go live ({@code publish} or {@code watch}); any other value stops the
     *                   start with a message that lists the allowed ones
     * @param debounce   the quiet period a changed folder must keep before it is loaded
     * @param timeBudget the longest the rules may work on one incident before they are stopped
     * @param maxFirings the most rule firings one incident may take
     * @param source     {@code folder}: the rules folder is the truth (one instance, trainers working on files);
     *                   {@code database}: the newest version published in the database is, and every instance
     *                   activates it (several instances; the {@code postgres} profile sets it)
     * @param syncInterval how often an instance looks for a newer publication ({@code source=database})
     */
    public record Rules(
            @DefaultValue("publish") Activation activation,
            @DefaultValue("2s") Duration debounce,
            @DefaultValue("2s") Duration timeBudget,
            @DefaultValue("5000") int maxFirings,
            @DefaultValue("folder") String source,
            @DefaultValue("250ms") Duration syncInterval) {

        /** How rule changes go live ({@code advisor.rules.activation}, bound case-insensitively). */
        public enum Activation {
            /** Only on demand: {@code POST /api/rules/reload}, a publication, or the trainer page. */
            PUBLISH,
            /** Also when files in the rules folder change, once the folder has been quiet for the debounce period. */
            WATCH
        }

        /** Whether the database, not the folder, holds the rule set every instance must serve. */
        public boolean fromDatabase() {
            return "database".equalsIgnoreCase(source);
        }

        /** The engine's limits for one advice. */
        public AdviceLimits limits() {
            return new AdviceLimits(timeBudget, maxFirings);
        }
    }

    /**
     * @param apiKeys                keys for integrating systems (never commit real keys)
     * @param bootstrapAdminPassword password of the first user {@code admin}, used only when no user exists
     * @param throttle               how many failed log-ins are checked before the next must wait
     * @param metricsKeys            bearer tokens a Prometheus server scrapes {@code /actuator/prometheus} with
     *                               (env {@code ADVISOR_SECURITY_METRICS_KEYS}); they open nothing else
     */
    public record Security(
            @DefaultValue List<String> apiKeys,
            String bootstrapAdminPassword,
            @DefaultValue Throttle throttle,
            @DefaultValue List<String> metricsKeys) {}

    /**
     * Log-in throttling: each username and each client address may fail this many password checks, and
     * gets them back gradually over {@code window}; a correct password costs nothing.
     */
    public record Throttle(
            @DefaultValue("10") int perUser,
            @DefaultValue("30") int perAddress,
            @DefaultValue("15m") Duration window) {}

    /**
     * @param clockSkew how far in the future a {@code reportedAt} or {@code visitedAt} may lie (clocks differ)
     */
    public record Requests(@DefaultValue("5m") Duration clockSkew) {}
}
