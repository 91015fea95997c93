package com.propertyservice.advisor.engine;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two things tests and benchmarks in other packages need of the engine's package-private parts, and the
 * library's API rightly does not offer: a trainer scenario's incident without running the scenario, and a
 * compilation timed without the scenarios an activation runs after it. Test code only; an embedder cannot
 * reach either.
 */
public final class EngineInternals {

    private EngineInternals() {}

    /**
     * The incident of every trainer scenario ({@code scenarios/*.yaml}) among the files, by scenario file, in
     * file order (the order the engine reads them in); the rules themselves are not compiled.
     *
     * @throws IllegalArgumentException naming every problem of a scenario file that cannot be read
     */
    public static Map<String, Incident> scenarioIncidents(RuleFiles files) {
        Map<String, Incident> incidents = new LinkedHashMap<>();
        files.asMap().forEach((path, content) -> {
            if (FileKind.of(path) == FileKind.SCENARIO) {
                incidents.put(
                        path,
                        ScenarioLoader.read(path, new String(content, StandardCharsets.UTF_8))
                                .incident());
            }
        });
        return incidents;
    }

    /**
     * Compiles rule files as an activation does (both sandbox gates, every check) but runs none of their
     * scenarios: the build alone, for build-time measurements.
     *
     * @return the compiled rule set (opaque; a benchmark hands it to its black hole)
     * @throws IllegalStateException naming the problems when the files do not compile
     */
    public static Object compile(RuleFiles files) {
        RuleSetCompiler.Outcome outcome = RuleSetCompiler.compile(files);
        if (outcome.ruleSet() == null) {
            throw new IllegalStateException("does not compile: " + outcome.problems());
        }
        return outcome.ruleSet();
    }
}
