package com.propertyservice.advisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.SampleRules;
import java.nio.file.Path;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each kind of rule file compiles and fires: CSV table, XLSX table, DSL/DSLR, DRL, texts, scenarios. */
class EachFileKindTest {

    static Advisor advisor;

    @BeforeAll
    static void compileSample() {
        advisor = Advisor.fromDirectory(SampleRules.FOLDER);
    }

    @Test
    void csvCatalogueRowClassifiesTheIssue() {
        Advice advice = advisor.advise(SampleRules.ANGRY_LIFT);
        assertThat(advice.kanoFactor()).isEqualTo(KanoFactor.MUST_BE);
        assertThat(advice.qualityDimension()).isEqualTo(QualityDimension.RELIABILITY);
        assertThat(advice.firedRules()).contains("Catalogue_10");
    }

    @Test
    void xlsxMatrixRowSetsPriorityAndResponseTarget() {
        Advice advice = advisor.advise(SampleRules.ANGRY_LIFT);
        assertThat(advice.priority()).isEqualTo(Priority.URGENT);
        assertThat(advice.respondWithin()).isEqualTo(Duration.ofMinutes(30));
        assertThat(advice.firedRules()).contains("Priority_9");
    }

    @Test
    void dslrSentencesTailorTheStepsToAnAngryOwner() {
        Advice angry = advisor.advise(SampleRules.ANGRY_LIFT, Language.ZH_CN);
        assertThat(angry.steps()).first().satisfies(step -> {
            assertThat(step.code()).isEqualTo(HandlingStep.LET_OWNER_VENT);
            assertThat(step.actions()).contains("业主情绪激动，让他把话说完，中途切勿插话。");
        });
        assertThat(angry.cautions()).containsExactly("不要打断业主，也不要急于解释。");
        Advice calm = advisor.advise(SampleRules.CALM_STAFF);
        assertThat(calm.cautions()).isEmpty();
        assertThat(calm.firedRules()).doesNotContain("情绪激动不要插话");
    }

    @Test
    void drlRuleWeighsAPrincipleAndNamesItselfOnTheAction() {
        Advice advice = advisor.advise(SampleRules.ANGRY_LIFT);
        assertThat(advice.principles())
                .extracting(Advice.PrincipleAdvice::code)
                .containsExactly(Principle.TIMELY_REMEDIATION);
        assertThat(advice.actions()).singleElement().satisfies(action -> {
            assertThat(action.rule()).isEqualTo("must-be failure calls for timely remediation");
            assertThat(action.principle()).isEqualTo(Principle.TIMELY_REMEDIATION);
            assertThat(action.code()).isEqualTo("action.remediation.fix-now");
        });
        assertThat(advice.escalation()).isEqualTo(Escalation.PROJECT_MANAGER);
        assertThat(advice.satisfactionGap()).isEqualTo(-3);
        assertThat(advice.followUp().within()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void textsFollowTheRequestedLanguage() {
        Advice english = advisor.advise(SampleRules.ANGRY_LIFT, Language.EN);
        assertThat(english.language()).isEqualTo(Language.EN);
        assertThat(english.cautions()).containsExactly("Do not interrupt the owner or rush to explain.");
        assertThat(english.principles().get(0).reason()).startsWith("A must-be service has failed");
    }

    @Test
    void everyAdviceCarriesTheVersionAndTheTrail() {
        Advice advice = advisor.advise(SampleRules.CALM_STAFF);
        assertThat(advice.ruleSetVersion()).isEqualTo(advisor.version()).hasSize(12);
        assertThat(advice.firedRules())
                .containsExactlyInAnyOrder(
                        "倾听业主", "Catalogue_11", "Priority_10", "expected factor: keep the owner informed");
    }

    @Test
    void ruleSetDescribesFilesRulesAndHits() {
        Advisor fresh = Advisor.fromDirectory(SampleRules.FOLDER);
        fresh.advise(SampleRules.CALM_STAFF);
        fresh.advise(SampleRules.CALM_STAFF);
        RuleSetInfo info = fresh.ruleSet();
        assertThat(info.version()).isEqualTo(SampleRules.files().sha256().substring(0, 12));
        assertThat(info.files())
                .extracting(RuleSetInfo.FileInfo::kind)
                .contains("DRL", "DECISION_TABLE", "DSL", "DSLR", "TEXTS", "SCENARIO");
        assertThat(info.issues()).containsExactly("community-event", "lift-outage", "staff-attitude");
        assertThat(info.rules())
                .filteredOn(r -> r.name().equals("Catalogue_11"))
                .singleElement()
                .satisfies(rule -> {
                    assertThat(rule.file()).isEqualTo("catalogue/issues.drl.csv");
                    assertThat(rule.line()).isEqualTo(11);
                    assertThat(rule.description()).isEqualTo("员工态度：期望因素");
                    assertThat(rule.descriptionEn()).isEqualTo("Staff attitude: an expected factor");
                    assertThat(rule.hits()).isEqualTo(2); // scenario runs at load time are not counted
                });
        assertThat(info.rules())
                .filteredOn(r -> r.name().equals("Catalogue_10"))
                .singleElement()
                .satisfies(rule -> assertThat(rule.hits()).isZero());
    }

    @Test
    void catalogueEntriesComeFromTheRowsThatClassify() {
        assertThat(advisor.ruleSet().catalogue())
                .containsExactly(
                        new RuleSetInfo.CatalogueEntry(
                                "lift-outage",
                                ServiceArea.ENGINEERING,
                                KanoFactor.MUST_BE,
                                QualityDimension.RELIABILITY,
                                "Catalogue_10",
                                "电梯停运：必备因素",
                                "Lift out of service: a must-be factor"),
                        new RuleSetInfo.CatalogueEntry(
                                "staff-attitude",
                                ServiceArea.CUSTOMER_SERVICE,
                                KanoFactor.EXPECTED,
                                QualityDimension.ASSURANCE,
                                "Catalogue_11",
                                "员工态度：期望因素",
                                "Staff attitude: an expected factor"),
                        new RuleSetInfo.CatalogueEntry(
                                "community-event",
                                ServiceArea.COMMUNITY_LIFE,
                                KanoFactor.ATTRACTIVE,
                                QualityDimension.EMPATHY,
                                "Catalogue_12",
                                "社区活动：魅力因素",
                                "Community event: an attractive factor"));
    }

    @Test
    void unknownIssueKeyIsRefusedWithTheKnownKeys() {
        Incident unknown = Incident.builder()
                .channel(Channel.PHONE)
                .community("x")
                .serviceArea(ServiceArea.ENGINEERING)
                .issue("lift-outtage")
                .summary("x")
                .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.CALM))
                .build();
        Assertions.assertThatThrownBy(() -> advisor.advise(unknown))
                .isInstanceOfSatisfying(UnknownIssueException.class, e -> {
                    assertThat(e.issue()).isEqualTo("lift-outtage");
                    assertThat(e.knownIssues()).containsExactly("community-event", "lift-outage", "staff-attitude");
                });
    }

    @Test
    void trainerScenariosOfTheSamplePass() {
        assertThat(advisor.runScenarios())
                .hasSize(3)
                .allSatisfy(result -> assertThat(result.passed())
                        .as(result.file() + " " + result.failures())
                        .isTrue());
    }

    @Test
    void defaultRulesCarriedInTheJarCompile() {
        Advisor fromJar = Advisor.fromClasspath();
        assertThat(fromJar.ruleSet().rules()).isNotEmpty();
        assertThat(fromJar.version())
                .isEqualTo(RuleFiles.fromDirectory(Path.of("rules")).sha256().substring(0, 12));
    }
}
