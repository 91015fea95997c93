package com.propertyservice.advisor.knowledge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.RuleSetInfo;
import com.propertyservice.advisor.engine.ScenarioResult;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every rule, and so every decision-table row, is fired by at least one trainer scenario: a rule
 * no scenario reaches is knowledge nobody has checked.
 */
class RuleCoverageTest {

    @Test
    void everyRuleAndTableRowIsFiredByAtLeastOneScenario() {
        Advisor advisor = KnowledgeBase.advisor();
        Set<String> fired = new HashSet<>();
        for (ScenarioResult scenario : advisor.runScenarios()) {
            fired.addAll(scenario.firedRules());
        }
        List<String> unfired = advisor.ruleSet().rules().stream()
                .filter(rule -> !fired.contains(rule.name()))
                .map(RuleCoverageTest::describe)
                .toList();
        assertTrue(
                unfired.isEmpty(),
                () -> unfired.size()
                        + " rule(s) fired by no scenario; add a scenario under rules/scenarios/ that reaches each:\n"
                        + String.join("\n", unfired));
    }

    private static String describe(RuleSetInfo.RuleInfo rule) {
        return "  " + rule.name() + " (" + rule.file() + (rule.line() == null ? "" : ":" + rule.line()) + ") "
                + rule.descriptionEn();
    }
}
