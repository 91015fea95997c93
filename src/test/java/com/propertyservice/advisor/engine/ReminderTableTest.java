package com.propertyservice.advisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.propertyservice.advisor.SampleRules;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reminders and breach escalations come from a decision table the trainers edit like the others: the
 * rows plan them, the engine words them in the advice's language and orders them, and a broken row is a
 * problem at its row before any incident sees it.
 */
class ReminderTableTest {

    private static final String TABLE_PATH = "follow-through/reminders.drl.csv";

    /**
     * A reminder table over the sample rules, its columns out of time order on purpose; %s is the complaint
     * row's respond cell. The sample's advice sets no resolve target, so the resolve breach has nothing to watch.
     */
    private static final String TABLE = """
            RuleSet,com.propertyservice.advisor.rules.followthrough,,,,,,
            Import,"com.propertyservice.advisor.engine.*, com.propertyservice.advisor.engine.fact.Assessment",,,,,,
            Notes,Reminders,,,,,,
            ,,,,,,,
            RuleTable Reminders,,,,,,,
            NAME,CONDITION,ACTION,ACTION,ACTION,ACTION,METADATA,METADATA
            ,$a: Assessment,,,,,,
            ,forall(||){kind == ContactKind.$},"$a.remindBefore(Deadline.FOLLOW_UP, ""$1"", Recipient.$2, ""$3"");","$a.onBreach(Deadline.RESPOND, $1, Recipient.$2, ""$3"");","$a.remindAt(Deadline.RESPOND, $1, Recipient.$2, ""$3"");","$a.onBreach(Deadline.RESOLVE, $1, Recipient.$2, ""$3"");","description(""$param"")","descriptionEn(""$param"")"
            rule name,kind,return visit,respond breached,respond,resolve breached,说明,description (en)
            提醒 投诉,COMPLAINT,"P1D, ASSIGNEE, remind.follow-up","1, SUPERVISOR, remind.respond-breach","%s","1, PROJECT_MANAGER, remind.resolve-breach",投诉的提醒,Reminders of a complaint
            提醒 报修,REQUEST,,,"0.5, ASSIGNEE, remind.respond",,报修的提醒,Reminders of a request
            """;

    private static final String TEXTS_ZH = """
            remind.respond=响应时限快到了
            remind.follow-up=明天要回访
            remind.respond-breach=响应超时
            remind.resolve-breach=解决超时
            """;

    private static final String TEXTS_EN = """
            remind.respond=The time to respond is running out
            remind.follow-up=The return visit is due tomorrow
            remind.respond-breach=Response overdue
            remind.resolve-breach=Resolution overdue
            """;

    private static RuleFiles withTable(String respondCell) {
        return SampleRules.files()
                .with(TABLE_PATH, TABLE.formatted(respondCell).getBytes(StandardCharsets.UTF_8))
                .with("texts/reminders.zh-CN.properties", TEXTS_ZH.getBytes(StandardCharsets.UTF_8))
                .with("texts/reminders.en.properties", TEXTS_EN.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void
            theTablesRowsPlanTheRemindersWordedInEitherLanguageInDeadlineTriggerAndTimeOrderLeavingOutDeadlinesWithoutATarget() {
        Advisor advisor = Advisor.fromFiles(withTable("0.8, ASSIGNEE, remind.respond"));

        Advice zh = advisor.advise(SampleRules.ANGRY_LIFT, Language.ZH_CN);
        Advice en = advisor.advise(SampleRules.ANGRY_LIFT, Language.EN);

        assertThat(zh.reminders())
                .extracting(
                        Reminder::deadline,
                        Reminder::trigger,
                        Reminder::elapsed,
                        Reminder::before,
                        Reminder::breach,
                        Reminder::recipient,
                        Reminder::code,
                        Reminder::rule)
                .containsExactly(
                        tuple(
                                Deadline.RESPOND,
                                Reminder.Trigger.BEFORE,
                                0.8,
                                null,
                                0,
                                Recipient.ASSIGNEE,
                                "remind.respond",
                                "提醒 投诉"),
                        tuple(
                                Deadline.RESPOND,
                                Reminder.Trigger.BREACH,
                                null,
                                null,
                                1,
                                Recipient.SUPERVISOR,
                                "remind.respond-breach",
                                "提醒 投诉"),
                        tuple(
                                Deadline.FOLLOW_UP,
                                Reminder.Trigger.BEFORE,
                                null,
                                Duration.ofDays(1),
                                0,
                                Recipient.ASSIGNEE,
                                "remind.follow-up",
                                "提醒 投诉"));
        assertThat(zh.reminders()).extracting(Reminder::text).containsExactly("响应时限快到了", "响应超时", "明天要回访");
        assertThat(en.reminders())
                .extracting(Reminder::text)
                .containsExactly(
                        "The time to respond is running out", "Response overdue", "The return visit is due tomorrow");
        assertThat(zh.resolveWithin()).as("the sample sets no resolve target").isNull();
        assertThat(zh.firedRules()).contains("提醒 投诉").doesNotContain("提醒 报修");
    }

    @Test
    void aRowNamingARecipientThatDoesNotExistIsAProblemAtItsRow() {
        ValidationResult result = Advisor.validate(withTable("0.8, JANITOR, remind.respond"), AdviceLimits.DEFAULT);

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(TABLE_PATH);
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.rule()).isEqualTo("提醒 投诉");
            assertThat(p.message()).contains("JANITOR");
        });
    }

    @Test
    void aShareOfTheTargetOutsideZeroToOneFailsEveryScenarioTheRowFiresIn() {
        ValidationResult result = Advisor.validate(withTable("1.5, ASSIGNEE, remind.respond"), AdviceLimits.DEFAULT);

        assertThat(result.valid()).isFalse();
        assertThat(result.scenarios())
                .filteredOn(s -> !s.passed())
                .isNotEmpty()
                .allSatisfy(s -> assertThat(String.join(" ", s.failures()))
                        .contains("between 0 and 1")
                        .contains("1.5"));
    }

    @Test
    void aReminderTextMissingInOneLanguageIsAProblemNamingTheCodeAndTheLanguage() {
        RuleFiles files = withTable("0.8, ASSIGNEE, remind.respond")
                .with(
                        "texts/reminders.en.properties",
                        TEXTS_EN.replace("remind.respond=The time to respond is running out\n", "")
                                .getBytes(StandardCharsets.UTF_8));

        ValidationResult result = Advisor.validate(files, AdviceLimits.DEFAULT);

        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(TABLE_PATH);
            assertThat(p.message()).contains("remind.respond").contains("en");
        });
    }

    @Test
    void scenarioExpectationsOnRemindersSayWhatIsMissingAndWhatMustNotBeThere() {
        String scenario = SampleRules.ANGRY_LIFT_SCENARIO.formatted("电梯停运，业主很生气（提醒）", """
                reminders: ["RESPOND BEFORE 0.8 ASSIGNEE", "FOLLOW_UP BEFORE P1D ASSIGNEE", "RESPOND BREACH 2 COMPANY"]
                  remindersAbsent: ["* BREACH 2 COMPANY", "RESPOND BREACH * *"]""");
        RuleFiles files = withTable("0.8, ASSIGNEE, remind.respond")
                .with("scenarios/reminders.yaml", scenario.getBytes(StandardCharsets.UTF_8));

        ValidationResult result = Advisor.validate(files, AdviceLimits.DEFAULT);

        List<String> failures = result.scenarios().stream()
                .filter(s -> s.file().equals("scenarios/reminders.yaml"))
                .flatMap(s -> s.failures().stream())
                .toList();
        assertThat(failures)
                .hasSize(2)
                .anySatisfy(
                        f -> assertThat(f)
                                .isEqualTo(
                                        "reminders: expected RESPOND BREACH 2 COMPANY but the advice plans "
                                                + "[RESPOND BEFORE 0.8 ASSIGNEE, RESPOND BREACH 1 SUPERVISOR, FOLLOW_UP BEFORE P1D ASSIGNEE]"))
                .anySatisfy(f -> assertThat(f)
                        .isEqualTo("remindersAbsent: expected no RESPOND BREACH * * but the advice plans "
                                + "RESPOND BREACH 1 SUPERVISOR (rule '提醒 投诉')"));
        assertThat(result.scenarios())
                .filteredOn(s -> s.file().equals("scenarios/reminders.yaml"))
                .flatExtracting(s -> s.failures(Language.ZH_CN))
                .anySatisfy(f -> assertThat(f).startsWith("reminders：应有提醒 RESPOND BREACH 2 COMPANY"));
    }
}
