package com.propertyservice.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.incident.IncidentService;
import com.propertyservice.advisor.kano.KanoSurveyService;
import com.propertyservice.advisor.user.NewUser;
import com.propertyservice.advisor.user.Role;
import com.propertyservice.advisor.user.UserService;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Every endpoint × every kind of caller, through the real filter chain, the real users table (bcrypt)
 * and the real API key check.
 */
class AuthorizationMatrixTest extends MockMvcServiceTest {

    static final String SUPERVISOR_PASSWORD = "Duty-Desk-Pass-1";
    static final String TRAINER_PASSWORD = "Rule-Keeper-Pass-01";
    static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** The body marker of a survey upload (multipart), and the survey it sends. */
    static final String SURVEY_UPLOAD = "multipart:survey";

    static final String SURVEY = "respondent,item,functional,dysfunctional\nR1,lift-outage,2,5\nR2,lift-outage,2,5\n";

    /** Who calls; ADMIN_FROM_ANOTHER_SITE is an admin's browser sending Basic credentials for another site's page. */
    enum Caller {
        NONE,
        WRONG_KEY,
        API_KEY,
        SUPERVISOR,
        TRAINER,
        ADMIN,
        ADMIN_FROM_ANOTHER_SITE
    }

    /**
     * An endpoint and what each {@link Caller} but the last, in declaration order, must get; an admin's browser
     * on another site's behalf gets the admin's answer for reads and 403 for every write.
     */
    record Endpoint(String name, HttpMethod method, String path, String body, int... expected) {}

    static final Endpoint[] ENDPOINTS = {
        new Endpoint("advice", HttpMethod.POST, "/api/advice", TestIncidents.LIFT_OUTAGE, 401, 401, 200, 200, 200, 200),
        new Endpoint(
                "record", HttpMethod.POST, "/api/incidents", TestIncidents.LIFT_OUTAGE, 401, 401, 201, 201, 201, 201),
        new Endpoint("list", HttpMethod.GET, "/api/incidents", null, 401, 401, 200, 200, 200, 200),
        new Endpoint("get", HttpMethod.GET, "/api/incidents/{id}", null, 401, 401, 200, 200, 200, 200),
        new Endpoint(
                "follow-up",
                HttpMethod.POST,
                "/api/incidents/{id}/follow-ups",
                "{\"perception\":4}",
                401,
                401,
                201,
                201,
                201,
                201),
        new Endpoint("resolve", HttpMethod.POST, "/api/incidents/{id}/resolution", null, 401, 401, 200, 200, 200, 200),
        new Endpoint(
                "acknowledge", HttpMethod.POST, "/api/incidents/{id}/acknowledge", null, 401, 401, 200, 200, 200, 200),
        new Endpoint(
                "assign",
                HttpMethod.POST,
                "/api/incidents/{id}/assign",
                "{\"assignee\":\"supervisor\"}",
                401,
                401,
                200,
                200,
                200,
                200),
        new Endpoint(
                "resolve with a note",
                HttpMethod.POST,
                "/api/incidents/{id}/resolve",
                "{\"note\":\"电梯已修好\"}",
                401,
                401,
                200,
                200,
                200,
                200),
        // the fresh incident is open: past the security check, refused as a step out of order
        new Endpoint(
                "reopen",
                HttpMethod.POST,
                "/api/incidents/{id}/reopen",
                "{\"note\":\"回访时电梯又停了\"}",
                401,
                401,
                409,
                409,
                409,
                409),
        new Endpoint("timeline", HttpMethod.GET, "/api/incidents/{id}/timeline", null, 401, 401, 200, 200, 200, 200),
        new Endpoint("due soon", HttpMethod.GET, "/api/incidents?due=soon", null, 401, 401, 200, 200, 200, 200),
        new Endpoint("rules", HttpMethod.GET, "/api/rules", null, 401, 401, 200, 200, 200, 200),
        new Endpoint("rule versions", HttpMethod.GET, "/api/rules/versions", null, 401, 401, 200, 200, 200, 200),
        new Endpoint(
                "rule diff",
                HttpMethod.GET,
                "/api/rules/versions/{version}/diff/{version}",
                null,
                401,
                401,
                200,
                200,
                200,
                200),
        new Endpoint("validate rules", HttpMethod.POST, "/api/rules/validate", null, 401, 401, 403, 403, 200, 200),
        new Endpoint("reload rules", HttpMethod.POST, "/api/rules/reload", null, 401, 401, 403, 403, 200, 200),
        new Endpoint(
                "roll back rules",
                HttpMethod.POST,
                "/api/rules/versions/{version}/activate",
                null,
                401,
                401,
                403,
                403,
                200,
                200),
        new Endpoint("list users", HttpMethod.GET, "/api/users", null, 401, 401, 403, 403, 403, 200),
        new Endpoint(
                "create user",
                HttpMethod.POST,
                "/api/users",
                "{\"username\":\"{user}\",\"password\":\"New-User-Pass-1\",\"roles\":[\"SUPERVISOR\"]}",
                401,
                401,
                403,
                403,
                403,
                201),
        new Endpoint("disable user", HttpMethod.POST, "/api/users/{user}/disable", null, 401, 401, 403, 403, 403, 200),
        new Endpoint(
                "set someone's password",
                HttpMethod.POST,
                "/api/users/{user}/password",
                "{\"newPassword\":\"Reset-By-Admin-42\"}",
                401,
                401,
                403,
                403,
                403,
                200),
        new Endpoint(
                "upload survey", HttpMethod.POST, "/api/kano/surveys", SURVEY_UPLOAD, 401, 401, 403, 403, 201, 201),
        new Endpoint("list surveys", HttpMethod.GET, "/api/kano/surveys", null, 401, 401, 403, 403, 200, 200),
        new Endpoint("get survey", HttpMethod.GET, "/api/kano/surveys/{survey}", null, 401, 401, 403, 403, 200, 200),
        new Endpoint(
                "survey proposals",
                HttpMethod.GET,
                "/api/kano/surveys/{survey}/proposals",
                null,
                401,
                401,
                403,
                403,
                200,
                200),
        // an item that is not a proposal: past the security check, refused before the rules change
        new Endpoint(
                "accept proposals",
                HttpMethod.POST,
                "/api/kano/surveys/{survey}/proposals/accept",
                "{\"items\":[\"lift-outage\"]}",
                401,
                401,
                403,
                403,
                409,
                409),
        new Endpoint(
                "export survey",
                HttpMethod.GET,
                "/api/kano/surveys/{survey}/analysis.csv",
                null,
                401,
                401,
                403,
                403,
                200,
                200),
        new Endpoint("insights", HttpMethod.GET, "/api/insights/rules", null, 401, 401, 403, 403, 200, 200),
        new Endpoint("health", HttpMethod.GET, "/actuator/health", null, 200, 200, 200, 200, 200, 200),
        new Endpoint("api docs", HttpMethod.GET, "/v3/api-docs", null, 200, 200, 200, 200, 200, 200),
    };

    @Autowired
    Advisor advisor;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserService users;

    @Autowired
    IncidentService incidents;

    @Autowired
    KanoSurveyService surveys;

    static Stream<Arguments> matrix() {
        return Arrays.stream(ENDPOINTS)
                .flatMap(endpoint -> Arrays.stream(Caller.values())
                        .map(caller -> Arguments.of(endpoint.name(), caller, endpoint, expected(endpoint, caller))));
    }

    static int expected(Endpoint endpoint, Caller caller) {
        if (caller == Caller.ADMIN_FROM_ANOTHER_SITE) {
            return endpoint.method() == HttpMethod.GET ? endpoint.expected()[Caller.ADMIN.ordinal()] : 403;
        }
        return endpoint.expected()[caller.ordinal()];
    }

    @BeforeEach
    void peopleExist() {
        Set<String> existing = new HashSet<>();
        users.list().forEach(user -> existing.add(user.username()));
        if (!existing.contains("supervisor")) {
            users.create(new NewUser("supervisor", SUPERVISOR_PASSWORD, Set.of(Role.SUPERVISOR)), "test");
        }
        if (!existing.contains("trainer")) {
            users.create(new NewUser("trainer", TRAINER_PASSWORD, Set.of(Role.TRAINER)), "test");
        }
    }

    @ParameterizedTest(name = "{0} as {1} → {3}")
    @MethodSource("matrix")
    void eachCallerGetsWhatTheRoleMatrixSays(String name, Caller caller, Endpoint endpoint, int expected)
            throws Exception {
        // a fresh incident and user per case, so that resolving or disabling twice never decides the outcome
        long id = incidents
                .record(
                        Incident.builder()
                                .channel(Channel.APP)
                                .community("阳光花园")
                                .serviceArea(ServiceArea.ENGINEERING)
                                .issue("lift-outage")
                                .summary("电梯停了")
                                .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.CALM))
                                .build(),
                        Language.ZH_CN,
                        "test")
                .id();
        String user = "user" + SEQUENCE.incrementAndGet();
        if (endpoint.path().contains("{user}/")) {
            users.create(new NewUser(user, "Someone-Pass-01", Set.of(Role.SUPERVISOR)), "test");
        }
        long survey = surveys.upload("matrix.csv", null, SURVEY.getBytes(StandardCharsets.UTF_8), "test", Locale.ROOT)
                .id();
        String path = endpoint.path()
                .replace("{id}", Long.toString(id))
                .replace("{user}", user)
                .replace("{version}", advisor.version())
                .replace("{survey}", Long.toString(survey));
        AbstractMockHttpServletRequestBuilder<?> request = SURVEY_UPLOAD.equals(endpoint.body())
                ? multipart(path)
                        .file(new MockMultipartFile(
                                "file", "survey.csv", "text/csv", SURVEY.getBytes(StandardCharsets.UTF_8)))
                : request(endpoint.method(), path);
        if (endpoint.body() != null && !SURVEY_UPLOAD.equals(endpoint.body())) {
            request.contentType(MediaType.APPLICATION_JSON)
                    .content(endpoint.body().replace("{user}", user));
        }
        switch (caller) {
            case NONE -> {}
            case WRONG_KEY -> request.header("X-API-Key", "not-a-key");
            case API_KEY -> request.header("X-API-Key", TestIncidents.API_KEY);
            case SUPERVISOR -> request.with(httpBasic("supervisor", SUPERVISOR_PASSWORD));
            case TRAINER -> request.with(httpBasic("trainer", TRAINER_PASSWORD));
            case ADMIN -> request.with(httpBasic("admin", TestIncidents.ADMIN_PASSWORD));
            case ADMIN_FROM_ANOTHER_SITE ->
                request.with(httpBasic("admin", TestIncidents.ADMIN_PASSWORD))
                        .header("Sec-Fetch-Site", "cross-site")
                        .header("Origin", "http://127.0.0.1:9");
        }
        MvcResult result = mvc.perform(request).andReturn();
        int status = result.getResponse().getStatus();
        assertThat(status).as(result.getResponse().getContentAsString()).isEqualTo(expected);
        if (status == 401 || status == 403) {
            assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        }
    }
}
