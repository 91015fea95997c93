package com.propertyservice.advisor.knowledge;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.Problem;
import com.propertyservice.advisor.engine.RuleSetException;
import com.propertyservice.advisor.engine.ScenarioResult;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

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
                fail("rules/ does not validate:\n" + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"))
                        + scenarios.stream().filter(s -> !s.passed())
                        .map(s -> "\nSCENARIO " + s.file() + " [" + s.name() + "] " + s.failures()).collect(Collectors.joining()));
            }
            return advisor;
        }
    }

    private static Loaded loaded;

    private KnowledgeBase() {
    }

    static synchronized Loaded load() {
        if (loaded == null) {
            try {
                Advisor advisor = Advisor.fromDirectory(RULES);
                loaded = new Loaded(advisor, List.of(), advisor.runScenarios());
            } catch (RuleSetException e) {
                loaded = new Loaded(null, e.validation().problems(), e.validation().scenarios());
            }
        }
        return loaded;
    }

    static Advisor advisor() {
        return load().advisorOrFail();
    }
}
