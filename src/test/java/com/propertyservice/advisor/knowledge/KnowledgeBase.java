package com.propertyservice.advisor.knowledge;

import static org.junit.jupiter.api.Assertions.fail;

import com.propertyservice.advisor.engine.Advice;
import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.EngineInternals;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.Problem;
import com.propertyservice.advisor.engine.RuleFiles;
import com.propertyservice.advisor.engine.RuleSetException;
import com.propertyservice.advisor.engine.ScenarioResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The knowledge base in {@code rules/}, compiled once for all the tests of this package (a build
 * takes seconds). A folder that does not validate still yields its problems and scenario results,
 * so each test can say what is wrong instead of failing on construction.
 */
final class KnowledgeBase {

    /** The rules folder, relative to the project directory Maven runs the tests in. */
    static final Path RULES = Path.of("rules");

    record Loaded(Advisor advisor, List<Problem> problems, List<ScenarioResult> scenarios) {

        /** The advisor, or a failure naming every problem of the folder. */
        Advisor advisorOrFail() {
            if (advisor == null) {
                fail("rules/ does not validate:\n"
                        + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"))
                        + scenarios.stream()
                                .filter(s -> !s.passed())
                                .map(s -> "\nSCENARIO " + s.file() + " [" + s.name() + "] " + s.failures())
                                .collect(Collectors.joining()));
            }
            return advisor;
        }
    }

    private static Loaded loaded;

    private KnowledgeBase() {}

    static synchronized Loaded load() {
        if (loaded == null) {
            try {
                Advisor advisor = Advisor.fromDirectory(RULES);
                loaded = new Loaded(advisor, List.of(), advisor.runScenarios());
            } catch (RuleSetException e) {
                loaded = new Loaded(
                        null, e.validation().problems(), e.validation().scenarios());
            }
        }
        return loaded;
    }

    static Advisor advisor() {
        return load().advisorOrFail();
    }

    private static Map<String, Incident> scenarioIncidents;

    /** The incident of each trainer scenario of rules/ as the engine reads it, by scenario file, in file order. */
    static synchronized Map<String, Incident> scenarioIncidents() {
        if (scenarioIncidents == null) {
            scenarioIncidents = EngineInternals.scenarioIncidents(RuleFiles.fromDirectory(RULES));
        }
        return scenarioIncidents;
    }

    /** Every distinct text of one advice: reasons, step actions, actions, cautions, safety steps, warnings. */
    static Set<String> texts(Advice advice) {
        Set<String> texts = new LinkedHashSet<>();
        advice.principles().forEach(p -> texts.add(p.reason()));
        advice.steps().forEach(s -> texts.addAll(s.actions()));
        advice.actions().forEach(a -> texts.add(a.text()));
        texts.addAll(advice.cautions());
        texts.addAll(advice.safetySteps());
        texts.addAll(advice.warnings());
        return texts;
    }

    /** The advice the active knowledge base gives for each trainer scenario's incident, by scenario file. */
    static Map<String, Advice> scenarioAdvice(Language language) {
        Map<String, Advice> advice = new LinkedHashMap<>();
        scenarioIncidents()
                .forEach((file, incident) -> advice.put(file, advisor().advise(incident, language)));
        return advice;
    }
}
