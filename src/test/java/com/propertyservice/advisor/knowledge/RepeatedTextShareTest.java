package com.propertyservice.advisor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.engine.Advice;
import com.propertyservice.advisor.engine.Language;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Advice that says the same thing to everyone is boilerplate a supervisor learns to skip: no text may
 * stand in more than three quarters of all trainer scenario answers, unless the rules mark it as
 * universal (it sits in {@code texts/universal.<language>.properties}, because it truly applies to
 * every contact). The most repeated text and its share are printed on every run.
 */
class RepeatedTextShareTest {

    static final double MAX_SHARE = 0.75;

    @Test
    void noTextButAUniversalOneStandsInMoreThanThreeQuartersOfTheScenarioAnswers() throws IOException {
        Map<String, Advice> answers = KnowledgeBase.scenarioAdvice(Language.ZH_CN);
        assertThat(answers).hasSizeGreaterThanOrEqualTo(60);
        Set<String> universal = universalTexts(Language.ZH_CN);
        Map<String, Integer> answersWith = new HashMap<>();
        for (Advice advice : answers.values()) {
            KnowledgeBase.texts(advice).forEach(text -> answersWith.merge(text, 1, Integer::sum));
        }
        List<Map.Entry<String, Integer>> ranked = answersWith.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .toList();
        Map.Entry<String, Integer> top = ranked.get(0);
        System.out.printf(
                "most repeated advice text: %d of %d scenario answers (%.2f): %s%n",
                top.getValue(), answers.size(), top.getValue() / (double) answers.size(), top.getKey());
        List<String> tooCommon = ranked.stream()
                .filter(e -> e.getValue() > MAX_SHARE * answers.size() && !universal.contains(e.getKey()))
                .map(e -> e.getValue() + "/" + answers.size() + " " + e.getKey())
                .toList();
        assertThat(tooCommon)
                .as("texts in more than 3/4 of the answers that the rules do not mark universal")
                .isEmpty();
    }

    /** The wording of the codes the rules mark universal (none is an answer too). */
    private static Set<String> universalTexts(Language language) throws IOException {
        Path file = KnowledgeBase.RULES.resolve("texts").resolve("universal." + language.tag() + ".properties");
        Set<String> texts = new LinkedHashSet<>();
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties
                    .stringPropertyNames()
                    .forEach(code -> texts.add(properties.getProperty(code).strip()));
        }
        return texts;
    }
}
