package com.propertyservice.advisor.ruleset;

import static com.propertyservice.advisor.SampleRules.CATALOGUE;
import static com.propertyservice.advisor.SampleRules.DRL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.propertyservice.advisor.SampleRules;
import com.propertyservice.advisor.TestDatabase;
import com.propertyservice.advisor.engine.Advice;
import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.RuleFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running service under load while trainers change its rules: a broken change of any kind is
 * rejected with its file and line while every request keeps being served by the running version; a
 * good change goes live for the next request; an earlier version can be brought back.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "advisor.rules.activation=publish",
            TestDatabase.OWN_IN_MEMORY,
            "advisor.security.api-keys=" + RuleActivationTest.API_KEY
        })
@AutoConfigureMockMvc
@WithMockUser(username = "trainer", roles = "TRAINER")
class RuleActivationTest {

    static final Path RULES = SampleRules.newCopy();
    static final String API_KEY = "rule-activation-test-key";

    @DynamicPropertySource
    static void rulesFolder(DynamicPropertyRegistry registry) {
        registry.add("advisor.rules-dir", RULES::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Advisor advisor;

    @Autowired
    JsonMapper json;

    private AdviceLoad load;

    @BeforeEach
    void freshSampleUnderLoad() throws Exception {
        SampleRules.reset(RULES);
        if (!advisor.version().equals(SampleRules.version(RULES))) {
            post("/api/rules/reload", 200);
        }
        load = AdviceLoad.overHttp(port, API_KEY, 3); // requests over HTTP, as integrations send them
    }

    @AfterEach
    void stopLoad() throws Exception {
        load.close();
    }

    /** A change to one file: its path, the edit, and the text on the line the problem must point at. */
    static Stream<Arguments> brokenChanges() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of(
                "syntax error",
                DRL,
                (UnaryOperator<String>) s -> s + "\nrule \"broken\"\nwhen\n    $a: Assessment(\nthen\nend\n",
                null,
                "broken"));
        cases.add(Arguments.of(
                "unknown field",
                DRL,
                (UnaryOperator<String>)
                        s -> s.replace("kanoFactor == KanoFactor.EXPECTED", "kanoFactr == KanoFactor.EXPECTED"),
                "kanoFactr",
                "kanoFactr"));
        cases.add(Arguments.of(
                "missing text",
                DRL,
                (UnaryOperator<String>)
                        s -> s.replace("\"action.remediation.fix-now\"", "\"action.remediation.call-owner\""),
                "action.remediation.call-owner",
                "action.remediation.call-owner"));
        cases.add(Arguments.of(
                "failing scenario",
                "scenarios/staff-attitude-calm.yaml",
                (UnaryOperator<String>) s -> s.replace("priority: NORMAL", "priority: URGENT"),
                "priority: URGENT",
                "priority"));
        for (String call : List.of(
                "System.exit(0);", "Runtime.getRuntime();", "Class.forName(\"x\");", "new java.io.File(\"x\");")) {
            cases.add(Arguments.of(
                    "forbidden " + call,
                    DRL,
                    (UnaryOperator<String>) s -> s + SampleRules.ruleWithConsequence(call),
                    call,
                    call.startsWith("new ")
                            ? call.substring(4).replaceAll("\\(.*", "")
                            : call.replaceAll("[.(].*", "")));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenChanges")
    void aBrokenChangeIsRejectedWithFileAndLineWhileEveryRequestIsServed(
            String what, String path, UnaryOperator<String> edit, String lineText, String messagePart)
            throws Exception {
        String running = advisor.version();
        awaitCalls();
        String changed = edit.apply(SampleRules.read(RULES, path));
        assertThat(changed).as("the edit applies").isNotEqualTo(SampleRules.read(RULES, path));
        SampleRules.write(RULES, path, changed);

        JsonNode body = post("/api/rules/reload", 422);
        awaitCalls();

        assertThat(body.path("activeVersion").asString()).isEqualTo(running);
        assertThat(advisor.version()).isEqualTo(running);
        List<JsonNode> problems = new ArrayList<>();
        body.path("problems").forEach(problems::add);
        assertThat(problems).as(body.toString()).anySatisfy(p -> {
            assertThat(p.path("file").asString()).isEqualTo(path);
            assertThat(p.path("line").isInt()).isTrue();
            if (lineText != null) {
                assertThat(p.path("line").asInt()).isEqualTo(lineOf(changed, lineText));
            }
            assertThat(p.path("message").asString()).contains(messagePart);
        });
        assertThat(load.failures()).isZero();
        assertThat(load.versions()).containsOnly(running);
        JsonNode latest = get("/api/rules/versions").get(0);
        assertThat(latest.path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(latest.path("attemptedBy").asString()).isEqualTo("trainer");
        assertThat(latest.path("activeVersion").asString()).isEqualTo(running);
    }

    @Test
    void aGoodChangeGoesLiveAndTheNextAdviceCarriesItsVersion() throws Exception {
        String before = advisor.version();
        awaitCalls();
        SampleRules.write(
                RULES,
                "texts/advice.en.properties",
                SampleRules.read(RULES, "texts/advice.en.properties")
                        .replace(
                                "action.remediation.fix-now=Send someone at once",
                                "action.remediation.fix-now=Send a technician at once"));

        JsonNode body = post("/api/rules/reload", 200);
        Advice next = advisor.advise(SampleRules.incident("lift-outage"), Language.EN);
        awaitCalls();

        assertThat(body.path("version").asString())
                .isEqualTo(SampleRules.version(RULES))
                .isNotEqualTo(before);
        assertThat(body.path("previousVersion").asString()).isEqualTo(before);
        assertThat(next.ruleSetVersion()).isEqualTo(SampleRules.version(RULES));
        assertThat(next.actions()).anySatisfy(a -> assertThat(a.text()).startsWith("Send a technician at once"));
        assertThat(load.failures()).isZero();
        assertThat(get("/api/rules").path("version").asString()).isEqualTo(SampleRules.version(RULES));
    }

    @Test
    void rollingBackRestoresAnEarlierVersionsFilesAndBehaviour() throws Exception {
        String v1 = advisor.version();
        // v2: a community event becomes an expected factor, with its scenario changed to match
        SampleRules.write(
                RULES,
                CATALOGUE,
                SampleRules.read(RULES, CATALOGUE)
                        .replace("\"COMMUNITY_LIFE, ATTRACTIVE, EMPATHY\"", "\"COMMUNITY_LIFE, EXPECTED, EMPATHY\""));
        SampleRules.write(
                RULES,
                "scenarios/community-event.yaml",
                SampleRules.read(RULES, "scenarios/community-event.yaml")
                        .replace("kanoFactor: ATTRACTIVE", "kanoFactor: EXPECTED")
                        .replace("priority: LOW", "priority: NORMAL")
                        .replace("respondWithin: P1D", "respondWithin: PT4H"));
        String v2 = post("/api/rules/reload", 200).path("version").asString();
        assertThat(advisor.advise(SampleRules.incident("community-event")).kanoFactor())
                .isEqualTo(KanoFactor.EXPECTED);
        awaitCalls();

        JsonNode back = post("/api/rules/versions/" + v1 + "/activate", 200);
        awaitCalls();

        assertThat(back.path("version").asString()).isEqualTo(v1);
        assertThat(back.path("previousVersion").asString()).isEqualTo(v2);
        assertThat(advisor.version()).isEqualTo(v1);
        assertThat(SampleRules.version(RULES))
                .as("the folder holds v1's files again")
                .isEqualTo(v1);
        assertThat(advisor.advise(SampleRules.incident("community-event")).kanoFactor())
                .isEqualTo(KanoFactor.ATTRACTIVE);
        // v1's own scenario passes again, and v2's scenario fails against v1's rules
        assertThat(advisor.runScenarios())
                .filteredOn(s -> s.file().equals("scenarios/community-event.yaml"))
                .singleElement()
                .satisfies(s -> assertThat(s.passed()).isTrue());
        RuleFiles v1WithV2Scenario = RuleFiles.fromDirectory(RULES)
                .with(
                        "scenarios/community-event.yaml",
                        SampleRules.read(RULES, "scenarios/community-event.yaml")
                                .replace("kanoFactor: ATTRACTIVE", "kanoFactor: EXPECTED")
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(advisor.validate(v1WithV2Scenario).valid()).isFalse();
        assertThat(load.failures()).isZero();
    }

    @Test
    void theDiffBetweenTwoVersionsShowsEachChangedFileAsAUnifiedDiff() throws Exception {
        String v1 = advisor.version();
        SampleRules.write(
                RULES,
                CATALOGUE,
                SampleRules.read(RULES, CATALOGUE)
                        .replace(
                                "community-event,\"COMMUNITY_LIFE, ATTRACTIVE, EMPATHY\",社区活动：魅力因素",
                                "community-event,\"COMMUNITY_LIFE, ATTRACTIVE, EMPATHY\",社区活动：魅力因素（节日）"));
        SampleRules.write(RULES, "principles/notes.md", "# notes\n");
        String v2 = post("/api/rules/reload", 200).path("version").asString();

        JsonNode diff = get("/api/rules/versions/" + v1 + "/diff/" + v2);

        assertThat(diff.path("files").size()).isEqualTo(2);
        JsonNode catalogue = diff.path("files").get(0);
        assertThat(catalogue.path("path").asString()).isEqualTo(CATALOGUE);
        assertThat(catalogue.path("change").asString()).isEqualTo("CHANGED");
        assertThat(catalogue.path("diff").asString())
                .contains(
                        "--- a/" + CATALOGUE,
                        "@@ -9,4 +9,4 @@",
                        "-community-event,\"COMMUNITY_LIFE, ATTRACTIVE, EMPATHY\",社区活动：魅力因素,",
                        "+community-event,\"COMMUNITY_LIFE, ATTRACTIVE, EMPATHY\",社区活动：魅力因素（节日）,");
        assertThat(diff.path("files").get(1).path("change").asString()).isEqualTo("ADDED");
        assertThat(diff.path("files").get(1).path("diff").asString()).contains("+# notes");
    }

    @Test
    void theHistoryListsEveryAttemptNewestFirstFromTheStartupOn() throws Exception {
        SampleRules.write(RULES, DRL, SampleRules.read(RULES, DRL) + "\nrule \"half\"\nwhen\n");
        post("/api/rules/reload", 422);

        JsonNode versions = get("/api/rules/versions");

        assertThat(versions.get(0).path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(versions.get(0).path("problems").get(0).path("file").asString())
                .isEqualTo(DRL);
        assertThat(versions.get(0).path("files").size())
                .isEqualTo(RuleFiles.fromDirectory(RULES).size());
        JsonNode first = versions.get(versions.size() - 1);
        assertThat(first.path("attemptedBy").asString()).isEqualTo("startup");
        assertThat(first.path("outcome").asString()).isEqualTo("ACTIVATED");
        assertThat(versions.get(0).path("id").asLong())
                .isGreaterThan(versions.get(1).path("id").asLong());
    }

    @Test
    void anUnknownVersionIsANotFoundProblem() throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/api/rules/versions/000000000000/activate")
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /** Until the load has made 50 more calls (or one failed, which the test then reports), within a bound. */
    private void awaitCalls() {
        long target = load.calls() + 50;
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> load.calls() >= target || load.failures() > 0);
    }

    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).as(needle).isGreaterThanOrEqualTo(0);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private JsonNode post(String url, int expectedStatus) throws Exception {
        MvcResult result = mvc.perform(MockMvcRequestBuilders.post(url).with(csrf()))
                .andExpect(status().is(expectedStatus))
                .andReturn();
        return json.readTree(result.getResponse().getContentAsString());
    }

    private JsonNode get(String url) throws Exception {
        MvcResult result = mvc.perform(MockMvcRequestBuilders.get(url))
                .andExpect(status().isOk())
                .andReturn();
        return json.readTree(result.getResponse().getContentAsString());
    }
}
