package com.propertyservice.advisor.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.propertyservice.advisor.TestIncidents;
import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.incident.FollowUpCommand;
import com.propertyservice.advisor.incident.IncidentService;
import com.propertyservice.advisor.incident.IncidentView;
import com.propertyservice.advisor.user.NewUser;
import com.propertyservice.advisor.user.Role;
import com.propertyservice.advisor.user.UserService;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The effectiveness figures from incidents recorded and followed up through the incident service,
 * against counts worked by hand: gaps per rule, the satisfied share with its Wilson interval, advice
 * stored with and without a kind, a second visit replacing the first, the version filter and the
 * review list's minimum count.
 */
@SpringBootTest(
        properties = {
            // a database by name, and so a context, no other class shares: the figures count every incident in it
            // (with TestDatabase.OWN_IN_MEMORY this class's configuration equals FollowThroughPagesTest's)
            "spring.datasource.url=jdbc:h2:mem:insight-api;DB_CLOSE_DELAY=-1",
            "advisor.security.bootstrap-admin-password=" + TestIncidents.ADMIN_PASSWORD
        })
@AutoConfigureMockMvc
class InsightApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    IncidentService incidents;

    @Autowired
    UserService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Advisor advisor;

    @Test
    void gapsPerRuleKindAndVersionWithWilsonIntervalsAndTheReviewList() throws Exception {
        users.create(new NewUser("insight.trainer", "Insight-Trainer-Pass-1", Set.of(Role.TRAINER)), "test");
        // lift outages: expectation 4, perceptions 2, 3, 4, 5 → gaps −2, −1, 0, +1: mean −0.5, 2 of 4 satisfied
        long[] lifts = new long[4];
        for (int i = 0; i < 4; i++) {
            lifts[i] = record("lift-outage", ServiceArea.ENGINEERING, 4);
            incidents.followUp(lifts[i], new FollowUpCommand(2 + i, null, null, null), "test");
        }
        // staff attitude: expectation 3, perceptions 4 and 5 → gaps +1, +2; one more never visited (not counted)
        long rude = record("staff-attitude", ServiceArea.SECURITY, 3);
        incidents.followUp(rude, new FollowUpCommand(4, null, null, null), "test");
        long rude2 = record("staff-attitude", ServiceArea.SECURITY, 3);
        incidents.followUp(rude2, new FollowUpCommand(5, null, null, null), "test");
        record("staff-attitude", ServiceArea.SECURITY, 3);
        // a visit without any expectation gives no gap: not counted
        long unknown = record("repair-delay", ServiceArea.ENGINEERING, null);
        incidents.followUp(unknown, new FollowUpCommand(2, null, null, null), "test");
        // advice written once the contract has kinds carries one; older advice has none
        setKind(lifts[0], null);
        setKind(lifts[1], null);
        setKind(lifts[2], null);
        setKind(lifts[3], "EMERGENCY");
        setKind(rude, "COMPLAINT");
        setKind(rude2, "COMPLAINT");
        // one lift outage advised under an earlier rule-set version
        jdbc.update("update incidents set rule_set_version = '0123456789ab' where id = ?", lifts[0]);
        String catalogueRuleOfLifts = catalogueRule(lifts[1]);

        JsonNode report = report("");
        assertThat(report.path("overall").path("count").asLong()).isEqualTo(6);
        // gaps −2, −1, 0, +1, +1, +2: mean 1/6 = 0.167; satisfied 4 of 6
        assertThat(report.path("overall").path("meanGap").asDouble()).isEqualTo(0.167);
        assertThat(report.path("overall").path("satisfied").asLong()).isEqualTo(4);
        assertThat(report.path("overall").path("satisfiedShare").asDouble()).isEqualTo(0.667);
        // Wilson 4 of 6: centre (0.6667 + 0.3201) / 1.6402 = 0.6016, half 1.96 / 1.6402 · √(0.0370 + 0.0267) = 0.3016
        assertThat(report.path("overall").path("satisfiedInterval").path("low").asDouble())
                .isEqualTo(0.3);
        assertThat(report.path("overall").path("satisfiedInterval").path("high").asDouble())
                .isEqualTo(0.903);

        JsonNode liftRule = group(report.path("rules"), catalogueRuleOfLifts);
        assertThat(liftRule.path("figures").path("count").asLong()).isEqualTo(4);
        assertThat(liftRule.path("figures").path("meanGap").asDouble()).isEqualTo(-0.5);
        assertThat(liftRule.path("figures").path("satisfied").asLong()).isEqualTo(2);
        assertThat(liftRule.path("figures").path("negative").asLong()).isEqualTo(2);
        assertThat(liftRule.path("label").asString()).isNotBlank();
        assertThat(liftRule.path("byVersion").findValuesAsString("version"))
                .hasSize(2)
                .contains("0123456789ab");

        JsonNode kinds = report.path("kinds");
        assertThat(group(kinds, "NOT_RECORDED").path("figures").path("count").asLong())
                .isEqualTo(3);
        assertThat(group(kinds, "COMPLAINT").path("figures").path("count").asLong())
                .isEqualTo(2);
        assertThat(group(kinds, "NOT_RECORDED").path("label").asString()).isEqualTo("（未记录类型）");
        assertThat(group(kinds, "EMERGENCY").path("figures").path("count").asLong())
                .isEqualTo(1);
        assertThat(group(report.path("principles"), "TIMELY_REMEDIATION")
                        .path("label")
                        .asString())
                .isEqualTo("及时补救");
        assertThat(report.path("actions").get(0).path("label").asString()).isNotBlank();

        assertThat(report.path("versions")).hasSize(2);
        JsonNode earlier = report("?version=0123456789ab");
        assertThat(earlier.path("overall").path("count").asLong()).isEqualTo(1);
        assertThat(earlier.path("overall").path("meanGap").asDouble()).isEqualTo(-2.0);

        // the review list: with at least 4 incidents only rules that fired for all the lift outages qualify
        JsonNode review = report("?minCount=4").path("review");
        assertThat(review.path("minCount").asLong()).isEqualTo(4);
        assertThat(review.path("overallNegative").asDouble()).isEqualTo(0.333);
        assertThat(review.path("rules").findValuesAsString("rule")).contains(catalogueRuleOfLifts);
        review.path("rules")
                .forEach(rule ->
                        assertThat(rule.path("figures").path("count").asLong()).isGreaterThanOrEqualTo(4));
        assertThat(report("?minCount=7").path("review").path("rules")).isEmpty();

        // a second visit replaces the first: the −2 becomes +1
        incidents.followUp(lifts[0], new FollowUpCommand(5, null, null, null), "test");
        JsonNode after = report("");
        assertThat(after.path("overall").path("count").asLong()).isEqualTo(6);
        assertThat(group(after.path("rules"), catalogueRuleOfLifts)
                        .path("figures")
                        .path("meanGap")
                        .asDouble())
                .isEqualTo(0.25);
        assertThat(jdbc.queryForObject("select count(*) from insight_incident", Integer.class))
                .isEqualTo(6);
    }

    private JsonNode report(String query) throws Exception {
        String body = mvc.perform(
                        get("/api/insights/rules" + query).with(httpBasic("insight.trainer", "Insight-Trainer-Pass-1")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(body);
    }

    private long record(String issue, ServiceArea area, Integer expectation) {
        Incident.Builder builder = Incident.builder()
                .channel(Channel.PHONE)
                .community("阳光花园")
                .serviceArea(area)
                .issue(issue)
                .summary("测试")
                .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.UPSET));
        if (expectation != null) {
            builder.expectation(expectation);
        }
        IncidentView view = incidents.record(builder.build(), Language.ZH_CN, "test");
        return view.id();
    }

    /** Rewrites the stored advice with this kind, or without any (as advice stored before contract 1.1). */
    private void setKind(long incident, String kind) {
        ObjectNode advice = (ObjectNode) JSON.readTree(
                jdbc.queryForObject("select advice_json from incidents where id = ?", String.class, incident));
        if (kind == null) {
            advice.remove("kind");
        } else {
            advice.put("kind", kind);
        }
        jdbc.update("update incidents set advice_json = ? where id = ?", JSON.writeValueAsString(advice), incident);
    }

    private String catalogueRule(long incident) {
        // the catalogue row that classified the incident's issue: its rule is named in the table's NAME column
        String issue = incidents.get(incident).advice().issue();
        return advisor.ruleSet().catalogue().stream()
                .filter(entry -> entry.issue().equals(issue))
                .findFirst()
                .orElseThrow()
                .rule();
    }

    private static JsonNode group(JsonNode groups, String key) {
        for (JsonNode group : groups) {
            if (group.path("key").asString().equals(key)) {
                return group;
            }
        }
        throw new AssertionError("no " + key + " in " + groups);
    }
}
