package com.propertyservice.advisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.SampleRules;
import org.junit.jupiter.api.Test;

/**
 * Preparing a rule set ahead puts it through the whole gate and changes nothing that runs; activating what was
 * prepared swaps it in, and only when the gate passed it.
 */
class PreparedRuleSetTest {

    static final RuleFiles ASSURANCE = SampleRules.files();
    static final RuleFiles EMPATHY = SampleRules.with(
            SampleRules.CATALOGUE,
            SampleRules.text(SampleRules.CATALOGUE)
                    .replace("\"CUSTOMER_SERVICE, EXPECTED, ASSURANCE\"", "\"CUSTOMER_SERVICE, EXPECTED, EMPATHY\""));

    @Test
    void preparingChangesNothingAndActivatingThePreparedSetSwapsItIn() {
        Advisor advisor = Advisor.fromFiles(ASSURANCE);

        PreparedRuleSet prepared = advisor.prepare(EMPATHY);

        assertThat(prepared.valid()).isTrue();
        assertThat(prepared.version()).isEqualTo(EMPATHY.version());
        assertThat(prepared.filesHash()).isEqualTo(EMPATHY.sha256());
        assertThat(prepared.validation().scenarios()).isNotEmpty().allMatch(ScenarioResult::passed);
        assertThat(advisor.version()).as("prepared, not active").isEqualTo(ASSURANCE.version());
        assertThat(advisor.advise(SampleRules.CALM_STAFF).qualityDimension()).isEqualTo(QualityDimension.ASSURANCE);

        ReloadResult result = advisor.activate(prepared);

        assertThat(result.activated()).isTrue();
        assertThat(result.activeVersion()).isEqualTo(EMPATHY.version());
        assertThat(advisor.version()).isEqualTo(EMPATHY.version());
        assertThat(advisor.advise(SampleRules.CALM_STAFF).qualityDimension()).isEqualTo(QualityDimension.EMPATHY);
    }

    @Test
    void aPreparedSetTheGateRefusedIsNeverActivated() {
        Advisor advisor = Advisor.fromFiles(ASSURANCE);

        PreparedRuleSet broken = advisor.prepare(SampleRules.with(SampleRules.DRL, SampleRules.UNPARSABLE_DRL));

        assertThat(broken.valid()).isFalse();
        assertThat(broken.validation().problems()).isNotEmpty();
        ReloadResult result = advisor.activate(broken);
        assertThat(result.activated()).isFalse();
        assertThat(result.activeVersion()).isEqualTo(ASSURANCE.version());
        assertThat(advisor.version()).isEqualTo(ASSURANCE.version());
    }

    @Test
    void aPreparedSetWhoseScenarioFailsIsNeverActivated() {
        Advisor advisor = Advisor.fromFiles(ASSURANCE);
        // the catalogue makes a rude guard an expected factor: this scenario now says must-be
        RuleFiles contradicted = SampleRules.with(
                "scenarios/staff-attitude-calm.yaml",
                SampleRules.text("scenarios/staff-attitude-calm.yaml")
                        .replace("kanoFactor: EXPECTED", "kanoFactor: MUST_BE"));

        PreparedRuleSet prepared = advisor.prepare(contradicted);

        assertThat(prepared.validation().problems()).isEmpty();
        assertThat(prepared.validation().scenarios()).anyMatch(scenario -> !scenario.passed());
        assertThat(prepared.valid()).isFalse();
        assertThat(advisor.activate(prepared).activated()).isFalse();
        assertThat(advisor.version()).isEqualTo(ASSURANCE.version());
    }
}
