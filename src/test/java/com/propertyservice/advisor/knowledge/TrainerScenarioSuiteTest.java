package com.propertyservice.advisor.knowledge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.propertyservice.advisor.engine.ComplainantSide;
import com.propertyservice.advisor.engine.ContactKind;
import com.propertyservice.advisor.engine.Escalation;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.Principle;
import com.propertyservice.advisor.engine.Referral;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.engine.Temperament;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The trainer scenarios cover what the knowledge base must be shown to handle: the deck's four
 * cases, two incidents per service area, every Kano factor, every principle, escalation level and
 * outside body, the complainant types, a case where we are not at fault, every kind of contact from
 * every side that makes sense, every emergency playbook, every new issue key and the time rules; and
 * each scenario says what must be absent as well as what must be there. (That they pass is
 * {@link TrainerScenarioTest}'s job; this test checks that the suite asks the right questions.)
 */
class TrainerScenarioSuiteTest {

    private static final List<Map<String, Object>> SCENARIOS = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readScenarios() throws IOException {
        try (Stream<Path> files = Files.list(KnowledgeBase.RULES.resolve("scenarios"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
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
            assertTrue(
                    SCENARIOS.stream()
                            .anyMatch(s -> list(expect(s).get("firedRules")).contains(rule)),
                    () -> "no scenario expects the deck's case rule '" + rule + "' to fire");
        }
    }

    @Test
    void everyServiceAreaHasAtLeastTwoIncidents() {
        for (ServiceArea area : ServiceArea.values()) {
            long count = SCENARIOS.stream()
                    .filter(s -> area.name().equals(incident(s).get("serviceArea")))
                    .count();
            assertTrue(count >= 2, () -> area + " has " + count + " scenario(s), needs two");
        }
    }

    @Test
    void everyKanoFactorIsExpectedBySomeScenario() {
        coveredBy(KanoFactor.values(), s -> List.of(String.valueOf(expect(s).get("kanoFactor"))), "kanoFactor");
    }

    @Test
    void everyInternalEscalationLevelIsExpectedExactlyAndNoScenarioExpectsTheOldOutsideOne() {
        Escalation[] internal = Arrays.stream(Escalation.values())
                .filter(e -> e != Escalation.EXTERNAL_AUTHORITY)
                .toArray(Escalation[]::new);
        coveredBy(internal, s -> List.of(String.valueOf(expect(s).get("escalation"))), "escalation");
        assertTrue(
                SCENARIOS.stream()
                        .noneMatch(s -> "EXTERNAL_AUTHORITY"
                                .equals(String.valueOf(expect(s).get("escalation")))),
                "outside bodies are a referral since contract 1.1; no scenario may expect escalation EXTERNAL_AUTHORITY");
    }

    @Test
    void everyOutsideBodyIsExpectedAsAReferralBySomeScenario() {
        coveredBy(Referral.values(), s -> list(expect(s).get("referral")), "referral");
    }

    @Test
    void everyScenarioSaysWhatMustBeAbsentAsWellAsWhatMustBeThere() {
        List<String> without = SCENARIOS.stream()
                .filter(s -> ABSENT_KEYS.stream()
                        .noneMatch(k -> expect(s).get(k) != null
                                        && !list(expect(s).get(k)).isEmpty()
                                || Boolean.TRUE.equals(expect(s).get(k))))
                .map(s -> String.valueOf(s.get("file")))
                .toList();
        assertTrue(
                without.isEmpty(),
                () -> "scenarios that assert nothing absent (use absent, actionsAbsent, cautionsAbsent, causesAbsent, "
                        + "principlesAbsent, referralAbsent, notFiredRules or noCauses): " + without);
    }

    @Test
    void everyKindOfContactFromEverySideThatMakesSenseHasAScenario() {
        Map<ContactKind, List<ComplainantSide>> wanted = Map.of(
                ContactKind.COMPLAINT,
                        List.of(ComplainantSide.AFFECTED, ComplainantSide.OFFENDER, ComplainantSide.REPORTER),
                ContactKind.EMERGENCY,
                        List.of(ComplainantSide.AFFECTED, ComplainantSide.OFFENDER, ComplainantSide.REPORTER),
                ContactKind.REQUEST, List.of(ComplainantSide.AFFECTED, ComplainantSide.REPORTER),
                ContactKind.SUGGESTION, List.of(ComplainantSide.AFFECTED, ComplainantSide.REPORTER),
                ContactKind.PRAISE, List.of(ComplainantSide.AFFECTED, ComplainantSide.REPORTER),
                ContactKind.INSPECTION, List.of(ComplainantSide.REPORTER));
        List<String> missing = new ArrayList<>();
        wanted.forEach((kind, sides) -> sides.forEach(side -> {
            if (SCENARIOS.stream().noneMatch(s -> settledKind(s).equals(kind.name()) && side(s).equals(side.name()))) {
                missing.add(kind + " from " + side);
            }
        }));
        assertTrue(missing.isEmpty(), () -> "no scenario for " + missing);
    }

    @Test
    void everyEmergencyPlaybookIsExpectedToFireBySomeScenario() {
        List<String> playbooks = KnowledgeBase.advisor().ruleSet().rules().stream()
                .map(r -> r.name())
                .filter(n -> n.startsWith("应急 "))
                .toList();
        assertTrue(playbooks.size() >= 12, () -> "the emergency playbooks are gone? " + playbooks);
        List<String> expected = SCENARIOS.stream()
                .flatMap(s -> list(expect(s).get("firedRules")).stream())
                .toList();
        List<String> missing = playbooks.stream()
                .filter(p -> !p.equals("应急 先救人后谈责任") && !expected.contains(p))
                .toList();
        assertTrue(missing.isEmpty(), () -> "no scenario expects these playbooks to fire: " + missing);
    }

    @Test
    void everyNewIssueKeyHasAScenario() {
        for (String key : List.of(
                "lift-entrapment",
                "water-leak-from-above",
                "objects-thrown-from-height",
                "ebike-charging",
                "group-rental",
                "barrier-gate",
                "in-home-repair",
                "personal-injury",
                "flooding")) {
            assertTrue(
                    SCENARIOS.stream().anyMatch(s -> key.equals(incident(s).get("issue"))),
                    () -> "no scenario for the issue key " + key);
        }
    }

    @Test
    void theTimeRulesAreEachExpectedBySomeScenario() {
        List<String> expected = SCENARIOS.stream()
                .flatMap(s -> list(expect(s).get("firedRules")).stream())
                .toList();
        List<String> notExpected = SCENARIOS.stream()
                .flatMap(s -> list(expect(s).get("notFiredRules")).stream())
                .toList();
        for (String rule : List.of(
                "安静时段 夜间", "日子 休息日 周末", "日子 休息日 法定节假日", "日历2026 调休上班", "安静时段 阳光花园午休", "装修时段 工作日午休", "装修时段 工作日晚间")) {
            assertTrue(expected.contains(rule), () -> "no scenario expects the time rule '" + rule + "' to fire");
        }
        assertTrue(
                notExpected.contains("矩阵 非施工时段装修"), "no scenario shows daytime work on a working day is not flagged");
    }

    @Test
    void everyPrincipleIsExpectedToApplyBySomeScenario() {
        coveredBy(
                Principle.values(),
                s -> {
                    List<String> all = new ArrayList<>(list(expect(s).get("principles")));
                    all.addAll(list(expect(s).get("topPrinciples")));
                    return all;
                },
                "principles");
    }

    @Test
    void everyTemperamentAndAVulnerableComplainantHaveAScenario() {
        coveredBy(
                Temperament.values(), s -> List.of(String.valueOf(complainant(s).get("temperament"))), "temperament");
        assertTrue(
                SCENARIOS.stream()
                        .anyMatch(s -> Boolean.TRUE.equals(complainant(s).get("vulnerable"))),
                "no scenario with a vulnerable complainant");
    }

    @Test
    void aScenarioWhereWeAreNotAtFaultExpectsNoCauseAndNoAdmission() {
        assertTrue(
                SCENARIOS.stream()
                        .anyMatch(s -> Boolean.TRUE.equals(expect(s).get("noCauses"))
                                && list(expect(s).get("cautions")).contains("caution.no-admission-of-fault")),
                "no scenario expects noCauses together with the caution against admitting a fault");
    }

    private static final List<String> ABSENT_KEYS = List.of(
            "absent",
            "actionsAbsent",
            "cautionsAbsent",
            "causesAbsent",
            "principlesAbsent",
            "referralAbsent",
            "notFiredRules",
            "noCauses");

    /** The kind the scenario expects the rules to settle on, else the kind it reports (default COMPLAINT). */
    private static String settledKind(Map<String, Object> scenario) {
        Object expected = expect(scenario).get("kind");
        Object reported = incident(scenario).get("kind");
        return String.valueOf(expected != null ? expected : reported != null ? reported : "COMPLAINT");
    }

    private static String side(Map<String, Object> scenario) {
        Object side = complainant(scenario).get("side");
        return String.valueOf(side != null ? side : "AFFECTED");
    }

    private static <E extends Enum<E>> void coveredBy(
            E[] values, Function<Map<String, Object>, Collection<String>> read, String key) {
        List<String> seen = SCENARIOS.stream()
                .flatMap(s -> read.apply(s).stream())
                .filter(Objects::nonNull)
                .toList();
        List<String> missing = Arrays.stream(values)
                .map(Enum::name)
                .filter(v -> !seen.contains(v))
                .toList();
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
