package com.propertyservice.advisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propertyservice.advisor.SampleRules;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine holds every advice to its limits: rules that keep re-triggering one another, or that
 * take longer than the time budget, are stopped and reported with the rules that fired last,
 * instead of holding the caller's thread.
 */
class AdviceLimitsTest {

    /** Two rules that undo each other's conclusion: each firing re-triggers the other, without end. */
    private static final String PING_PONG = """
            package com.propertyservice.advisor.rules.pingpong;
            import com.propertyservice.advisor.engine.*;
            import com.propertyservice.advisor.engine.fact.Assessment;

            rule "ping"
                @description("改成移情性") @descriptionEn("make it empathy")
            when
                $a: Assessment(classified, qualityDimension == QualityDimension.RELIABILITY)
            then
                modify($a) { setQualityDimension(QualityDimension.EMPATHY) }
            end

            rule "pong"
                @description("改回可靠性") @descriptionEn("make it reliability again")
            when
                $a: Assessment(classified, qualityDimension == QualityDimension.EMPATHY)
            then
                modify($a) { setQualityDimension(QualityDimension.RELIABILITY) }
            end
            """;

    private static RuleFiles pingPong() {
        return RuleFiles.of(Map.of(
                "catalogue/issues.drl.csv", SampleRules.files().get("catalogue/issues.drl.csv"),
                "principles/ping-pong.drl", PING_PONG.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rulesThatKeepReTriggeringEachOtherAreStoppedAfterTheMostFirings() {
        Advisor advisor = Advisor.fromFiles(pingPong(), new AdviceLimits(Duration.ofMinutes(1), 50));

        assertThatThrownBy(() -> advisor.advise(SampleRules.ANGRY_LIFT))
                .isInstanceOf(AdviceTimeoutException.class)
                .hasMessageContaining("fired 50 times")
                .satisfies(e ->
                        assertThat(((AdviceTimeoutException) e).lastFired()).contains("ping", "pong"));
    }

    @Test
    void anAdvicePastItsTimeBudgetIsStopped() {
        Advisor advisor = Advisor.fromFiles(pingPong(), new AdviceLimits(Duration.ofNanos(1), 5_000));

        assertThatThrownBy(() -> advisor.advise(SampleRules.ANGRY_LIFT))
                .isInstanceOf(AdviceTimeoutException.class)
                .hasMessageContaining("time budget");
    }

    @Test
    void aRuleSetWhoseScenariosOverrunTheBudgetIsNotActivated() {
        assertThatThrownBy(() -> Advisor.fromFiles(SampleRules.files(), new AdviceLimits(Duration.ofNanos(1), 5_000)))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("time budget");
    }

    @Test
    void withinTheLimitsTheSameRulesGiveAdvice() {
        Advisor advisor = Advisor.fromFiles(SampleRules.files(), AdviceLimits.DEFAULT);

        assertThat(advisor.advise(SampleRules.ANGRY_LIFT).firedRules()).isNotEmpty();
    }
}
