package com.propertyservice.advisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Time rules read the incident's own local time: its offset as given, never the server's zone. The
 * rules' thresholds are the trainers'; the engine offers the clock: local time and date as text that
 * compares in time order, the weekday, and a window test that runs over midnight, all of them within
 * what the rule sandbox lets compiled rules call.
 */
class LocalTimeRulesTest {

    private static final String DRL = """
        package com.propertyservice.advisor.rules.test;
        import com.propertyservice.advisor.engine.*;
        import com.propertyservice.advisor.engine.fact.Assessment;

        rule "classify"
            @description("分类") @descriptionEn("classify")
        when
            $a: Assessment(issue == "noise")
        then
            modify($a){ classify(ServiceArea.COMMUNITY_LIFE, KanoFactor.EXPECTED, QualityDimension.RESPONSIVENESS) }
        end

        rule "night"
            @description("夜间") @descriptionEn("night")
        when
            $a: Assessment(classified == true, reportedLocally.between("22:00", "06:00"))
        then
            modify($a){ flag("NIGHT") }
        end

        rule "lunch"
            @description("午休") @descriptionEn("lunch")
        when
            $a: Assessment(classified == true, reportedLocally.between("12:00", "14:00"))
        then
            modify($a){ flag("LUNCH") }
        end

        rule "national day"
            @description("国庆") @descriptionEn("national day")
        when
            $a: Assessment(localDate >= "2026-10-01", localDate <= "2026-10-07")
        then
            modify($a){ flag("HOLIDAY") }
        end

        rule "weekend"
            @description("周末") @descriptionEn("weekend")
        when
            $a: Assessment(weekday == Weekday.SATURDAY || weekday == Weekday.SUNDAY)
        then
            modify($a){ flag("WEEKEND") }
        end

        rule "read the flags"
            @description("读标记") @descriptionEn("read flags")
        when
            $a: Assessment(flags contains "NIGHT")
        then
            $a.caution("caution.night");
        end
        """;

    private static RuleFiles files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("time.drl", DRL.getBytes(StandardCharsets.UTF_8));
        files.put("texts/t.zh-CN.properties", "caution.night=夜间\n".getBytes(StandardCharsets.UTF_8));
        files.put("texts/t.en.properties", "caution.night=night\n".getBytes(StandardCharsets.UTF_8));
        return RuleFiles.of(files);
    }

    private static Incident at(String reportedAt) {
        return Incident.builder()
                .reportedAt(OffsetDateTime.parse(reportedAt))
                .channel(Channel.PHONE)
                .community("c")
                .serviceArea(ServiceArea.COMMUNITY_LIFE)
                .issue("noise")
                .summary("s")
                .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.CALM))
                .build();
    }

    private static CompiledRuleSet rules;

    @BeforeAll
    static void build() {
        RuleSetCompiler.Outcome outcome = RuleSetCompiler.compile(files());
        assertThat(outcome.problems()).isEmpty();
        rules = outcome.ruleSet();
    }

    private static Evaluation evaluate(String reportedAt) {
        return rules.evaluate(at(reportedAt), false, AdviceLimits.DEFAULT);
    }

    @Test
    void theOffsetGivenDecidesTheLocalHourNotTheServersZone() {
        // 05:50 in Shanghai is 21:50 UTC the day before: still night where it happened
        assertThat(evaluate("2026-05-12T05:50:00+08:00").assessment().getFlags())
                .contains("NIGHT");
        assertThat(evaluate("2026-05-12T05:50:00+08:00").assessment().getLocalTime())
                .isEqualTo("05:50");
        // 10:00 in Shanghai is 02:00 UTC: daytime where it happened
        assertThat(evaluate("2026-05-12T10:00:00+08:00").assessment().getFlags())
                .doesNotContain("NIGHT");
    }

    @Test
    void aWindowRunsOverMidnightAndALunchWindowDoesNot() {
        assertThat(evaluate("2026-05-12T22:00:00+08:00").assessment().getFlags())
                .contains("NIGHT")
                .doesNotContain("LUNCH");
        assertThat(evaluate("2026-05-12T00:30:00+08:00").assessment().getFlags())
                .contains("NIGHT");
        assertThat(evaluate("2026-05-12T06:00:00+08:00").assessment().getFlags())
                .doesNotContain("NIGHT");
        assertThat(evaluate("2026-05-12T12:30:00+08:00").assessment().getFlags())
                .contains("LUNCH")
                .doesNotContain("NIGHT");
        assertThat(evaluate("2026-05-12T14:00:00+08:00").assessment().getFlags())
                .doesNotContain("LUNCH");
    }

    @Test
    void aFlagSetByATimeRuleIsSeenByLaterRulesAndNoRuleLoops() {
        var evaluation = evaluate("2026-05-12T23:10:00+08:00");
        assertThat(evaluation.assessment().getCautions()).containsExactly("caution.night");
        assertThat(evaluation.firedRules()).containsExactly("classify", "night", "read the flags");
    }

    @Test
    void datesCompareAsTextInDateOrderAndTheWeekdayIsLocal() {
        assertThat(evaluate("2026-10-07T23:30:00+08:00").assessment().getFlags())
                .contains("HOLIDAY");
        // 2026-10-08 00:30 in Shanghai is still 10-07 in UTC: the local date decides
        assertThat(evaluate("2026-10-08T00:30:00+08:00").assessment().getFlags())
                .doesNotContain("HOLIDAY");
        // Saturday 2026-05-16 00:30 in Shanghai is Friday in UTC
        assertThat(evaluate("2026-05-16T00:30:00+08:00").assessment().getWeekday())
                .isEqualTo(Weekday.SATURDAY);
        assertThat(evaluate("2026-05-16T00:30:00+08:00").assessment().getFlags())
                .contains("WEEKEND");
    }
}
