package com.propertyservice.advisor.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Failed scenario expectations as problems of their scenario files, at the line of the expectation
 * that failed (each failure starts with the expectation's key), in every language they were written in.
 */
final class ScenarioProblems {

    private ScenarioProblems() {}

    static List<Problem> of(List<ScenarioResult> scenarios, RuleFiles files) {
        List<Problem> problems = new ArrayList<>();
        for (ScenarioResult scenario : scenarios) {
            if (scenario.passed()) {
                continue;
            }
            for (int i = 0; i < scenario.failures().size(); i++) {
                String english = scenario.failures().get(i);
                Map<Language, String> messages = new EnumMap<>(Language.class);
                for (Language language : Language.values()) {
                    List<String> translated = scenario.failures(language);
                    messages.put(
                            language,
                            Text.of("scenario.failed", i < translated.size() ? translated.get(i) : english)
                                    .in(language));
                }
                problems.add(new Problem(
                        scenario.file(),
                        expectationLine(files.get(scenario.file()), english),
                        null,
                        scenario.name(),
                        messages.get(Language.EN),
                        messages));
            }
        }
        return problems;
    }

    private static @Nullable Integer expectationLine(byte @Nullable [] scenario, String failure) {
        int colon = failure.indexOf(':');
        if (scenario == null || colon < 0) {
            return null;
        }
        String key = failure.substring(0, colon).split("\\.")[0];
        List<String> keys =
                failure.contains("expected no ") ? List.of(key + "Absent", key) : List.of(key, key + "Absent");
        String[] lines = new String(scenario, StandardCharsets.UTF_8).split("\\R", -1);
        for (String candidate : keys) {
            Pattern line = Pattern.compile("^\\s*" + Pattern.quote(candidate) + "\\s*:");
            for (int i = 0; i < lines.length; i++) {
                if (line.matcher(lines[i]).find()) {
                    return i + 1;
                }
            }
        }
        return null;
    }
}
