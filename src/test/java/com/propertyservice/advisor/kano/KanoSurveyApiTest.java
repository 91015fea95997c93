package com.propertyservice.advisor.kano;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.propertyservice.advisor.SampleRules;
import com.propertyservice.advisor.TestDatabase;
import com.propertyservice.advisor.TestIncidents;
import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.user.NewUser;
import com.propertyservice.advisor.user.Role;
import com.propertyservice.advisor.user.UserService;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The survey API over the real filter chain, database and rule administration, on a copy of the
 * rules folder: the sample survey's analysis and proposals, acceptance refused by the scenarios that
 * assert the old factor and then granted once the trainer updates them, and the catalogue file as
 * the trainer finds it afterwards.
 */
@SpringBootTest(
        properties = {
            TestDatabase.OWN_IN_MEMORY,
            "advisor.security.bootstrap-admin-password=" + TestIncidents.ADMIN_PASSWORD
        })
@AutoConfigureMockMvc
class KanoSurveyApiTest {

    static final String TRAINER = "kano.trainer";
    static final String PASSWORD = "Kano-Trainer-Pass-1";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path RULES = SampleRules.projectRulesCopy("kano-rules");

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        registry.add("advisor.rules-dir", RULES::toString);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    UserService users;

    @Autowired
    Advisor advisor;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void trainerExists() {
        if (users.list().stream().noneMatch(u -> u.username().equals(TRAINER))) {
            users.create(new NewUser(TRAINER, PASSWORD, Set.of(Role.TRAINER)), "test");
        }
    }

    @Test
    void theSampleSurveyIsStoredWithItsAnalysisAndListed() throws Exception {
        MvcResult created =
                upload("kano-survey-sample.csv", Files.readAllBytes(KanoSampleSurveyTest.SAMPLE), "2026 年业主问卷");
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        JsonNode survey = json(created);
        long id = survey.path("id").asLong();
        assertThat(created.getResponse().getHeader("Location")).endsWith("/api/kano/surveys/" + id);
        assertThat(survey.path("title").asString()).isEqualTo("2026 年业主问卷");
        assertThat(survey.path("format").asString()).isEqualTo("CSV");
        assertThat(survey.path("encoding").asString()).isEqualTo("UTF-8");
        assertThat(survey.path("respondents").asInt()).isEqualTo(300);
        assertThat(survey.path("answers").asInt()).isEqualTo(5100);
        assertThat(survey.path("unreadableRows").asInt()).isZero();
        JsonNode lift = item(survey, "lift-outage");
        assertThat(lift.path("category").asString()).isEqualTo("M");
        assertThat(lift.path("answers").asInt()).isEqualTo(300);
        assertThat(lift.path("counts").path("M").asInt()).isEqualTo(186);
        assertThat(lift.path("significant").asBoolean()).isTrue();
        assertThat(lift.path("catalogueFactor").asString()).isEqualTo("MUST_BE");
        // Better and Worse from the counts, to 3 decimals
        JsonNode c = lift.path("counts");
        double relevant = c.path("A").asInt()
                + c.path("O").asInt()
                + c.path("M").asInt()
                + c.path("I").asInt();
        assertThat(lift.path("better").asDouble())
                .isEqualTo(Math.round((c.path("A").asInt() + c.path("O").asInt()) / relevant * 1000) / 1000.0);
        assertThat(lift.path("worse").asDouble())
                .isEqualTo(Math.round(-(c.path("O").asInt() + c.path("M").asInt()) / relevant * 1000) / 1000.0);
        assertThat(item(survey, "快递代收").path("catalogueFactor").isNull()).isTrue();
        for (Map.Entry<String, Object[]> known : KanoSampleSurveyTest.KNOWN.entrySet()) {
            assertThat(item(survey, known.getKey()).path("category").asString())
                    .as(known.getKey())
                    .isEqualTo(known.getValue()[0].toString());
        }

        assertThat(json(mvc.perform(get("/api/kano/surveys/" + id).with(trainer()))
                        .andReturn()))
                .isEqualTo(survey);
        JsonNode list =
                json(mvc.perform(get("/api/kano/surveys").with(trainer())).andReturn());
        assertThat(list.path("content").get(0).path("id").asLong()).isEqualTo(id);
        assertThat(list.path("content").get(0).path("items").asInt()).isEqualTo(17);

        String export = mvc.perform(
                        get("/api/kano/surveys/" + id + "/analysis.csv").with(trainer()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(export).startsWith("\uFEFFitem,answers,A,O,M,I,R,Q,category").contains("\r\nlift-outage,300,");
    }

    @Test
    void aGbkFileFromAnOlderExcelAndAWorkbookAreReadLikeUtf8() throws Exception {
        String csv = "respondent,item,functional,dysfunctional\r\n王五,快递代收,1,3\r\n赵六,快递代收,1,2\r\n";
        JsonNode gbk = json(upload("问卷.csv", csv.getBytes(Charset.forName("GBK")), null));
        assertThat(gbk.path("encoding").asString()).isEqualTo("GB18030");
        assertThat(gbk.path("fileName").asString()).isEqualTo("问卷.csv");
        assertThat(item(gbk, "快递代收").path("counts").path("A").asInt()).isEqualTo(2);

        byte[] workbook = SurveyReaderTest.workbook(sheet -> {
            SurveyReaderTest.row(sheet, 0, "respondent", "item", "functional", "dysfunctional");
            SurveyReaderTest.row(sheet, 1, "王五", "Lift-Outage", 2, 5);
            SurveyReaderTest.row(sheet, 2, "王五", "lift-outage", 1, 5);
            for (int i = 3; i <= 12; i++) {
                SurveyReaderTest.row(sheet, i, "R" + i, "lift-outage", 2, 5);
            }
        });
        JsonNode xlsx = json(upload("问卷.xlsx", workbook, null));
        assertThat(xlsx.path("format").asString()).isEqualTo("XLSX");
        // a catalogue key counts however it is written; the same respondent's second answer to it does not
        assertThat(item(xlsx, "lift-outage").path("answers").asInt()).isEqualTo(11);
        assertThat(xlsx.path("rowProblems").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(xlsx.path("rowProblems").get(0).path("message").asString()).contains("第 2 行");
    }

    @Test
    void rowsThatCannotBeReadAreListedWithTheirLineInTheCallersLanguageAndTheRestAnalysed() throws Exception {
        StringBuilder csv = new StringBuilder("respondent,item,functional,dysfunctional\n");
        for (int i = 1; i <= 20; i++) {
            csv.append("R").append(i).append(",repair-delay,1,5\n");
        }
        csv.append("R21,repair-delay,7,5\n");
        MvcResult result = mvc.perform(multipart("/api/kano/surveys")
                        .file(new MockMultipartFile(
                                "file", "survey.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                        .header("Accept-Language", "en")
                        .with(trainer()))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        JsonNode survey = json(result);
        assertThat(survey.path("answers").asInt()).isEqualTo(20);
        assertThat(survey.path("unreadableRows").asInt()).isEqualTo(1);
        JsonNode problem = survey.path("rowProblems").get(0);
        assertThat(problem.path("line").asInt()).isEqualTo(22);
        assertThat(problem.path("column").asString()).isEqualTo("functional");
        assertThat(problem.path("value").asString()).isEqualTo("7");
        assertThat(problem.path("message").asString())
                .contains("\"7\" is not an answer")
                .contains("1 (I like it) to 5");
    }

    @Test
    void acceptingAProposalThatScenariosContradictIsRefusedWithThoseScenariosAndGrantedOnceTheyAreUpdated()
            throws Exception {
        long id = json(upload("kano-survey-sample.csv", Files.readAllBytes(KanoSampleSurveyTest.SAMPLE), null))
                .path("id")
                .asLong();
        JsonNode proposals =
                json(mvc.perform(get("/api/kano/surveys/" + id + "/proposals").with(trainer()))
                        .andReturn());
        assertThat(proposals.path("activeVersion").asString()).isEqualTo(advisor.version());
        List<String> proposed = new ArrayList<>();
        proposals
                .path("proposals")
                .forEach(p -> proposed.add(p.path("item").asString() + " "
                        + p.path("catalogueFactor").asString() + " -> "
                        + p.path("proposedFactor").asString()));
        assertThat(proposed)
                .containsExactly(
                        "security-patrol EXPECTED -> MUST_BE",
                        "corridor-lighting EXPECTED -> MUST_BE",
                        "greening EXPECTED -> ATTRACTIVE");

        String before = advisor.version();
        Path catalogue = RULES.resolve("catalogue/issues.drl.csv");
        byte[] catalogueBefore = Files.readAllBytes(catalogue);
        MvcResult refused = accept(id, "greening");
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode problem = json(refused);
        assertThat(problem.path("type").asString()).endsWith("/problems/kano-proposals-rejected");
        assertThat(problem.path("detail").asString()).contains("scenarios/greening-better-than-expected.yaml");
        assertThat(problem.path("failedScenarios").get(0).path("file").asString())
                .isEqualTo("scenarios/greening-better-than-expected.yaml");
        assertThat(problem.path("failedScenarios")
                        .get(0)
                        .path("failures")
                        .get(0)
                        .asString())
                .contains("kanoFactor")
                .contains("EXPECTED")
                .contains("ATTRACTIVE");
        assertThat(problem.path("activeVersion").asString()).isEqualTo(before);
        assertThat(advisor.version()).isEqualTo(before);
        assertThat(Files.readAllBytes(catalogue)).isEqualTo(catalogueBefore);

        // the trainer updates the scenario in the rules folder to the survey's finding and accepts again
        Path scenario = RULES.resolve("scenarios/greening-better-than-expected.yaml");
        Files.writeString(
                scenario, Files.readString(scenario).replace("kanoFactor: EXPECTED", "kanoFactor: ATTRACTIVE"));
        MvcResult granted = accept(id, "greening");
        assertThat(granted.getResponse().getStatus())
                .as(granted.getResponse().getContentAsString())
                .isEqualTo(200);
        JsonNode accepted = json(granted);
        assertThat(accepted.path("activated").asBoolean()).isTrue();
        assertThat(accepted.path("previousVersion").asString()).isEqualTo(before);
        assertThat(accepted.path("version").asString())
                .isEqualTo(advisor.version())
                .isNotEqualTo(before);
        assertThat(accepted.path("files").valueStream().map(JsonNode::asString).toList())
                .containsExactly("catalogue/issues.drl.csv", "scenarios/greening-better-than-expected.yaml");
        assertThat(accepted.path("changes").get(0).path("to").asString()).isEqualTo("ATTRACTIVE");
        assertThat(advisor.ruleSet().catalogue())
                .filteredOn(e -> e.issue().equals("greening"))
                .extracting(e -> e.kanoFactor())
                .containsExactly(KanoFactor.ATTRACTIVE);
        assertThat(Files.readString(catalogue)).contains("greening,\"ENVIRONMENT, ATTRACTIVE, TANGIBLES\"");
        JsonNode after =
                json(mvc.perform(get("/api/kano/surveys/" + id + "/proposals").with(trainer()))
                        .andReturn());
        assertThat(after.path("proposals").findValuesAsString("item"))
                .containsExactly("security-patrol", "corridor-lighting");
        JsonNode history =
                json(mvc.perform(get("/api/rules/versions").with(trainer())).andReturn());
        assertThat(history.get(0).path("note").asString())
                .isEqualTo("Kano survey " + id + " (kano-survey-sample.csv): greening EXPECTED -> ATTRACTIVE");
        assertThat(history.get(0).path("attemptedBy").asString()).isEqualTo(TRAINER);
        assertThat(history.get(0).path("outcome").asString()).isEqualTo("ACTIVATED");
        assertThat(history.get(1).path("outcome").asString()).isEqualTo("REJECTED");
    }

    @Test
    void anItemThatIsNotAProposalOrASurveyThatDoesNotExistIsRefusedBeforeTheGate() throws Exception {
        long id = json(upload("kano-survey-sample.csv", Files.readAllBytes(KanoSampleSurveyTest.SAMPLE), null))
                .path("id")
                .asLong();
        int attempts = json(mvc.perform(get("/api/rules/versions").with(trainer()))
                        .andReturn())
                .size();
        MvcResult notProposed = accept(id, "lift-outage", "快递代收");
        assertThat(notProposed.getResponse().getStatus()).isEqualTo(409);
        JsonNode problem = json(notProposed);
        assertThat(problem.path("type").asString()).endsWith("/problems/kano-not-a-proposal");
        assertThat(problem.path("detail").asString())
                .contains("lift-outage, 快递代收")
                .contains("security-patrol");
        JsonNode current =
                json(mvc.perform(get("/api/kano/surveys/" + id + "/proposals").with(trainer()))
                        .andReturn());
        assertThat(problem.path("proposals")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .isEqualTo(current.path("proposals").findValuesAsString("item"))
                .isNotEmpty();
        MvcResult missing = accept(987_654, "security-patrol");
        assertThat(missing.getResponse().getStatus()).isEqualTo(404);
        assertThat(json(missing).path("detail").asString()).contains("987654");
        assertThat(json(mvc.perform(get("/api/rules/versions").with(trainer())).andReturn())
                        .size())
                .isEqualTo(attempts);
    }

    MvcResult upload(String name, byte[] content, String title) throws Exception {
        var request = multipart("/api/kano/surveys")
                .file(new MockMultipartFile("file", name, "application/octet-stream", content));
        if (title != null) {
            request.param("title", title);
        }
        return mvc.perform(request.with(trainer())).andReturn();
    }

    MvcResult accept(long id, String... items) throws Exception {
        return mvc.perform(post("/api/kano/surveys/" + id + "/proposals/accept")
                        .with(trainer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("items", List.of(items)))))
                .andReturn();
    }

    static RequestPostProcessor trainer() {
        return httpBasic(TRAINER, PASSWORD);
    }

    static JsonNode json(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static JsonNode item(JsonNode survey, String item) {
        for (JsonNode candidate : survey.path("items")) {
            if (candidate.path("item").asString().equals(item)) {
                return candidate;
            }
        }
        throw new AssertionError("no item " + item + " in " + survey);
    }
}
