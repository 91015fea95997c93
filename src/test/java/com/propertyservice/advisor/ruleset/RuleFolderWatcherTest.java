package com.propertyservice.advisor.ruleset;

import static com.propertyservice.advisor.SampleRules.DRL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propertyservice.advisor.SampleRules;
import com.propertyservice.advisor.TestDatabase;
import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.RuleFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With activation=watch, what trainers save goes live by itself, but never a half-saved file. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"advisor.rules.activation=watch", "advisor.rules.debounce=1s", TestDatabase.OWN_IN_MEMORY})
class RuleFolderWatcherTest {

    static final Path RULES = SampleRules.newCopy();

    @DynamicPropertySource
    static void rulesFolder(DynamicPropertyRegistry registry) {
        registry.add("advisor.rules-dir", RULES::toString);
    }

    @Autowired
    Advisor advisor;

    @Autowired
    RuleSetHistory history;

    @Test
    void aFileSavedInTwoStepsIsActivatedOnlyOnceComplete() throws Exception {
        String complete = SampleRules.read(RULES, DRL).replace("followUpWithin(\"P3D\")", "followUpWithin(\"P2D\")");
        String half = complete.substring(0, complete.indexOf("rule \"satisfaction gap\"") + 30);
        String halfVersion = RuleFiles.fromDirectory(RULES)
                .with(DRL, half.getBytes(StandardCharsets.UTF_8))
                .sha256()
                .substring(0, 12);

        try (AdviceLoad load = new AdviceLoad(advisor, 2)) {
            SampleRules.write(RULES, DRL, half); // the editor's first write ...
            SampleRules.write(RULES, "principles/.~lock.remediation.drl#", "lock"); // ... its lock file ...
            Thread.sleep(150); // not a wait for anything: the editor's pause between its two writes
            SampleRules.write(RULES, DRL, complete); // ... and the rest of the file
            String completeVersion = SampleRules.version(RULES);

            // the watcher activates, then records the attempt: wait for both, or a loaded machine
            // reads the history in between and finds the start-up attempt still on top
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> advisor.version().equals(completeVersion)
                            && history.attempts().get(0).version().equals(completeVersion));
            load.close();

            assertThat(load.failures()).isZero();
            assertThat(history.attempts())
                    .extracting(RuleSetHistory.Attempt::version)
                    .doesNotContain(halfVersion);
            RuleSetHistory.Attempt latest = history.attempts().get(0);
            assertThat(latest.attemptedBy()).isEqualTo("watcher");
            assertThat(latest.outcome()).isEqualTo(RuleSetHistory.Outcome.ACTIVATED);
            assertThat(latest.version()).isEqualTo(completeVersion);
            assertThat(latest.files())
                    .extracting(RuleSetHistory.FileEntry::path)
                    .doesNotContain("principles/.~lock.remediation.drl#");
        }
    }
}
