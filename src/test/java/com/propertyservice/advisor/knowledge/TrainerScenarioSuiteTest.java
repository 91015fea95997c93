package com.propertyservice.advisor.knowledge;

import com.propertyservice.advisor.engine.Escalation;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.Principle;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.engine.Temperament;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer scenarios cover what the knowledge base must be shown to handle: the deck's four
 * cases, two incidents per service area, every Kano factor, every principle and escalation level,
 * the complainant types and a case where we are not at fault. (That they pass is
 * {@link TrainerScenarioTest}'s job; this test checks that the suite asks the right questions.)
 */
class TrainerScenarioSuiteTest {

    private static final List<Map<String, Object>> SCENARIOS = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readScenarios() throws IOException {
        try (Stream<Path> files = Files.list(KnowledgeBase.RULES.resolve("scenarios"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Map<String, Object> scenario = new Yaml(new SafeConstructor(new LoaderOptions()))
                        .load(Files.readString(file, StandardCharsets.UTF_8));
                scenario.put("file", file.getFileName().toString());
                SCENARIOS.add(scenario);
            }
        }
    }

    @Test
    void eachOfTheDecksFourCasesHasAScenarioThatChecksItsRule() {
        for (String rule : List.of("案例A 不归物业管的事", "案例B 业主为实际需要违规", "案例C 第三方一再违背承诺", "案例D 业主侵占他人权益")) {
            assertTrue(SCENARIOS.stream().anyMatch(s -> list(expect(s).get("firedRules")).contains(rule)),
                    () -> "no scenario expects the deck's case rule '" + rule + "' to fire");
        }
    }

    @Test
    void everyServiceAreaHasAtLeastTwoIncidents() {
        for (ServiceArea area : ServiceArea.values()) {
            long count = SCENARIOS.stream().filter(s -> area.name().equals(incident(s).get("serviceArea"))).count();
            assertTrue(count >= 2, () -> area + " has " + count + " scenario(s), needs two");
        }
    }

    @Test
    void everyKanoFactorIsExpectedBySomeScenario() {
        coveredBy(KanoFactor.values(), s -> List.of(String.valueOf(expect(s).get("kanoFactor"))), "kanoFactor");
    }

    @Test
    void everyEscalationLevelIsExpectedExactlyBySomeScenario() {
        coveredBy(Escalation.values(), s -> List.of(String.valueOf(expect(s).get("escalation"))), "escalation");
    }

    @Test
    void everyPrincipleIsExpectedToApplyBySomeScenario() {
        coveredBy(Principle.values(), s -> {
            List<String> all = new ArrayList<>(list(expect(s).get("principles")));
            all.addAll(list(expect(s).get("topPrinciples")));
            return all;
        }, "principles");
    }

    @Test
    void everyTemperamentAndAVulnerableComplainantHaveAScenario() {
        coveredBy(Temperament.values(), s -> List.of(String.valueOf(complainant(s).get("temperament"))), "temperament");
        assertTrue(SCENARIOS.stream().anyMatch(s -> Boolean.TRUE.equals(complainant(s).get("vulnerable"))), "no scenario with a vulnerable complainant");
    }

    @Test
    void aScenarioWhereWeAreNotAtFaultExpectsNoCauseAndNoAdmission() {
        assertTrue(SCENARIOS.stream().anyMatch(s -> Boolean.TRUE.equals(expect(s).get("noCauses"))
                && list(expect(s).get("cautions")).contains("caution.no-admission-of-fault")),
                "no scenario expects noCauses together with the caution against admitting a fault");
    }

    private static <E extends Enum<E>> void coveredBy(E[] values, Function<Map<String, Object>, Collection<String>> read, String key) {
        List<String> seen = SCENARIOS.stream().flatMap(s -> read.apply(s).stream()).filter(Objects::nonNull).toList();
        List<String> missing = Arrays.stream(values).map(Enum::name).filter(v -> !seen.contains(v)).toList();
        assertTrue(missing.isEmpty(), () -> "no scenario expects " + key + " " + missing);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> expect(Map<String, Object> scenario) {
        return (Map<String, Object>) scenario.getOrDefault("expect", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> incident(Map<String, Object> scenario) {
        return (Map<String, Object>) scenario.getOrDefault("incident", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> complainant(Map<String, Object> scenario) {
        return (Map<String, Object>) incident(scenario).getOrDefault("complainant", Map.of());
    }

    private static List<String> list(Object value) {
        return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
