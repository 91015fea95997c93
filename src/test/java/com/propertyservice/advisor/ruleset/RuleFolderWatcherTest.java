package com.propertyservice.advisor.ruleset;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.RuleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static com.propertyservice.advisor.ruleset.SampleRules.DRL;
import static org.assertj.core.api.Assertions.assertThat;

/** With activation=watch, what trainers save goes live by itself, but never a half-saved file. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "advisor.rules.activation=watch",
        "advisor.rules.debounce=1s",
        "spring.datasource.url=jdbc:h2:mem:rule-watcher;DB_CLOSE_DELAY=-1"})
class RuleFolderWatcherTest {

    static final Path RULES = SampleRules.newCopy();

    @DynamicPropertySource
    static void rulesFolder(DynamicPropertyRegistry registry) {
        registry.add("advisor.rules-dir", RULES::toString);
    }

    @Autowired Advisor advisor;
    @Autowired RuleSetHistory history;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a guard, not a measure: ends the wait if the watcher never loads
    void aFileSavedInTwoStepsIsActivatedOnlyOnceComplete() throws Exception {
        String complete = SampleRules.read(RULES, DRL).replace("followUpWithin(\"P3D\")", "followUpWithin(\"P2D\")");
        String half = complete.substring(0, complete.indexOf("rule \"satisfaction gap\"") + 30);
        String halfVersion = RuleFiles.fromDirectory(RULES).with(DRL, half.getBytes(StandardCharsets.UTF_8)).sha256().substring(0, 12);

        try (SampleRules.Load load = new SampleRules.Load(advisor, 2)) {
            SampleRules.write(RULES, DRL, half);         // the editor's first write ...
            SampleRules.write(RULES, "principles/.~lock.remediation.drl#", "lock"); // ... its lock file ...
            Thread.sleep(150);
            SampleRules.write(RULES, DRL, complete);     // ... and the rest of the file
            String completeVersion = SampleRules.version(RULES);

            // the watcher activates, then records the attempt: wait for both, or a loaded machine
            // reads the history in between and finds the start-up attempt still on top
            while (!advisor.version().equals(completeVersion)
                    || !history.attempts().get(0).version().equals(completeVersion)) {
                Thread.sleep(50);
            }
            load.close();

            assertThat(load.failures()).isZero();
            assertThat(history.attempts()).extracting(RuleSetHistory.Attempt::version).doesNotContain(halfVersion);
            RuleSetHistory.Attempt latest = history.attempts().get(0);
            assertThat(latest.attemptedBy()).isEqualTo("watcher");
            assertThat(latest.outcome()).isEqualTo(RuleSetHistory.Outcome.ACTIVATED);
            assertThat(latest.version()).isEqualTo(completeVersion);
            assertThat(latest.files()).extracting(RuleSetHistory.FileEntry::path).doesNotContain("principles/.~lock.remediation.drl#");
        }
    }
}
