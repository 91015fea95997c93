package com.propertyservice.advisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A supervisor on duty in the browser: the deck's case A from the form to its advice, saved in one
 * click, followed up, and seen on the dashboard; errors beside the fields; English on request; and
 * no page loading anything from outside the application.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisorPagesTest extends BrowserTest {

    private static String savedIncident;

    @Test
    @Order(1)
    void logInPageIsChineseByDefaultAndRejectsAWrongPassword() {
        browser.manage().deleteAllCookies();
        open("/incidents/new");
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText())
                .isEqualTo("用户名");
        screenshots("login");
        byId("username").sendKeys(SUPERVISOR);
        byId("password").sendKeys("not-the-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(byId("main").getText()).contains("用户名或密码不对");
    }

    @Test
    @Order(2)
    void caseAIsReferredToTheAuthorityWithASupervisorInsideAndGoodCommunicationAmongTheTopPrinciples() {
        logIn(SUPERVISOR, PASSWORD);
        open("/incidents/new");
        // the filter narrows the issue list to the key typed
        byId("issue-filter").sendKeys("noise");
        Select issue = new Select(byId("issue"));
        issue.selectByValue("noise");
        new Select(byId("serviceArea")).selectByValue("COMMUNITY_LIFE");
        byId("community").sendKeys("A小区");
        new Select(byId("channel")).selectByValue("WALK_IN");
        byId("summary").sendKeys("广场上天不亮就放音乐跳舞，吵得人没法睡觉，你们物业管不管？");
        new Select(byId("causedBy")).selectByValue("PUBLIC");
        WebElement within = browser.findElement(By.name("withinJurisdiction"));
        if (within.isSelected()) {
            within.click();
        }
        new Select(byId("emotion")).selectByValue("ANGRY");
        screenshots("new-incident");
        byId("advise").click();

        WebElement escalation = byId("advice-escalation");
        assertThat(escalation.getAttribute("data-code")).isEqualTo("SUPERVISOR");
        assertThat(escalation.getText()).isEqualTo("主管");
        assertThat(byId("advice-referral").findElements(By.cssSelector("b[data-code]")).stream()
                        .map(b -> b.getAttribute("data-code"))
                        .toList())
                .containsExactly("EXTERNAL_AUTHORITY");
        assertThat(byId("advice-kind").getAttribute("data-code")).isEqualTo("COMPLAINT");
        assertThat(byId("advice-fault").getAttribute("data-code")).isEqualTo("NOT_OURS");
        assertThat(browser.findElements(By.id("advice-safety"))).isEmpty();
        List<String> principles = browser.findElements(By.cssSelector("#advice-principles > li")).stream()
                .map(li -> li.getAttribute("data-code"))
                .toList();
        assertThat(principles.subList(0, 2)).contains("GOOD_COMMUNICATION");
        assertThat(browser.findElements(By.cssSelector("#advice-cautions li"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#advice-steps > li")).stream()
                        .map(li -> li.getAttribute("data-code"))
                        .toList())
                .startsWith("LET_OWNER_VENT", "ACKNOWLEDGE_FEELINGS", "OFFER_HELP");
        // the trail is folded away
        assertThat(byId("advice-fired").isDisplayed()).isFalse();
        screenshots("advice");

        byId("save").click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        savedIncident = URI.create(browser.getCurrentUrl()).getPath();
        assertThat(savedIncident).matches("/incidents/\\d+");
        assertThat(byId("advice-escalation").getAttribute("data-code")).isEqualTo("SUPERVISOR");
    }

    @Test
    @Order(3)
    void followUpWithPerceptionTwoShowsTheGapOnTheIncidentAndTheDashboard() {
        logIn(SUPERVISOR, PASSWORD);
        open(savedIncident);
        new Select(byId("perception")).selectByValue("2");
        new Select(byId("expectation")).selectByValue("4");
        byId("comment").sendKeys("还是有点吵，但物业态度好");
        byId("follow-up").click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("visited")));
        assertThat(byId("incident-gap").getText()).isEqualTo("-2");
        assertThat(byId("timeline").getText()).contains("回访");
        screenshots("incident");

        open("/dashboard");
        WebElement areaRow = byId("gapByArea-table").findElement(By.cssSelector("tr[data-key=COMMUNITY_LIFE]"));
        assertThat(areaRow.findElement(By.cssSelector("td.value")).getAttribute("textContent"))
                .isEqualTo("-2.0");
        WebElement kanoRow = byId("gapByKano-table").findElement(By.cssSelector("tbody tr"));
        assertThat(kanoRow.findElement(By.cssSelector("td.value")).getAttribute("textContent"))
                .isEqualTo("-2.0");
        // ECharts drew the chart in the browser
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#gapByArea-chart svg")));
        screenshots("dashboard");
    }

    @Test
    @Order(4)
    void aGasSmellReportedCalmlyBySomeoneElseShowsTheSafetyStepsFirstAndAsksWhere() {
        logIn(SUPERVISOR, PASSWORD);
        open("/incidents/new");
        new Select(byId("issue")).selectByValue("gas-leak");
        new Select(byId("serviceArea")).selectByValue("ENGINEERING");
        byId("community").sendKeys("阳光花园");
        byId("summary").sendKeys("楼道里有一股煤气味，不知道是哪一家。");
        new Select(byId("kind")).selectByValue("COMPLAINT");
        new Select(byId("side")).selectByValue("REPORTER");
        new Select(byId("noticeGiven")).selectByValue("");
        byId("advise").click();

        WebElement advice = browser.findElement(By.cssSelector("section.advice"));
        // safety first: the first thing under the title, before priority and targets
        List<WebElement> blocks = advice.findElements(By.xpath("./*"));
        assertThat(blocks.get(1).getAttribute("id")).isEqualTo("advice-safety");
        assertThat(byId("advice-safety-steps").findElements(By.tagName("li"))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(byId("advice-kind").getAttribute("data-code")).isEqualTo("EMERGENCY");
        assertThat(byId("advice-priority").getText()).isEqualTo("紧急");
        assertThat(byId("advice-referral").findElements(By.cssSelector("b[data-code]")).stream()
                        .map(b -> b.getAttribute("data-code"))
                        .toList())
                .contains("UTILITY", "FIRE_SERVICE");
        assertThat(byId("advice-missing").getText()).contains("地点");
        assertThat(byId("advice-warnings").getText()).contains("确切位置");
        assertThat(advice.getText()).doesNotContain("接待室");
        screenshots("advice-emergency");

        byId("location").sendKeys("3号楼2单元");
        byId("advise").click();
        assertThat(browser.findElements(By.id("advice-warnings"))).isEmpty();
        assertThat(byId("location").getAttribute("value")).isEqualTo("3号楼2单元");
    }

    @Test
    @Order(5)
    void incidentListFiltersByAreaAndPriority() {
        logIn(SUPERVISOR, PASSWORD);
        open("/incidents?area=COMMUNITY_LIFE&priority=HIGH");
        assertThat(byId("incident-table").findElements(By.cssSelector("tbody tr")))
                .isNotEmpty();
        screenshots("incidents");
        open("/incidents?area=PARKING");
        assertThat(browser.findElements(By.id("incident-table"))).isEmpty();
    }

    @Test
    @Order(6)
    void missingFieldsAreShownBesideTheFieldInEnglishOnRequest() {
        logIn(SUPERVISOR, PASSWORD);
        open("/incidents/new?lang=en");
        assertThat(browser.findElement(By.cssSelector("label[for=community]")).getText())
                .isEqualTo("Estate / building");
        byId("advise").click();
        assertThat(byId("community-error").getText()).isNotBlank();
        assertThat(byId("issue-error").getText()).isNotBlank();
        assertThat(byId("summary-error").getText()).isNotBlank();
        // the cookie keeps English on the next page, until Chinese is picked again
        open("/incidents");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Incidents");
        open("/incidents?lang=zh-CN");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("事件列表");
    }

    @Test
    @Order(7)
    void everyPageLoadsOnlyFromTheApplication() {
        logIn(SUPERVISOR, PASSWORD);
        recordRequests();
        requested.clear();
        for (String page : List.of("/incidents/new", savedIncident, "/incidents", "/queue", "/dashboard", "/trainer")) {
            open(page);
            byId("main");
        }
        browser.manage().deleteAllCookies();
        open("/login");
        byId("main");
        List<String> urls = recordRequests();
        assertThat(urls).anyMatch(url -> url.contains("/webjars/echarts/5.3.1/dist/echarts.min.js"));
        assertThat(urls)
                .isNotEmpty()
                .allSatisfy(url -> assertThat(url.startsWith("data:")
                                || URI.create(url).getAuthority().equals(origin()))
                        .as(url)
                        .isTrue());
    }
}
