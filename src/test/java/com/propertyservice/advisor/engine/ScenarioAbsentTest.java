package com.propertyservice.advisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.SampleRules;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A trainer scenario can say what the advice must not hold: a text code, every code with a prefix
 * ({@code safety.*}), or a phrase in the wording of any language. A scenario that only lists what
 * is present passes on advice full of wrong texts; {@code absent} is what catches those.
 */
class ScenarioAbsentTest {

    private static final Map<String, String> CASES = Map.of(
            "code-present", "[caution.do-not-interrupt]",
            "code-missing", "[caution.no-such-thing]",
            "prefix-present", "[step.vent.*]",
            "prefix-missing", "[safety.*]",
            "phrase-zh", "[切勿插话]",
            "phrase-en", "[\"do not interrupt\"]",
            "phrase-missing", "[接待室]");

    private static Map<String, ScenarioResult> results;

    @BeforeAll
    static void runEachCaseAsAScenario() {
        RuleFiles files = SampleRules.files();
        for (Map.Entry<String, String> c : CASES.entrySet()) {
            files = files.with(
                    "scenarios/" + c.getKey() + ".yaml",
                    SampleRules.ANGRY_LIFT_SCENARIO
                            .formatted(c.getKey(), "absent: " + c.getValue())
                            .getBytes(StandardCharsets.UTF_8));
        }
        List<ScenarioResult> all =
                Advisor.fromDirectory(SampleRules.FOLDER).validate(files).scenarios();
        results = all.stream().collect(Collectors.toMap(ScenarioResult::name, Function.identity()));
    }

    @Test
    void aCodeThatIsThereFailsTheScenarioAndOneThatIsNotPassesIt() {
        assertThat(results.get("code-present").failures())
                .containsExactly(
                        "absent: expected no caution.do-not-interrupt but the advice has caution.do-not-interrupt");
        assertThat(results.get("code-missing").passed()).isTrue();
    }

    @Test
    void aPrefixWithAStarCoversEveryCodeThatStartsWithIt() {
        assertThat(results.get("prefix-present").failures()).isNotEmpty().allMatch(f -> f.contains("step.vent."));
        assertThat(results.get("prefix-missing").passed()).isTrue();
    }

    @Test
    void aPhraseIsLookedForInTheWordingOfEveryLanguage() {
        assertThat(results.get("phrase-zh").failures())
                .singleElement()
                .asString()
                .contains("切勿插话")
                .contains("zh-CN");
        assertThat(results.get("phrase-en").failures()).isNotEmpty().allMatch(f -> f.contains("(en)"));
        assertThat(results.get("phrase-missing").passed()).isTrue();
    }
}
