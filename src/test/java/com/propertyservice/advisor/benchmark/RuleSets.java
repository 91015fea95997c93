package com.propertyservice.advisor.benchmark;

import com.propertyservice.advisor.engine.EngineInternals;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.RuleFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The rule sets and incidents the benchmarks run on, all made from the project's rules/ folder. */
final class RuleSets {

    /** The knowledge base, relative to the project directory the commands run in. */
    static final Path RULES = Path.of(System.getProperty("advisor.rules", "rules"));

    static final String ISSUE_CATALOGUE = "catalogue/issues.drl.csv";

    private RuleSets() {}

    static RuleFiles full() {
        return RuleFiles.fromDirectory(RULES);
    }

    /**
     * The smallest valid rule set that still knows every issue key: the knowledge base's own issue
     * catalogue (one row per key) and nothing else, so what it costs is the engine's own cost.
     */
    static RuleFiles empty() {
        return RuleFiles.of(Map.of(ISSUE_CATALOGUE, full().get(ISSUE_CATALOGUE)));
    }

    /** The incidents of the trainer scenarios, in file order: the mix every benchmark and load test uses. */
    static List<Incident> scenarioIncidents() {
        List<Incident> incidents =
                List.copyOf(EngineInternals.scenarioIncidents(full()).values());
        if (incidents.isEmpty()) {
            throw new IllegalStateException(
                    "no trainer scenario under " + RULES.resolve("scenarios").toAbsolutePath());
        }
        return incidents;
    }

    /**
     * {@code count} generated rules in the shape of the knowledge base's (a fact pattern on the issue
     * and two inputs, an advice-only conclusion written with a plain call, both descriptions) for the build-time comparison.
     */
    static RuleFiles generated(int count) {
        StringBuilder drl = new StringBuilder("""
                package com.propertyservice.advisor.rules.generated;
                import com.propertyservice.advisor.engine.*;
                import com.propertyservice.advisor.engine.fact.Assessment;
                """);
        for (int i = 0; i < count; i++) {
            drl.append("""

                    rule "generated-%1$d"
                        @description("generated rule %1$d")
                        @descriptionEn("generated rule %1$d")
                    when
                        $a : Assessment( issue == "issue-%2$d", occurrences > %3$d, emotion == Emotion.%4$s )
                    then
                        $a.raisePriority(Priority.%5$s);
                    end
                    """.formatted(i, i % 50, i % 4, i % 2 == 0 ? "ANGRY" : "CALM", i % 3 == 0 ? "URGENT" : "HIGH"));
        }
        return RuleFiles.of(Map.of("generated/generated.drl", drl.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
