package com.propertyservice.advisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.SampleRules;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each kind of mistake a trainer can make is reported with its file and line (or cell) in words
 * they can act on, and a reload with the mistake leaves the running rule set as it was.
 */
class BrokenRuleFilesTest {

    private final AtomicReference<RuleFiles> folder = new AtomicReference<>(SampleRules.files());
    private Advisor advisor;
    private String goodVersion;

    @BeforeEach
    void startOnTheGoodSample() {
        advisor = Advisor.fromFiles(SampleRules.files());
        goodVersion = advisor.version();
    }

    private Problem onlyProblemAfterReloadOf(RuleFiles broken) {
        ReloadResult result = advisor.activate(broken);
        assertThat(result.activated()).isFalse();
        assertThat(result.activeVersion()).isEqualTo(goodVersion);
        assertThat(advisor.version()).isEqualTo(goodVersion);
        assertThat(advisor.advise(SampleRules.ANGRY_LIFT).ruleSetVersion()).isEqualTo(goodVersion);
        assertThat(result.validation().problems())
                .as(result.validation().report())
                .hasSize(1);
        return result.validation().problems().get(0);
    }

    @Test
    void syntaxErrorIsReportedWithFileLineAndRule() {
        String drl = SampleRules.text(SampleRules.DRL)
                .replace("modify($a) { setSatisfactionGap($p - $e) }", "modify($a) { setSatisfactionGap($p - $e) ");
        ReloadResult result = advisor.activate(SampleRules.with(SampleRules.DRL, drl));
        assertThat(result.activated()).isFalse();
        assertThat(advisor.version()).isEqualTo(goodVersion);
        assertThat(result.validation().problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("principles/remediation.drl");
            assertThat(p.line()).isNotNull().isGreaterThan(30);
        });
    }

    @Test
    void unknownFieldIsReportedWithFileLineAndRule() {
        String drl = SampleRules.text(SampleRules.DRL)
                .replace("kanoFactor == KanoFactor.EXPECTED", "kanoFactr == KanoFactor.EXPECTED");
        Problem problem = onlyProblemAfterReloadOf(SampleRules.with(SampleRules.DRL, drl));
        assertThat(problem.file()).isEqualTo("principles/remediation.drl");
        assertThat(problem.line()).isEqualTo(24);
        assertThat(problem.rule()).isEqualTo("expected factor: keep the owner informed");
        assertThat(problem.message()).contains("kanoFactr");
    }

    @Test
    void anErrorInARulesActionIsReportedAtItsLineWithoutAStackTrace() {
        String drl = SampleRules.text(SampleRules.DRL)
                .replace("followUpWithin(\"P1D\")", "followUpWithin(\"P1D\"); System.exit(0);");
        Problem problem = onlyProblemAfterReloadOf(SampleRules.with(SampleRules.DRL, drl));
        assertThat(problem.file()).isEqualTo("principles/remediation.drl");
        assertThat(problem.line()).isEqualTo(16);
        assertThat(problem.rule()).isEqualTo("must-be failure calls for timely remediation");
        assertThat(problem.message())
                .contains("System")
                .doesNotContain("stacktrace")
                .doesNotContain("GeneratedMvelParser");
    }

    @Test
    void anAdviceOnlyConclusionWrittenInsideModifyIsRefusedSayingToWriteAPlainCall() {
        String drl = SampleRules.text("principles/remediation.drl")
                .replace("$a.followUpWithin(\"P1D\");", "modify($a) { followUpWithin(\"P1D\") }");
        Problem problem = onlyProblemAfterReloadOf(SampleRules.with("principles/remediation.drl", drl));
        assertThat(problem.file()).isEqualTo("principles/remediation.drl");
        assertThat(problem.line()).isEqualTo(16);
        assertThat(problem.rule()).isEqualTo("must-be failure calls for timely remediation");
        assertThat(problem.message())
                .contains("plain call", "$a.raisePriority(Priority.HIGH)")
                .doesNotContain("AllSetButLastBitMask");
        assertThat(problem.message(Language.ZH_CN)).contains("不用 modify");
    }

    @Test
    void brokenTableCellIsReportedWithSheetRowAndColumn() {
        String csv = SampleRules.text(SampleRules.CATALOGUE)
                .replace("\"CUSTOMER_SERVICE, EXPECTED, ASSURANCE\"", "\"CUSTOMER_SERVICE, EXPECTD, ASSURANCE\"");
        Problem problem = onlyProblemAfterReloadOf(SampleRules.with(SampleRules.CATALOGUE, csv));
        assertThat(problem.file()).isEqualTo("catalogue/issues.drl.csv");
        assertThat(problem.line()).isEqualTo(11);
        assertThat(problem.column()).isEqualTo("B");
        assertThat(problem.rule()).isEqualTo("Catalogue_11");
        assertThat(problem.message()).contains("cell B11").contains("EXPECTD");
    }

    @Test
    void dslrSentenceMissingFromTheDslIsReportedWithTheKnownSentences() {
        String dslr = SampleRules.text("handling/steps.dslr").replace("- 业主情绪激动", "- 业主非常激动");
        Problem problem = onlyProblemAfterReloadOf(SampleRules.with("handling/steps.dslr", dslr));
        assertThat(problem.file()).isEqualTo("handling/steps.dslr");
        assertThat(problem.line()).isEqualTo(21);
        assertThat(problem.rule()).isEqualTo("情绪激动不要插话");
        assertThat(problem.message())
                .contains("业主非常激动")
                .contains("Known sentences")
                .contains("- 业主情绪激动");
    }

    @Test
    void tableNamedWithoutDrlIsReportedAsMisnamed() {
        RuleFiles files =
                SampleRules.files().with("catalogue/extra.csv", "RuleSet,x\n".getBytes(StandardCharsets.UTF_8));
        Problem problem = onlyProblemAfterReloadOf(files);
        assertThat(problem.file()).isEqualTo("catalogue/extra.csv");
        assertThat(problem.message()).contains("extra.drl.csv");
    }

    @Test
    void codeWithoutATextInOneLanguageIsReportedAtTheRuleThatUsesIt() {
        String en =
                SampleRules.text("texts/advice.en.properties").replaceAll("(?m)^caution\\.do-not-interrupt=.*$", "");
        Problem problem = onlyProblemAfterReloadOf(SampleRules.with("texts/advice.en.properties", en));
        assertThat(problem.file()).isEqualTo("handling/steps.dslr");
        assertThat(problem.line()).isEqualTo(24);
        assertThat(problem.rule()).isEqualTo("情绪激动不要插话");
        assertThat(problem.message()).contains("caution.do-not-interrupt").contains("en");
    }

    @Test
    void conditionReadingAnAdviceOnlyConclusionIsRejected() {
        String drl = """
                package com.propertyservice.advisor.rules.principles;
                import com.propertyservice.advisor.engine.*;
                import com.propertyservice.advisor.engine.fact.Assessment;
                rule "urgent cases get a caution"
                    @description("紧急") @descriptionEn("urgent")
                when
                    $a: Assessment(priority == Priority.URGENT)
                then
                    $a.caution("caution.do-not-interrupt");
                end
                """;
        Problem problem = onlyProblemAfterReloadOf(SampleRules.with("principles/urgent.drl", drl));
        assertThat(problem.file()).isEqualTo("principles/urgent.drl");
        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.rule()).isEqualTo("urgent cases get a caution");
        assertThat(problem.message()).contains("'priority'").contains("advice only");
    }

    @Test
    void ruleFileThatYieldsNoRuleIsAnError() {
        Problem problem =
                onlyProblemAfterReloadOf(SampleRules.with("principles/empty.drl", "package x;\n// nothing yet\n"));
        assertThat(problem.file()).isEqualTo("principles/empty.drl");
        assertThat(problem.message()).contains("yields no rule");
    }

    @Test
    void ruleWithoutDescriptionIsAnError() {
        String drl = SampleRules.text(SampleRules.DRL).replace("    @description(\"满意度 = 实际感受 − 预先期望\")\n", "");
        Problem problem = onlyProblemAfterReloadOf(SampleRules.with(SampleRules.DRL, drl));
        assertThat(problem.rule()).isEqualTo("satisfaction gap");
        assertThat(problem.line()).isEqualTo(33);
        assertThat(problem.message()).contains("@description");
    }

    @Test
    void failingScenarioKeepsTheRunningRuleSet() {
        String scenario = SampleRules.text("scenarios/community-event.yaml").replace("priority: LOW", "priority: HIGH");
        ReloadResult result = advisor.activate(SampleRules.with("scenarios/community-event.yaml", scenario));
        assertThat(result.activated()).isFalse();
        assertThat(advisor.version()).isEqualTo(goodVersion);
        assertThat(result.validation().problems()).isEmpty();
        assertThat(result.validation().scenarios())
                .filteredOn(s -> !s.passed())
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.file()).isEqualTo("scenarios/community-event.yaml");
                    assertThat(s.failures()).containsExactly("priority: expected HIGH but got LOW");
                });
    }

    @Test
    void scenarioWithUnknownKeyIsReportedWithTheKnownKeys() {
        String scenario = SampleRules.text("scenarios/community-event.yaml").replace("priority: LOW", "priorty: LOW");
        Problem problem = onlyProblemAfterReloadOf(SampleRules.with("scenarios/community-event.yaml", scenario));
        assertThat(problem.file()).isEqualTo("scenarios/community-event.yaml");
        assertThat(problem.message()).contains("expect.priorty").contains("priorityAtLeast");
    }

    @Test
    void csvSavedByExcelWithByteOrderMarkLoads() {
        byte[] csv = SampleRules.files().get("catalogue/issues.drl.csv");
        byte[] withBom = new byte[csv.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(csv, 0, withBom, 3, csv.length);
        ReloadResult result = advisor.activate(SampleRules.files().with("catalogue/issues.drl.csv", withBom));
        assertThat(result.activated()).as(result.validation().report()).isTrue();
        assertThat(advisor.advise(SampleRules.CALM_STAFF).kanoFactor()).isEqualTo(KanoFactor.EXPECTED);
    }

    @Test
    void goodChangeActivatesAndTheNextAdviceCarriesTheNewVersion() {
        String csv = SampleRules.text(SampleRules.CATALOGUE)
                .replace("\"CUSTOMER_SERVICE, EXPECTED, ASSURANCE\"", "\"CUSTOMER_SERVICE, EXPECTED, EMPATHY\"");
        RuleFiles changed = SampleRules.with(SampleRules.CATALOGUE, csv);
        ReloadResult result = advisor.activate(changed);
        assertThat(result.activated()).isTrue();
        assertThat(result.activeVersion()).isNotEqualTo(goodVersion).isEqualTo(changed.version());
        Advice advice = advisor.advise(SampleRules.CALM_STAFF);
        assertThat(advice.ruleSetVersion()).isEqualTo(result.activeVersion());
        assertThat(advice.qualityDimension()).isEqualTo(QualityDimension.EMPATHY);
    }

    @Test
    void editorLockAndTemporaryFilesAreIgnored() {
        RuleFiles files = SampleRules.files()
                .with("catalogue/~$issues.drl.xlsx", new byte[] {1, 2, 3})
                .with("catalogue/.~lock.issues.drl.csv#", new byte[] {1})
                .with("principles/remediation.drl~", "junk".getBytes(StandardCharsets.UTF_8));
        assertThat(files.size()).isEqualTo(SampleRules.files().size());
        assertThat(advisor.activate(files).activated()).isTrue();
    }

    @Test
    void advisorWillNotStartOnABrokenFolder() {
        RuleFiles broken = SampleRules.with(SampleRules.DRL, SampleRules.UNPARSABLE_DRL);
        Assertions.assertThatThrownBy(() -> Advisor.fromFiles(broken))
                .isInstanceOfSatisfying(
                        RuleSetException.class,
                        e -> assertThat(e.validation().problems())
                                .extracting(Problem::file)
                                .contains("principles/remediation.drl"));
    }
}
