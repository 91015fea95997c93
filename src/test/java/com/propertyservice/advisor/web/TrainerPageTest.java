package com.propertyservice.advisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.engine.Advisor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The trainers' page in the browser: a broken rule file is shown with its file and line and
 * changes nothing; a supervisor cannot open the page.
 */
class TrainerPageTest extends BrowserTest {

    /** A rule whose condition names a field the fact does not have, on line 5. */
    static final String BROKEN_RULE = """
            package com.propertyservice.advisor.rules.principles
            import com.propertyservice.advisor.engine.fact.Assessment

            rule "broken on purpose"
            when $a : Assessment( noSuchField == 1 )
            then
            end
            """;

    @Autowired
    Advisor advisor;

    @Test
    void aBrokenRuleFileIsShownWithItsFileAndLineAndTheActiveVersionStays() throws IOException {
        String before = advisor.version();
        logIn(TRAINER, PASSWORD);
        open("/trainer");
        assertThat(byId("active-version").getText()).isEqualTo(before);
        assertThat(byId("rules-table").findElements(By.cssSelector("tbody tr"))).hasSizeGreaterThan(20);
        screenshots("trainer");

        Path upload = Files.createTempDirectory("upload").resolve("broken-on-purpose.drl");
        Files.writeString(upload, BROKEN_RULE, StandardCharsets.UTF_8);
        byId("file").sendKeys(upload.toAbsolutePath().toString());
        byId("path").sendKeys("principles/broken-on-purpose.drl");
        byId("validate").click();

        WebElement check = byId("check");
        assertThat(check.getAttribute("data-valid")).isEqualTo("false");
        List<WebElement> problems = check.findElements(By.cssSelector("tr.problem"));
        assertThat(problems).isNotEmpty();
        assertThat(problems).anySatisfy(row -> {
            assertThat(row.findElement(By.cssSelector(".problem-file")).getText())
                    .isEqualTo("principles/broken-on-purpose.drl");
            assertThat(row.findElement(By.cssSelector(".problem-line")).getText())
                    .startsWith("5");
        });
        assertThat(byId("active-version").getText()).isEqualTo(before);
        assertThat(advisor.version()).isEqualTo(before);
        screenshots("trainer-broken-file");
    }

    @Test
    void publishingTheUnchangedFolderKeepsItsVersionAndAddsItToTheHistory() {
        String before = advisor.version();
        logIn(TRAINER, PASSWORD);
        open("/trainer");
        int attempts =
                byId("history-table").findElements(By.cssSelector("tbody tr")).size();
        byId("reload").click();
        assertThat(byId("outcome").getText()).contains(before);
        assertThat(byId("history-table").findElements(By.cssSelector("tbody tr")))
                .hasSize(attempts + 1);
        assertThat(advisor.version()).isEqualTo(before);
    }

    @Test
    void aSupervisorCannotOpenTheTrainerPage() {
        logIn(SUPERVISOR, PASSWORD);
        assertThat(browser.findElements(By.cssSelector("a[href='/trainer']"))).isEmpty();
        open("/trainer");
        assertThat(byId("denied").getText()).isEqualTo("无权访问");
        assertThat(browser.findElements(By.id("active-version"))).isEmpty();
        screenshots("denied");
    }
}
