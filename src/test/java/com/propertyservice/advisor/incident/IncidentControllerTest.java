package com.propertyservice.advisor.incident;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.propertyservice.advisor.TestIncidents;
import com.propertyservice.advisor.engine.Advice;
import com.propertyservice.advisor.engine.AdviceTimeoutException;
import com.propertyservice.advisor.engine.ContactKind;
import com.propertyservice.advisor.engine.Fault;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.Priority;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.engine.UnknownIssueException;
import com.propertyservice.advisor.system.SecuritySliceConfiguration;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = {AdviceController.class, IncidentController.class})
@Import(SecuritySliceConfiguration.class)
@TestPropertySource(properties = "advisor.security.api-keys=" + TestIncidents.API_KEY)
class IncidentControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IncidentService incidents;

    @MockitoBean
    FollowThroughService followThrough;

    @MockitoBean
    Clock clock;

    /** An incident sent without a time is dated by the service's clock, which the mocked service must still give. */
    @BeforeEach
    void reportingClock() {
        when(incidents.reportingClock()).thenReturn(Clock.systemDefaultZone());
    }

    static Advice advice(Language language) {
        return new Advice(
                "lift-outage",
                ContactKind.COMPLAINT,
                List.of(),
                KanoFactor.MUST_BE,
                null,
                Fault.UNKNOWN,
                List.of(),
                Priority.URGENT,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of(),
                -3,
                "v1",
                List.of("Catalogue_10"),
                language);
    }

    @Test
    void rulesStoppedOverTheirBudgetAnswer503NamingTheLastRulesFired() throws Exception {
        when(incidents.advise(any(), any()))
                .thenThrow(new AdviceTimeoutException("the rules fired 5000 times", List.of("ping", "pong")));
        mvc.perform(post("/api/advice")
                        .header("X-API-Key", TestIncidents.API_KEY)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(TestIncidents.LIFT_OUTAGE))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(Matchers.endsWith("/problems/rules-over-budget")))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("ping, pong")))
                .andExpect(jsonPath("$.lastFiredRules[1]").value("pong"))
                .andExpect(jsonPath("$.correlationId").isNotEmpty());
    }

    @Test
    void adviceLanguageFollowsAcceptLanguageAndIsWrittenAsItsTag() throws Exception {
        when(incidents.advise(any(), eq(Language.EN))).thenReturn(advice(Language.EN));
        mvc.perform(post("/api/advice")
                        .header("X-API-Key", TestIncidents.API_KEY)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(TestIncidents.LIFT_OUTAGE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("en"))
                .andExpect(jsonPath("$.priority").value("URGENT"));
    }

    @Test
    void adviceIsChineseWithoutAcceptLanguage() throws Exception {
        when(incidents.advise(any(), eq(Language.ZH_CN))).thenReturn(advice(Language.ZH_CN));
        mvc.perform(post("/api/advice")
                        .with(user("li").roles("SUPERVISOR"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(TestIncidents.LIFT_OUTAGE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("zh-CN"));
    }

    @Test
    void recordingAnswers201WithLocationAndRecordsTheCallerAsAuthor() throws Exception {
        IncidentView view = new IncidentView(
                7,
                IncidentStatus.OPEN,
                null,
                advice(Language.ZH_CN),
                "v1",
                List.of("Catalogue_10"),
                4,
                1,
                -3,
                "li",
                OffsetDateTime.now(),
                OffsetDateTime.now(),
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                List.of());
        when(incidents.recordOnce(any(Incident.class), eq(Language.ZH_CN), eq("li"), any(), any()))
                .thenReturn(new IncidentService.Recording(view, false));
        mvc.perform(post("/api/incidents")
                        .with(user("li").roles("SUPERVISOR"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(TestIncidents.LIFT_OUTAGE))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "http://localhost/api/incidents/7"))
                .andExpect(jsonPath("$.satisfactionGap").value(-3));
    }

    @Test
    void unknownFieldIsRejectedWithItsNameAndNothingIsAdvised() throws Exception {
        mvc.perform(post("/api/advice")
                        .header("X-API-Key", TestIncidents.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(TestIncidents.liftOutageWith("colour", "\"red\"")))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://advisor.propertyservice.com/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("colour"));
        verifyNoInteractions(incidents);
    }

    @Test
    void unknownIssueListsTheKnownKeys() throws Exception {
        when(incidents.advise(any(), any()))
                .thenThrow(new UnknownIssueException("noise", List.of("lift-outage", "staff-attitude")));
        mvc.perform(post("/api/advice")
                        .header("X-API-Key", TestIncidents.API_KEY)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(TestIncidents.liftOutageWith("issue", "\"noise\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://advisor.propertyservice.com/problems/unknown-issue"))
                .andExpect(jsonPath("$.errors[0].field").value("issue"))
                .andExpect(jsonPath("$.knownIssues[1]").value("staff-attitude"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("lift-outage")));
    }

    @Test
    void outOfRangeScoreIsNamedInChineseByDefault() throws Exception {
        mvc.perform(post("/api/incidents")
                        .header("X-API-Key", TestIncidents.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(TestIncidents.liftOutageWith("perception", "6")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("perception"))
                .andExpect(jsonPath("$.errors[0].message").value("不能大于 5。"));
        verifyNoInteractions(incidents);
    }

    @Test
    void listPassesTheFiltersAndPaging() throws Exception {
        when(incidents.list(any(), eq(2), eq(5))).thenReturn(new IncidentPage(List.of(), 2, 5, 0, 0));
        mvc.perform(get("/api/incidents")
                        .with(user("li").roles("SUPERVISOR"))
                        .param("status", "FOLLOWED_UP")
                        .param("area", "ENGINEERING")
                        .param("from", "2025-01-01")
                        .param("page", "2")
                        .param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(2));
        verify(incidents)
                .list(
                        new IncidentQuery(
                                null,
                                IncidentStatus.FOLLOWED_UP,
                                ServiceArea.ENGINEERING,
                                null,
                                LocalDate.of(2025, 1, 1),
                                null),
                        2,
                        5);
    }

    @Test
    void followUpWithoutPerceptionIsRejected() throws Exception {
        mvc.perform(post("/api/incidents/3/follow-ups")
                        .with(user("li").roles("SUPERVISOR"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\":\"还行\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("perception"));
        verifyNoInteractions(incidents);
    }

    @Test
    void aWrongApiKeyIs401ProblemWithCorrelationId() throws Exception {
        mvc.perform(post("/api/advice")
                        .header("X-API-Key", "not-the-key")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(TestIncidents.LIFT_OUTAGE))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("X-Correlation-Id"))
                .andExpect(jsonPath("$.type").value("https://advisor.propertyservice.com/problems/unauthorized"))
                .andExpect(jsonPath("$.correlationId").exists());
        verify(incidents, Mockito.never()).get(anyLong());
    }
}
