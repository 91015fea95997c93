package com.propertyservice.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document the service publishes at {@code /v3/api-docs}, written to {@code target/openapi/openapi.json}
 * and linted with Redocly CLI's {@code recommended} rules (src/test/tools/redocly.yaml): the build fails on any
 * error and any warning, with the linter's report in the failure. The linter is installed by
 * {@code mvn generate-test-resources} (src/test/tools/package-lock.json).
 */
@SpringBootTest(
        properties = {
            "advisor.security.api-keys=" + TestIncidents.API_KEY,
            "spring.datasource.url=jdbc:h2:mem:api-doc-examples;DB_CLOSE_DELAY=-1"
        })
@AutoConfigureMockMvc // the same context as ApiDocExamplesTest, so no new one is started for this
class OpenApiDocumentTest {

    static final Path DOCUMENT = Path.of("target", "openapi", "openapi.json");
    static final Path REPORT = Path.of("target", "openapi", "lint.json");
    static final Path LOG = Path.of("target", "openapi", "lint.log");
    static final Path REDOCLY = Path.of("target", "test-tools", "node_modules", ".bin", "redocly");
    static final Path CONFIG = Path.of("src", "test", "tools", "redocly.yaml");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Test
    void theOpenApiDocumentPassesTheRecommendedLintWithoutErrorsOrWarnings() throws Exception {
        String body = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode document = JSON.readTree(body);
        Files.createDirectories(DOCUMENT.getParent());
        Files.writeString(
                DOCUMENT, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document), StandardCharsets.UTF_8);

        assertThat(REDOCLY)
                .as("Redocly CLI; install the test tools with mvn generate-test-resources")
                .isExecutable();
        Process lint = new ProcessBuilder(List.of(
                        REDOCLY.toString(),
                        "lint",
                        "--config",
                        CONFIG.toString(),
                        "--format",
                        "json",
                        DOCUMENT.toString()))
                .redirectOutput(REPORT.toFile())
                .redirectError(LOG.toFile())
                .start();
        assertThat(lint.waitFor(2, TimeUnit.MINUTES))
                .as("redocly lint finished within two minutes")
                .isTrue();
        assertThat(Files.size(REPORT))
                .as("redocly lint wrote its report; its log: %s", Files.readString(LOG, StandardCharsets.UTF_8))
                .isPositive();
        JsonNode report = JSON.readTree(REPORT.toFile());
        List<String> problems = new ArrayList<>();
        for (JsonNode problem : report.path("problems")) {
            problems.add(problem.path("severity").asString() + " "
                    + problem.path("ruleId").asString() + " at "
                    + problem.path("location").path(0).path("pointer").asString() + ": "
                    + problem.path("message").asString());
        }
        String what = "redocly lint --extends=recommended of " + DOCUMENT + " (report " + REPORT + ", log " + LOG + ")";
        assertThat(problems).as(what).isEqualTo(List.of()); // lists every error and warning when the lint finds any
        assertThat(report.path("totals").path("errors").asInt(-1))
                .as(what + ": errors")
                .isZero();
        assertThat(report.path("totals").path("warnings").asInt(-1))
                .as(what + ": warnings")
                .isZero();
        assertThat(lint.exitValue())
                .as(what + ": exit value; " + Files.readString(LOG, StandardCharsets.UTF_8))
                .isZero();
    }
}
