package com.propertyservice.advisor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.Deadline;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.incident.FollowThroughService;
import com.propertyservice.advisor.incident.IncidentService;
import com.propertyservice.advisor.incident.IncidentView;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A supervisor keeping the advice's promises in the browser, with the service's clock moved by the test: the queue
 * shows an incident past its response deadline (theirs, first) and one due soon, with the clock and the escalation
 * notice; from the incident page they acknowledge, assign and resolve and watch the timeline grow; a step someone
 * else took first is said on the page. Chinese by default, English on request.
 */
@ContextConfiguration(initializers = ShiftedClock.Register.class)
@TestPropertySource(properties = "advisor.follow-through.poll-interval=200ms")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FollowThroughBrowserTest extends BrowserTest {

    static final DateTimeFormatter PAGE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Autowired
    IncidentService incidents;

    @Autowired
    FollowThroughService followThrough;

    private long late;
    private long soon;

    /** One incident of the supervisor's whose response is overdue (and escalated), and a fresh one due soon. */
    @BeforeAll
    void anOverdueAndADueSoonIncident() {
        IncidentView first = record("电梯又停了，老人下不了楼");
        late = first.id();
        followThrough.assign(late, SUPERVISOR, "admin");
        assertThat(first.deadlines().resolveBy())
                .as("the resolution is due after the response")
                .isAfter(first.deadlines().respondBy().plusMinutes(30));
        ShiftedClock.SHARED.moveForward(
                Duration.between(first.recordedAt(), first.deadlines().respondBy())
                        .plusMinutes(5));
        soon = record("电梯门关不上").id();
        // the breach check runs on the service's clock: the response deadline is recorded missed and escalated
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !incidents.get(late).breaches().isEmpty());
    }

    @Test
    @Order(1)
    void theQueueShowsMyOverdueIncidentFirstTheOneDueSoonTheClockAndTheNotice() {
        logIn(SUPERVISOR, PASSWORD);
        open("/queue");
        OffsetDateTime now = OffsetDateTime.now(ShiftedClock.SHARED);
        String clock = byId("clock").getText();
        assertThat(clock).startsWith("服务时间：").contains("Asia/Shanghai");
        // the page shows the service's (moved) time, not the browser's
        assertThat(List.of(
                        now.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).format(PAGE_TIME),
                        now.minusMinutes(1)
                                .atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
                                .format(PAGE_TIME)))
                .anySatisfy(time -> assertThat(clock).contains(time));

        WebElement first = byId("overdue-table").findElement(By.cssSelector("tbody tr"));
        assertThat(first.getAttribute("data-incident")).isEqualTo(Long.toString(late));
        assertThat(first.getAttribute("data-deadline")).isEqualTo(Deadline.RESPOND.name());
        assertThat(first.getAttribute("class")).contains("mine");
        assertThat(first.findElement(By.cssSelector("td.left")).getText()).endsWith("前");
        assertThat(first.getText()).contains("首次响应", "我的");

        WebElement dueSoon = byId("soon-table")
                .findElement(By.cssSelector("tr[data-incident='" + soon + "'][data-deadline=RESPOND]"));
        assertThat(dueSoon.findElement(By.cssSelector("td.left")).getText()).endsWith("后");
        assertThat(dueSoon.getText()).contains("未分派");
        assertThat(byId("mine-table").findElements(By.cssSelector("tbody tr")))
                .extracting(row -> row.getAttribute("data-incident"))
                .contains(Long.toString(late))
                .doesNotContain(Long.toString(soon));
        assertThat(byId("notices")
                        .findElements(By.cssSelector("li[data-incident='" + late + "'][data-event=ESCALATED]")))
                .isNotEmpty();
        screenshots("queue");
        // the states only a moved clock shows (late rows, the escalation notice, a breached deadline) are checked here
        AxeCheck.in(browser).assertNoSeriousViolations("queue with an overdue incident");

        // the row leads to the incident
        first.findElement(By.cssSelector("a")).click();
        wait.until(ExpectedConditions.urlContains("/incidents/" + late));
        assertThat(byId("deadline-table")
                        .findElement(By.cssSelector("tr[data-deadline=RESPOND]"))
                        .getAttribute("data-state"))
                .isEqualTo("BREACHED");
        assertThat(byId("timeline").findElements(By.cssSelector("li[data-kind=BREACHED]")))
                .isNotEmpty();
        // the escalation's in-app notice, delivered at once, is in the timeline with its delivery
        WebElement notified = byId("timeline").findElement(By.cssSelector("li[data-kind=NOTIFIED]"));
        assertThat(notified.getText()).contains("站内", "已升级", "首次响应", "主管");
        assertThat(notified.findElement(By.cssSelector(".delivery")).getText()).isEqualTo("已送达");
        screenshots("incident-breached");
        AxeCheck.in(browser).assertNoSeriousViolations("incident with a breached deadline");
    }

    @Test
    @Order(2)
    void theQueueSpeaksEnglishOnRequest() {
        logIn(SUPERVISOR, PASSWORD);
        open("/queue?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My queue");
        assertThat(byId("clock").getText()).startsWith("Service time: ");
        WebElement first = byId("overdue-table").findElement(By.cssSelector("tbody tr"));
        assertThat(first.findElement(By.cssSelector("td.left")).getText()).endsWith(" ago");
        assertThat(first.getText()).contains("First response", "mine");
        assertThat(byId("soon-table")
                        .findElement(By.cssSelector("tr[data-incident='" + soon + "'] td.left"))
                        .getText())
                .startsWith("in ");
        AxeCheck.in(browser).assertNoSeriousViolations("queue with an overdue incident");
        open("/queue?lang=zh-CN");
    }

    @Test
    @Order(3)
    void acknowledgeAssignAndResolveFromTheIncidentPageGrowTheTimeline() {
        logIn(SUPERVISOR, PASSWORD);
        open("/incidents/" + soon);
        assertThat(kinds()).containsExactly("REPORTED", "RECORDED");
        assertThat(byId("incident-assignee").getText()).isEqualTo("未分派");

        byId("acknowledge").click();
        assertThat(byId("step-done").getText()).isEqualTo("已标记为已响应。");
        assertThat(byId("incident-status").getText()).isEqualTo("已响应");
        assertThat(browser.findElements(By.id("acknowledge")))
                .as("acknowledged once")
                .isEmpty();
        assertThat(state(Deadline.RESPOND)).isEqualTo("MET");

        new Select(byId("assignee")).selectByValue(SUPERVISOR);
        byId("assign").click();
        assertThat(byId("step-done").getText()).isEqualTo("已分派给 " + SUPERVISOR + "。");
        assertThat(byId("incident-assignee").getText()).isEqualTo(SUPERVISOR);

        byId("note").sendKeys("更换了门机皮带，试运行正常");
        byId("resolve").click();
        assertThat(byId("step-done").getText()).startsWith("已标记为已解决");
        assertThat(byId("incident-status").getText()).isEqualTo("已解决");
        assertThat(kinds()).containsSubsequence("REPORTED", "RECORDED", "ACKNOWLEDGED", "ASSIGNED", "RESOLVED");
        WebElement resolved = byId("timeline").findElement(By.cssSelector("li[data-kind=RESOLVED]"));
        assertThat(resolved.getText()).contains(SUPERVISOR, "更换了门机皮带，试运行正常");
        assertThat(state(Deadline.RESOLVE)).isEqualTo("MET");
        assertThat(state(Deadline.FOLLOW_UP)).isEqualTo("PENDING");
        assertThat(browser.findElements(By.id("resolve"))).isEmpty();
        screenshots("incident-timeline");
    }

    @Test
    @Order(4)
    void aStepSomeoneElseTookFirstIsSaidOnThePageInEitherLanguage() {
        logIn(SUPERVISOR, PASSWORD);
        long id = record("楼道灯不亮").id();
        open("/incidents/" + id);
        byId("acknowledge");
        followThrough.acknowledge(id, "admin"); // a colleague, a moment earlier
        byId("acknowledge").click();
        assertThat(byId("step-problem").getText()).isEqualTo("事件 " + id + " 处于 已响应 状态，不能再标记为已响应：只有待处理的事件才能响应一次。");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("事件 " + id);
        assertThat(browser.findElements(By.id("acknowledge"))).isEmpty();

        open("/incidents/" + id + "?lang=en");
        followThrough.resolve(id, "fixed by the night shift", "admin");
        byId("resolve").click();
        assertThat(byId("step-problem").getText())
                .isEqualTo("Incident " + id + " is already Resolved; it cannot be resolved again.");
        assertThat(kinds()).contains("ACKNOWLEDGED", "RESOLVED");
        open("/incidents/" + id + "?lang=zh-CN");
    }

    IncidentView record(String summary) {
        return incidents.record(
                Incident.builder()
                        .channel(Channel.PHONE)
                        .community("阳光花园")
                        .serviceArea(ServiceArea.ENGINEERING)
                        .issue("lift-outage")
                        .summary(summary)
                        .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.ANGRY))
                        .build(),
                Language.ZH_CN,
                "test");
    }

    List<String> kinds() {
        return byId("timeline").findElements(By.tagName("li")).stream()
                .map(li -> li.getAttribute("data-kind"))
                .toList();
    }

    String state(Deadline deadline) {
        return byId("deadline-table")
                .findElement(By.cssSelector("tr[data-deadline=" + deadline + "]"))
                .getAttribute("data-state");
    }
}
