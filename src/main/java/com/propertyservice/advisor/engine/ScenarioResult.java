package com.propertyservice.advisor.engine;

import java.util.List;

/**
 * The outcome of one trainer scenario against a rule set.
 *
 * @param file       the scenario file, relative to the rules folder
 * @param name       the scenario's name
 * @param passed     whether every expectation held
 * @param failures   each expectation that did not hold, in words
 * @param firedRules the rules that fired for the scenario's incident
 */
public record ScenarioResult(String file, String name, boolean passed, List<String> failures, List<String> firedRules) {
    public ScenarioResult {
        failures = List.copyOf(failures);
        firedRules = List.copyOf(firedRules);
    }
}
