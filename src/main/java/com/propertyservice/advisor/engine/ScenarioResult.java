package com.propertyservice.advisor.engine;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one trainer scenario against a rule set. Serializable: a page session, which may
 * live in the database, carries an activation's results to the next page.
 *
 * @param file        the scenario file, relative to the rules folder
 * @param name        the scenario's name
 * @param passed      whether every expectation held
 * @param failures    each expectation that did not hold, in words (English)
 * @param firedRules  the rules that fired for the scenario's incident
 * @param translations the failures in each language they were written in (empty: English only)
 */
public record ScenarioResult(
        String file,
        String name,
        boolean passed,
        List<String> failures,
        List<String> firedRules,
        Map<Language, List<String>> translations)
        implements Serializable {
    public ScenarioResult {
        failures = List.copyOf(failures);
        firedRules = List.copyOf(firedRules);
        Map<Language, List<String>> copy = new EnumMap<>(Language.class);
        if (translations != null) {
            translations.forEach((language, texts) -> copy.put(language, List.copyOf(texts)));
        }
        translations = copy.isEmpty() ? Map.of() : Map.copyOf(copy);
    }

    /** The failures in {@code language}, or in English where they have not been written in that language. */
    public List<String> failures(Language language) {
        return translations.getOrDefault(language, failures);
    }
}
