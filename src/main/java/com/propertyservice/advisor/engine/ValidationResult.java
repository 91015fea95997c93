package com.propertyservice.advisor.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What a candidate rule set is worth: its problems and its trainer scenarios' results.
 *
 * @param version   the candidate's version hash
 * @param problems  everything wrong with it; empty when it compiles cleanly
 * @param scenarios the result of every trainer scenario it carries (none when it does not compile)
 * @param warnings  things worth a look that do not block activation (e.g. overlapping decision-table rows)
 */
public record ValidationResult(
        String version, List<Problem> problems, List<ScenarioResult> scenarios, List<Problem> warnings) {

    public ValidationResult {
        problems = List.copyOf(problems);
        scenarios = List.copyOf(scenarios);
        warnings = List.copyOf(warnings);
    }

    /** True when it compiles cleanly and every scenario passes: the condition for activation. */
    public boolean valid() {
        return problems.isEmpty() && scenarios.stream().allMatch(ScenarioResult::passed);
    }

    /**
     * The problems, then each failed scenario expectation as a problem of its scenario file (at the
     * line of the expectation, in every language): what a trainer is shown.
     */
    public List<Problem> problemsWithScenarioFailures(RuleFiles files) {
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(ScenarioProblems.of(scenarios, files));
        return all;
    }

    /** The problems, then one line per failed scenario, for a log or a terminal. */
    public String report() {
        StringBuilder out = new StringBuilder();
        problems.forEach(p -> out.append("ERROR ").append(p).append('\n'));
        warnings.forEach(p -> out.append("WARN ").append(p).append('\n'));
        scenarios.stream()
                .filter(s -> !s.passed())
                .forEach(s -> s.failures()
                        .forEach(f -> out.append("SCENARIO ")
                                .append(s.file())
                                .append(" [")
                                .append(s.name())
                                .append("] ")
                                .append(f)
                                .append('\n')));
        return out.toString();
    }
}
