package com.propertyservice.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.propertyservice.advisor.engine.Advice;
import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.EngineInternals;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.RuleFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trainer scenario for the deck's case A, sent through the HTTP API, gets the advice the scenario
 * gets: its 05:40+08:00 stays 05:40 (a rest period), never 21:40 UTC. The same incident without an
 * offset is read in the default zone, and a recorded incident keeps the offset it was given.
 */
class ScenarioOverHttpTest extends MockMvcServiceTest {

    static final Path CASE_A = Path.of("rules", "scenarios", "case-a-dawn-dancing.yaml");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Advisor advisor;

    @Test
    void caseAOverHttpGetsTheAdviceOfItsTrainerScenario() throws Exception {
        Map<String, Object> incident = scenarioIncident();
        JsonNode overHttp = advise(json.writeValueAsString(incident));

        String file = "scenarios/case-a-dawn-dancing.yaml";
        Incident asTheScenarioHasIt = EngineInternals.scenarioIncidents(
                        RuleFiles.of(Map.of(file, Files.readAllBytes(CASE_A))))
                .get(file);
        Advice inProcess = advisor.advise(asTheScenarioHasIt, Language.ZH_CN);
        assertThat(overHttp).isEqualTo(json.readTree(json.writeValueAsString(inProcess)));
        // what the UTC defect lost: the rest period, its response target, and the referral beside the internal owner
        assertThat(overHttp.get("firedRules").toString()).contains("安静时段 夜间", "矩阵 休息时段噪音");
        assertThat(overHttp.get("respondWithin").asString()).isEqualTo("PT30M");
        assertThat(overHttp.get("escalation").asString()).isEqualTo("SUPERVISOR");
        assertThat(overHttp.get("referral").toString()).contains("EXTERNAL_AUTHORITY");
    }

    @Test
    void aLocalTimeWithoutOffsetIsReadInTheDefaultZone() throws Exception {
        Map<String, Object> incident = scenarioIncident();
        incident.put("reportedAt", "2026-05-12T05:40:00");
        assertThat(advise(json.writeValueAsString(incident)).get("firedRules").toString())
                .contains("安静时段 夜间");
        // 10:00 in Shanghai is 02:00 UTC: read in its own offset it is daytime, no rest period
        incident.put("reportedAt", "2026-05-12T10:00:00+08:00");
        assertThat(advise(json.writeValueAsString(incident)).get("firedRules").toString())
                .doesNotContain("安静时段 夜间");
    }

    @Test
    void aRecordedIncidentKeepsTheOffsetItWasGiven() throws Exception {
        String response = mvc.perform(post("/api/incidents")
                        .header("X-API-Key", TestIncidents.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(scenarioIncident())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode recorded = json.readTree(response);
        assertThat(recorded.get("incident").get("reportedAt").asString()).isEqualTo("2026-05-12T05:40:00+08:00");
        assertThat(recorded.get("advice").get("firedRules").toString()).contains("安静时段 夜间");
    }

    private JsonNode advise(String body) throws Exception {
        String response = mvc.perform(post("/api/advice")
                        .header("X-API-Key", TestIncidents.API_KEY)
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(response);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scenarioIncident() throws Exception {
        Map<String, Object> scenario = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(CASE_A, StandardCharsets.UTF_8));
        return new LinkedHashMap<>((Map<String, Object>) scenario.get("incident"));
    }
}
