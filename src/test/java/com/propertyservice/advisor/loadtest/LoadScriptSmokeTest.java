package com.propertyservice.advisor.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.ServiceOnRandomPort;
import com.propertyservice.advisor.TestIncidents;
import com.propertyservice.advisor.engine.Advisor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Keeps the load script working: a few seconds of it against the service on a random port, with
 * in-process reloads. Asserts that every request succeeded with the expected answer and that a
 * report came out; never how fast (timings belong in docs/performance.md, not in tests).
 */
@ServiceOnRandomPort
class LoadScriptSmokeTest {

    @LocalServerPort
    int port;

    @Autowired
    Advisor advisor;

    @Test
    void aShortRunAnswersEveryRequestCorrectlyAndReportsInMarkdown() throws Exception {
        LoadScript.Settings brief = new LoadScript.Settings(
                List.of(1, 4),
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                20_000,
                4,
                Duration.ofMillis(500),
                Duration.ZERO);

        LoadScript.Report report = new LoadScript("127.0.0.1", port, TestIncidents.API_KEY, Path.of("rules"), brief)
                .run(() -> advisor.reload().activeVersion());

        assertThat(report.phases()).extracting(LoadScript.Phase::name).contains(LoadScript.HEALTH, LoadScript.ADVICE);
        assertThat(report.phases())
                .allSatisfy(phase -> assertThat(phase.requests()).isPositive());
        assertThat(report.totalFailures()).isZero();
        assertThat(report.phases().get(report.phases().size() - 1).reloads()).isPositive();
        assertThat(report.markdown())
                .contains("| load | connections |", "| " + LoadScript.HEALTH + " | 4 |", "p99 with reloads");
    }
}
