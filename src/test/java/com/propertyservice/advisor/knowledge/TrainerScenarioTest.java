package com.propertyservice.advisor.knowledge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.propertyservice.advisor.engine.Problem;
import com.propertyservice.advisor.engine.ScenarioResult;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every trainer scenario in {@code rules/scenarios/} as a test of its own, failing with the scenario's own messages. */
class TrainerScenarioTest {

    @TestFactory
    Stream<DynamicTest> eachTrainerScenarioHoldsAgainstTheRules() {
        KnowledgeBase.Loaded loaded = KnowledgeBase.load();
        List<Problem> problems = loaded.problems();
        if (!problems.isEmpty()) {
            return Stream.of(dynamicTest(
                    "rules/ compiles",
                    () -> fail(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")))));
        }
        assertFalse(loaded.scenarios().isEmpty(), "rules/scenarios/ holds no scenario");
        return loaded.scenarios().stream().map(TrainerScenarioTest::asTest);
    }

    private static DynamicTest asTest(ScenarioResult scenario) {
        return dynamicTest(
                scenario.file() + " — " + scenario.name(),
                () -> assertTrue(scenario.passed(), () -> String.join("\n", scenario.failures())));
    }
}
