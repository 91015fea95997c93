package com.propertyservice.advisor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.propertyservice.advisor.TestDatabase;
import com.propertyservice.advisor.TestIncidents;
import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.incident.FollowThroughService;
import com.propertyservice.advisor.incident.IncidentService;
import com.propertyservice.advisor.user.NewUser;
import com.propertyservice.advisor.user.Role;
import com.propertyservice.advisor.user.UserService;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The follow-through pages without a browser: the queue's empty state, each step from the incident page, and a step
 * the service refuses (someone was quicker, an unknown user, a note too long) said on the incident page with the
 * incident as it stands now, in both languages, instead of an error page.
 */
@SpringBootTest(
        properties = {
            TestDatabase.OWN_IN_MEMORY,
            "advisor.security.bootstrap-admin-password=" + TestIncidents.ADMIN_PASSWORD
        })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FollowThroughPagesTest {

    static final String DESK_A = "desk.a";
    static final String DESK_B = "desk.b";

    /** An incident and its advice as stored before contract 1.2: status ADVISED, no deadlines, no events. */
    static final String BEFORE_DEADLINES_INCIDENT = """
            {"externalId":null,"reportedAt":"2026-05-12T05:40:00+08:00","channel":"PHONE","community":"阳光花园",
             "serviceArea":"ENGINEERING","issue":"lift-outage","summary":"电梯停了","causedBy":"UNKNOWN",
             "withinJurisdiction":true,"complainant":{"role":"OWNER","emotion":"CALM","temperament":null,"vulnerable":false,
             "previousComplaints":0},"promise":null,"occurrences":1,"safetyRisk":false,"affectedHouseholds":1,
             "expectation":null,"perception":null}""";

    static final String BEFORE_DEADLINES_ADVICE = """
            {"issue":"lift-outage","kanoFactor":"MUST_BE","qualityDimension":"RELIABILITY","complaintCauses":[],
             "priority":"HIGH","respondWithin":"PT1H","resolveWithin":"P1D","escalation":"NONE",
             "principles":[{"code":"TIMELY_REMEDIATION","weight":100,"reason":"电梯停了"}],
             "steps":[{"code":"OFFER_HELP","actions":["马上派人"]}],"actions":[],"cautions":[],
             "followUp":{"within":"P2D","survey":true},"satisfactionGap":null,"ruleSetVersion":"v0",
             "firedRules":[],"language":"zh-CN"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    IncidentService incidents;

    @Autowired
    FollowThroughService followThrough;

    @Autowired
    UserService users;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void supervisors() {
        users.create(new NewUser(DESK_A, "Desk-A-Password-1", Set.of(Role.SUPERVISOR)), "test");
        users.create(new NewUser(DESK_B, "Desk-B-Password-1", Set.of(Role.SUPERVISOR)), "test");
    }

    @Test
    @Order(1)
    void theQueueWithNothingDueSaysSoAndShowsTheClockInBothLanguages() throws Exception {
        String zh = page(get("/queue"), DESK_A, 200);
        assertThat(zh)
                .contains(
                        "id=\"overdue-none\"",
                        "没有超时的事件",
                        "近期没有即将到期的步骤",
                        "目前没有分派给您、还没办完的事件",
                        "还没有给您的提醒",
                        "服务时间：",
                        "Asia/Shanghai");
        assertThat(zh).doesNotContain("id=\"overdue-table\"", "id=\"notices\"");

        String en = page(get("/queue").param("lang", "en"), DESK_A, 200);
        assertThat(en)
                .contains(
                        "<h1>My queue</h1>",
                        "Nothing is overdue",
                        "Nothing falls due soon",
                        "Nothing assigned to you is waiting",
                        "No notices for you yet",
                        "Service time: ");
    }

    @Test
    void aStepSomeoneElseTookFirstIsA409OnTheIncidentPageNotAnErrorPage() throws Exception {
        long id = record();
        followThrough.acknowledge(id, DESK_B); // the other supervisor was quicker

        String zh = page(post("/incidents/" + id + "/acknowledge").with(csrf()), DESK_A, 409);
        assertThat(zh).contains("<h1>事件 " + id + "</h1>", "id=\"step-problem\"", "事件 " + id + " 处于 已响应 状态，不能再标记为已响应");
        // the page shows the incident as it is now: no second acknowledgement offered, resolving is
        assertThat(zh)
                .doesNotContain("id=\"acknowledge\"", "出错了")
                .contains("id=\"resolve\"", "data-kind=\"ACKNOWLEDGED\"");

        String en = page(
                post("/incidents/" + id + "/acknowledge").param("lang", "en").with(csrf()), DESK_A, 409);
        assertThat(en)
                .contains("Incident " + id + " is Acknowledged; only an open incident can be acknowledged, once.");
    }

    @Test
    void anUnknownAssigneeAndATooLongNoteAreSaidOnTheIncidentPage() throws Exception {
        long id = record();
        String unknown = page(
                post("/incidents/" + id + "/assign")
                        .param("assignee", "nobody.here")
                        .with(csrf()),
                DESK_A,
                400);
        assertThat(unknown).contains("id=\"step-problem\"", "没有名为“nobody.here”且可以登录的用户");

        String tooLong = page(
                post("/incidents/" + id + "/resolve")
                        .param("note", "长".repeat(2001))
                        .with(csrf()),
                DESK_A,
                400);
        assertThat(tooLong).contains("处理结果最多 2000 个字");
        assertThat(incidents.get(id).status().open()).as("nothing was resolved").isTrue();
    }

    @Test
    void acknowledgeAssignAndResolveFromThePageGrowTheTimelineAndMeetTheDeadlines() throws Exception {
        long id = record();
        String before = page(get("/incidents/" + id), DESK_A, 200);
        assertThat(before)
                .contains(
                        "id=\"acknowledge\"",
                        "id=\"assign\"",
                        "id=\"resolve\"",
                        "data-deadline=\"RESPOND\" data-state=\"PENDING\"",
                        "data-kind=\"RECORDED\"");

        redirectsToTheIncident(id, post("/incidents/" + id + "/acknowledge").with(csrf()));
        redirectsToTheIncident(
                id,
                post("/incidents/" + id + "/assign").param("assignee", DESK_B).with(csrf()));
        redirectsToTheIncident(
                id,
                post("/incidents/" + id + "/resolve").param("note", "更换了门禁读卡器").with(csrf()));

        String after = page(get("/incidents/" + id), DESK_A, 200);
        assertThat(after)
                .contains(
                        "data-kind=\"ACKNOWLEDGED\"",
                        "data-kind=\"ASSIGNED\"",
                        "data-kind=\"RESOLVED\"",
                        "desk.a 分派给 desk.b",
                        "更换了门禁读卡器",
                        "data-deadline=\"RESPOND\" data-state=\"MET\"",
                        "data-deadline=\"RESOLVE\" data-state=\"MET\"",
                        "data-deadline=\"FOLLOW_UP\" data-state=\"PENDING\"");
        assertThat(after).doesNotContain("id=\"acknowledge\"", "id=\"resolve\"").contains("id=\"assign\"");
        assertThat(after.indexOf("data-kind=\"ACKNOWLEDGED\"")).isLessThan(after.indexOf("data-kind=\"ASSIGNED\""));
        assertThat(after.indexOf("data-kind=\"ASSIGNED\"")).isLessThan(after.indexOf("data-kind=\"RESOLVED\""));
    }

    @Test
    void aResolvedIncidentIsReopenedFromItsPageAndItsTimeToResolveRunsAgain() throws Exception {
        long id = record();
        assertThat(page(get("/incidents/" + id), DESK_A, 200))
                .as("nothing to reopen while open")
                .doesNotContain("id=\"reopen\"");
        followThrough.resolve(id, "更换了门禁读卡器", DESK_B);
        assertThat(page(get("/incidents/" + id), DESK_A, 200))
                .contains("id=\"reopen\"")
                .doesNotContain("id=\"resolve\"");

        redirectsToTheIncident(
                id,
                post("/incidents/" + id + "/reopen").param("note", "读卡器还是刷不开").with(csrf()));
        String after = page(get("/incidents/" + id), DESK_A, 200);
        assertThat(after)
                .contains(
                        "data-kind=\"REOPENED\"",
                        "desk.a 重新打开",
                        "读卡器还是刷不开",
                        "id=\"resolve\"",
                        "data-deadline=\"RESOLVE\" data-state=\"PENDING\"")
                .doesNotContain("id=\"reopen\"");
        String twice = page(post("/incidents/" + id + "/reopen").with(csrf()), DESK_A, 409);
        assertThat(twice).contains("id=\"step-problem\"", "不能重新打开");
    }

    @Test
    void anIncidentRecordedBeforeDeadlinesWereKeptTellsItsTimelineFromItsRecord() throws Exception {
        OffsetDateTime at = OffsetDateTime.parse("2026-05-12T05:40:00+08:00");
        jdbc.update("""
                insert into incidents (reported_at, channel, community, service_area, issue, summary, priority, language,
                                       incident_json, advice_json, rule_set_version, fired_rules, status, recorded_by,
                                       recorded_at, advised_at)
                values (?, 'PHONE', '阳光花园', 'ENGINEERING', 'lift-outage', '电梯停了', 'HIGH', 'zh-CN', ?, ?, 'v0', '[]',
                        'ADVISED', 'before.1.2', ?, ?)""", at, BEFORE_DEADLINES_INCIDENT, BEFORE_DEADLINES_ADVICE, at, at);
        long id = jdbc.queryForObject("select max(id) from incidents where recorded_by = 'before.1.2'", Long.class);

        String page = page(get("/incidents/" + id), DESK_A, 200);
        assertThat(page).contains("这起事件没有时限", "data-kind=\"RECORDED\"", "before.1.2 记录并获得建议", "id=\"acknowledge\"");
    }

    @Test
    void aStepOnAnIncidentThatDoesNotExistIsTheNotFoundPage() throws Exception {
        String page = page(post("/incidents/987654321/acknowledge").with(csrf()), DESK_A, 404);
        assertThat(page).contains("<h1>出错了</h1>", "不存在").doesNotContain("id=\"step-problem\"");
    }

    @Test
    void myIncidentsAreInMyQueueHoweverFarOffTheirNextDeadline() throws Exception {
        long id = record();
        followThrough.assign(id, DESK_B, DESK_B);
        followThrough.acknowledge(id, DESK_B); // what is left is the resolution, hours away: not "due soon"
        String page = page(get("/queue"), DESK_B, 200);
        String mine = page.substring(page.indexOf("id=\"mine-title\""));
        assertThat(mine)
                .contains("data-incident=\"" + id + "\",data-deadline=\"RESOLVE\"".replace("\",data", "\" data"));
        String soon = page.substring(page.indexOf("id=\"soon-title\""), page.indexOf("id=\"mine-title\""));
        assertThat(soon).doesNotContain("data-incident=\"" + id + "\"");
    }

    long record() {
        return incidents
                .record(
                        Incident.builder()
                                .channel(Channel.PHONE)
                                .community("阳光花园")
                                .serviceArea(ServiceArea.ENGINEERING)
                                .issue("lift-outage")
                                .summary("电梯停了")
                                .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.UPSET))
                                .build(),
                        Language.ZH_CN,
                        "test")
                .id();
    }

    void redirectsToTheIncident(long id, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(as(DESK_A))).andReturn();
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/incidents/" + id);
        assertThat(result.getFlashMap().get("done")).isNotNull();
    }

    String page(MockHttpServletRequestBuilder request, String who, int status) throws Exception {
        MvcResult result = mvc.perform(request.with(as(who))).andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
        return body;
    }

    static RequestPostProcessor as(String who) {
        return user(who).roles(Role.SUPERVISOR.name());
    }
}
