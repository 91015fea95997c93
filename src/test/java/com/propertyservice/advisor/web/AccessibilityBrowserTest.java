package com.propertyservice.advisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.incident.FollowThroughService;
import com.propertyservice.advisor.incident.FollowUpCommand;
import com.propertyservice.advisor.incident.IncidentService;
import com.propertyservice.advisor.kano.KanoSurveyService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page the service serves, in both languages, at desktop and phone width, has no serious or critical
 * accessibility violation axe-core can find ({@link AxeCheck}). The pages carry data (an open and a closed incident
 * with its timeline and visit, a survey, followed-up incidents for the insights), and the states a person meets:
 * a form's errors, the advice, a rule file and a survey refused, the pages refused (403) and not found (404).
 */
class AccessibilityBrowserTest extends BrowserTest {

    @Autowired
    IncidentService incidents;

    @Autowired
    FollowThroughService followThrough;

    @Autowired
    KanoSurveyService surveys;

    private long openIncident;
    private long closedIncident;
    private long survey;
    private Path brokenRule;
    private Path surveyOnTheWrongScale;
    private AxeCheck axe;

    /** A page: who opens it (nobody: signed out), where, and what they do there before it is checked. */
    record Page(String name, String user, Supplier<String> path, Runnable then) {

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void pagesWithSomethingOnThem() throws IOException {
        axe = AxeCheck.in(browser);
        openIncident = record("lift-outage", ServiceArea.ENGINEERING, "电梯停了，老人下不了楼");
        // assigned to a colleague: the supervisor's own queue stays for the follow-through test's overdue incident
        followThrough.assign(openIncident, "admin", "admin");
        closedIncident = record("noise", ServiceArea.COMMUNITY_LIFE, "广场舞太吵");
        followThrough.acknowledge(closedIncident, SUPERVISOR);
        followThrough.assign(closedIncident, "admin", "admin");
        followThrough.resolve(closedIncident, "和舞队商量了音量和时间", SUPERVISOR);
        incidents.followUp(closedIncident, new FollowUpCommand(2, 4, "还是有点吵", null), SUPERVISOR);
        survey = surveys.upload(
                        "kano-survey-sample.csv",
                        null,
                        Files.readAllBytes(Path.of("docs", "samples", "kano-survey-sample.csv")),
                        "test",
                        Locale.ROOT)
                .id();
        Path uploads = Files.createTempDirectory("accessibility-uploads");
        brokenRule = Files.writeString(uploads.resolve("broken-on-purpose.drl"), TrainerPageTest.BROKEN_RULE);
        surveyOnTheWrongScale = Files.writeString(
                uploads.resolve("zero-to-four.csv"),
                "respondent,item,functional,dysfunctional\nR1,lift-outage,0,4\nR2,lift-outage,1,4\n");
    }

    Stream<Arguments> everyPageInBothLanguages() {
        Runnable nothing = () -> {};
        List<Page> pages = List.of(
                new Page("log-in", null, () -> "/login", nothing),
                new Page("log-in refused", null, () -> "/login?error", nothing),
                new Page("new incident", SUPERVISOR, () -> "/incidents/new", nothing),
                new Page(
                        "new incident with its errors",
                        SUPERVISOR,
                        () -> "/incidents/new",
                        () -> submit("advise", "issue-error")),
                new Page("advice", SUPERVISOR, () -> "/incidents/new", this::askForAdviceOnAGasSmell),
                new Page("incident list", SUPERVISOR, () -> "/incidents", nothing),
                new Page("open incident", SUPERVISOR, () -> "/incidents/" + openIncident, nothing),
                new Page(
                        "visit with its errors",
                        SUPERVISOR,
                        () -> "/incidents/" + openIncident,
                        () -> submit("follow-up", "perception-error")),
                new Page("closed incident", SUPERVISOR, () -> "/incidents/" + closedIncident, nothing),
                new Page("queue", SUPERVISOR, () -> "/queue", nothing),
                new Page(
                        "dashboard",
                        SUPERVISOR,
                        () -> "/dashboard",
                        () -> wait.until(
                                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#gapByArea-chart svg")))),
                new Page("rules", TRAINER, () -> "/trainer", nothing),
                new Page("rule file refused", TRAINER, () -> "/trainer", () -> {
                    byId("path").sendKeys("principles/broken-on-purpose.drl");
                    upload(brokenRule, "validate", "check");
                }),
                new Page("surveys", TRAINER, () -> "/trainer/kano", nothing),
                new Page(
                        "survey refused",
                        TRAINER,
                        () -> "/trainer/kano",
                        () -> upload(surveyOnTheWrongScale, "upload", "upload-rows")),
                new Page(
                        "survey",
                        TRAINER,
                        () -> "/trainer/kano/" + survey,
                        () -> wait.until(ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector("#better-worse-chart svg")))),
                new Page("what works", TRAINER, () -> "/trainer/insights", nothing),
                new Page("refused (403)", SUPERVISOR, () -> "/trainer", nothing),
                new Page("incident not found (404)", SUPERVISOR, () -> "/incidents/999999999", nothing));
        return pages.stream().flatMap(page -> Stream.of("zh-CN", "en").map(language -> Arguments.of(page, language)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("everyPageInBothLanguages")
    void hasNoSeriousOrCriticalAccessibilityViolation(Page page, String language) {
        // the language is chosen on the log-in page, as a person would, and kept in its cookie
        browser.manage().deleteAllCookies();
        open("/login?lang=" + language);
        if (page.user() != null) {
            byId("username").sendKeys(page.user());
            byId("password").sendKeys(PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        }
        open(page.path().get());
        page.then().run();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                .as("the page's language")
                .isEqualTo(language);
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .as("a page, not an empty answer")
                .isNotBlank();
        axe.assertNoSeriousViolations(page.name() + " " + page.path().get());
    }

    /** Sends a form as it is and waits for the page that answers with the element it should show. */
    private void submit(String button, String expected) {
        byId(button).click();
        byId(expected);
    }

    private void upload(Path file, String button, String expected) {
        byId("file").sendKeys(file.toAbsolutePath().toString());
        submit(button, expected);
    }

    /** An emergency, so the advice shows its safety steps and what is missing first. */
    private void askForAdviceOnAGasSmell() {
        new Select(byId("issue")).selectByValue("gas-leak");
        new Select(byId("serviceArea")).selectByValue("ENGINEERING");
        byId("community").sendKeys("阳光花园");
        byId("summary").sendKeys("楼道里有一股煤气味，不知道是哪一家。");
        submit("advise", "advice-safety");
    }

    private long record(String issue, ServiceArea area, String summary) {
        return incidents
                .record(
                        Incident.builder()
                                .channel(Channel.PHONE)
                                .community("阳光花园")
                                .serviceArea(area)
                                .issue(issue)
                                .summary(summary)
                                .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.UPSET))
                                .build(),
                        Language.ZH_CN,
                        "test")
                .id();
    }
}
