package com.propertyservice.advisor;

import static com.propertyservice.advisor.TestIncidents.liftOutageWith;
import static com.propertyservice.advisor.TestIncidents.liftOutageWithout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.incident.FollowThroughService;
import com.propertyservice.advisor.incident.IncidentService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed requests across the endpoints, one case a row: each gets the expected 4xx problem detail naming the
 * field at fault, none a 5xx, none leaks an exception name, and nothing stored changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends MockMvcServiceTest {

    static final String TYPES = "https://advisor.propertyservice.com/problems/";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IncidentService incidents;

    @Autowired
    FollowThroughService followThrough;

    /** The incidents some cases name: one open, one already resolved. */
    record Stored(long open, long resolved) {}

    /**
     * A malformed request (made from the stored incidents where it names one), the status and problem type it must
     * get, and the field or parameter it must name (null where none is at fault).
     */
    record Case(String name, Function<Stored, RequestBuilder> request, int status, String type, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A bad incident body for both {@code POST /api/advice} and {@code POST /api/incidents}: a 400 naming {@code field}. */
    record Body(String what, String json, String field, String type) {}

    static final List<Body> INCIDENT_BODIES = List.of(
            new Body("unknown top-level field", liftOutageWith("colour", "\"red\""), "colour", "invalid-request"),
            new Body(
                    "unknown nested field",
                    liftOutageWith("complainant", "{\"role\":\"OWNER\",\"emotion\":\"ANGRY\",\"mood\":\"bad\"}"),
                    "complainant.mood",
                    "invalid-request"),
            new Body("bad channel", liftOutageWith("channel", "\"FAX\""), "channel", "invalid-request"),
            new Body("bad service area", liftOutageWith("serviceArea", "\"GARDEN\""), "serviceArea", "invalid-request"),
            new Body(
                    "bad emotion",
                    liftOutageWith("complainant", "{\"role\":\"OWNER\",\"emotion\":\"FURIOUS\"}"),
                    "complainant.emotion",
                    "invalid-request"),
            new Body("missing channel", liftOutageWithout("channel"), "channel", "invalid-request"),
            new Body("missing complainant", liftOutageWithout("complainant"), "complainant", "invalid-request"),
            new Body(
                    "missing complainant role",
                    liftOutageWith("complainant", "{\"emotion\":\"ANGRY\"}"),
                    "complainant.role",
                    "invalid-request"),
            new Body("blank community", liftOutageWith("community", "\"  \""), "community", "invalid-request"),
            new Body(
                    "community too long",
                    liftOutageWith("community", "\"" + "园".repeat(101) + "\""),
                    "community",
                    "invalid-request"),
            new Body(
                    "summary too long",
                    liftOutageWith("summary", "\"" + "x".repeat(2001) + "\""),
                    "summary",
                    "invalid-request"),
            new Body(
                    "externalId too long",
                    liftOutageWith("externalId", "\"" + "1".repeat(65) + "\""),
                    "externalId",
                    "invalid-request"),
            new Body("occurrences zero", liftOutageWith("occurrences", "0"), "occurrences", "invalid-request"),
            new Body(
                    "households negative",
                    liftOutageWith("affectedHouseholds", "-1"),
                    "affectedHouseholds",
                    "invalid-request"),
            new Body("expectation six", liftOutageWith("expectation", "6"), "expectation", "invalid-request"),
            new Body("perception zero", liftOutageWith("perception", "0"), "perception", "invalid-request"),
            new Body(
                    "negative previous complaints",
                    liftOutageWith(
                            "complainant", "{\"role\":\"OWNER\",\"emotion\":\"ANGRY\",\"previousComplaints\":-1}"),
                    "complainant.previousComplaints",
                    "invalid-request"),
            new Body("unknown issue", liftOutageWith("issue", "\"no-such-issue\""), "issue", "unknown-issue"),
            new Body("issue not kebab-case", liftOutageWith("issue", "\"Lift Outage\""), "issue", "invalid-request"),
            new Body(
                    "occurrences not a number",
                    liftOutageWith("occurrences", "\"two\""),
                    "occurrences",
                    "invalid-request"),
            new Body(
                    "reportedAt not a timestamp",
                    liftOutageWith("reportedAt", "\"yesterday\""),
                    "reportedAt",
                    "invalid-request"),
            new Body(
                    "safetyRisk not a boolean",
                    liftOutageWith("safetyRisk", "\"maybe\""),
                    "safetyRisk",
                    "invalid-request"),
            new Body("bad kind", liftOutageWith("kind", "\"GRUMBLE\""), "kind", "invalid-request"),
            new Body(
                    "bad side",
                    liftOutageWith("complainant", "{\"role\":\"OWNER\",\"emotion\":\"ANGRY\",\"side\":\"VICTIM\"}"),
                    "complainant.side",
                    "invalid-request"),
            new Body(
                    "location too long",
                    liftOutageWith("location", "\"" + "楼".repeat(201) + "\""),
                    "location",
                    "invalid-request"),
            new Body(
                    "noticeGiven not a boolean",
                    liftOutageWith("noticeGiven", "\"maybe\""),
                    "noticeGiven",
                    "invalid-request"),
            // strict scalars: nothing coerced
            new Body("number for an enum", liftOutageWith("channel", "1"), "channel", "invalid-request"),
            new Body("fraction for an integer", liftOutageWith("occurrences", "3.7"), "occurrences", "invalid-request"),
            new Body("string for an integer", liftOutageWith("occurrences", "\"3\""), "occurrences", "invalid-request"),
            new Body("number for a boolean", liftOutageWith("safetyRisk", "1"), "safetyRisk", "invalid-request"),
            new Body(
                    "string for a boolean",
                    liftOutageWith("withinJurisdiction", "\"true\""),
                    "withinJurisdiction",
                    "invalid-request"),
            new Body(
                    "number for a timestamp",
                    liftOutageWith("reportedAt", "1700000000"),
                    "reportedAt",
                    "invalid-request"),
            new Body(
                    "reportedAt in the year 3000",
                    liftOutageWith("reportedAt", "\"3000-01-01T08:00:00+08:00\""),
                    "reportedAt",
                    "invalid-request"),
            new Body(
                    "100,000-character issue",
                    liftOutageWith("issue", "\"" + "a-".repeat(50_000) + "a\""),
                    "issue",
                    "invalid-request"),
            new Body("NUL in the summary", liftOutageWith("summary", "\"电梯\\u0000坏了\""), "summary", "invalid-request"),
            new Body(
                    "RTL override in the community",
                    liftOutageWith("community", "\"阳光\\u202e园花\""),
                    "community",
                    "invalid-request"),
            new Body(
                    "lone surrogate in the externalId",
                    liftOutageWith("externalId", "\"CRM-\\ud800\""),
                    "externalId",
                    "invalid-request"),
            new Body("malformed JSON", "{\"channel\": \"PHONE\",", null, "malformed-body"),
            new Body("empty body", "", null, "malformed-body"),
            new Body("an array, not an object", "[1,2]", null, "malformed-body"));

    private Stored stored;

    @BeforeAll
    void storeIncidents() {
        long open = incidents.record(liftOutage("电梯停了"), Language.ZH_CN, "test").id();
        long resolved =
                incidents.record(liftOutage("电梯又停了"), Language.ZH_CN, "test").id();
        followThrough.resolve(resolved, "修好了", "test");
        stored = new Stored(open, resolved);
    }

    static Incident liftOutage(String summary) {
        return Incident.builder()
                .channel(Channel.PHONE)
                .community("阳光花园")
                .serviceArea(ServiceArea.ENGINEERING)
                .issue("lift-outage")
                .summary(summary)
                .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.UPSET))
                .build();
    }

    static Case fixed(String name, RequestBuilder request, int status, String type, String field) {
        return new Case(name, stored -> request, status, type, field);
    }

    static Case onStored(String name, Function<Stored, RequestBuilder> request, int status, String type, String field) {
        return new Case(name, request, status, type, field);
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType("application/json").content(body.getBytes(StandardCharsets.UTF_8));
    }

    static String visits(Stored stored) {
        return "/api/incidents/" + stored.open() + "/follow-ups";
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String path : List.of("/api/advice", "/api/incidents")) {
            for (Body body : INCIDENT_BODIES) {
                cases.add(fixed(
                        path + ": " + body.what(),
                        json(post(path), body.json()).header("X-API-Key", TestIncidents.API_KEY),
                        400,
                        body.type(),
                        body.field()));
            }
            cases.add(fixed(
                    path + ": text/plain",
                    post(path)
                            .header("X-API-Key", TestIncidents.API_KEY)
                            .contentType("text/plain")
                            .content("电梯坏了"),
                    415,
                    "unsupported-media-type",
                    null));
            cases.add(fixed(
                    path + ": multipart",
                    multipart(path)
                            .file(new MockMultipartFile(
                                    "file",
                                    "a.json",
                                    "application/json",
                                    TestIncidents.LIFT_OUTAGE.getBytes(StandardCharsets.UTF_8)))
                            .header("X-API-Key", TestIncidents.API_KEY),
                    415,
                    "unsupported-media-type",
                    null));
        }
        cases.add(onStored(
                "follow-up without perception",
                stored -> json(post(visits(stored)), "{\"comment\":\"还行\"}").header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "perception"));
        cases.add(onStored(
                "follow-up perception six",
                stored -> json(post(visits(stored)), "{\"perception\":6}").header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "perception"));
        cases.add(onStored(
                "follow-up expectation zero",
                stored -> json(post(visits(stored)), "{\"perception\":3,\"expectation\":0}")
                        .header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "expectation"));
        cases.add(onStored(
                "follow-up comment too long",
                stored -> json(post(visits(stored)), "{\"perception\":3,\"comment\":\"" + "好".repeat(2001) + "\"}")
                        .header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "comment"));
        cases.add(onStored(
                "follow-up in the year 3000",
                stored -> json(post(visits(stored)), "{\"perception\":3,\"visitedAt\":\"3000-01-01T00:00:00Z\"}")
                        .header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "visitedAt"));
        cases.add(onStored(
                "follow-up comment with NUL",
                stored -> json(post(visits(stored)), "{\"perception\":3,\"comment\":\"好\\u0000\"}")
                        .header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "comment"));
        cases.add(onStored(
                "follow-up perception as a string",
                stored ->
                        json(post(visits(stored)), "{\"perception\":\"3\"}").header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "perception"));
        cases.add(onStored(
                "follow-up unknown field",
                stored -> json(post(visits(stored)), "{\"perception\":3,\"rating\":5}")
                        .header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "rating"));
        cases.add(fixed(
                "follow-up of a missing incident",
                json(post("/api/incidents/987654/follow-ups"), "{\"perception\":3}")
                        .header("X-API-Key", TestIncidents.API_KEY),
                404,
                "not-found",
                null));
        cases.add(fixed(
                "follow-up id not a number",
                json(post("/api/incidents/abc/follow-ups"), "{\"perception\":3}")
                        .header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "id"));
        cases.add(fixed(
                "list: bad status",
                get("/api/incidents").param("status", "DONE").header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "status"));
        cases.add(fixed(
                "list: size too big",
                get("/api/incidents").param("size", "1000").header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "size"));
        cases.add(fixed(
                "list: negative page",
                get("/api/incidents").param("page", "-1").header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "page"));
        cases.add(onStored(
                "assign: unknown user",
                stored -> json(post("/api/incidents/" + stored.open() + "/assign"), "{\"assignee\":\"nobody-here\"}")
                        .header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "assignee"));
        cases.add(onStored(
                "assign: blank user",
                stored -> json(post("/api/incidents/" + stored.open() + "/assign"), "{\"assignee\":\" \"}")
                        .header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "assignee"));
        cases.add(fixed(
                "assign: unknown incident",
                json(post("/api/incidents/999999/assign"), "{\"assignee\":\"admin\"}")
                        .header("X-API-Key", TestIncidents.API_KEY),
                404,
                "not-found",
                null));
        cases.add(onStored(
                "resolve: note too long",
                stored -> json(
                                post("/api/incidents/" + stored.open() + "/resolve"),
                                "{\"note\":\"" + "x".repeat(2001) + "\"}")
                        .header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "note"));
        cases.add(fixed(
                "list: bad due",
                get("/api/incidents").param("due", "yesterday").header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "due"));
        cases.add(fixed(
                "timeline: unknown incident",
                get("/api/incidents/999999/timeline").header("X-API-Key", TestIncidents.API_KEY),
                404,
                "not-found",
                null));
        // PostgreSQL refuses NUL in text: a filter value carrying one was a 500 there (OpenApiContractIT)
        cases.add(fixed(
                "list: NUL in the community filter",
                get("/api/incidents").param("community", "阳光\u0000花园").header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "community"));
        cases.add(fixed(
                "list: bidi override in the community filter",
                get("/api/incidents").param("community", "\u202e园花光阳").header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "community"));
        cases.add(fixed(
                "list: bad date",
                get("/api/incidents").param("from", "2025-13-01").header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "from"));
        cases.add(fixed(
                "list: range reversed",
                get("/api/incidents")
                        .param("from", "2025-06-02")
                        .param("to", "2025-06-01")
                        .header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "to"));
        var admin = httpBasic("admin", TestIncidents.ADMIN_PASSWORD);
        cases.add(fixed(
                "user: bad username",
                json(
                                post("/api/users"),
                                "{\"username\":\"a\",\"password\":\"Long-Enough-Pass\",\"roles\":[\"SUPERVISOR\"]}")
                        .with(admin),
                400,
                "invalid-request",
                "username"));
        cases.add(fixed(
                "user: short password",
                json(post("/api/users"), "{\"username\":\"zhang\",\"password\":\"short\",\"roles\":[\"SUPERVISOR\"]}")
                        .with(admin),
                400,
                "invalid-request",
                "password"));
        cases.add(fixed(
                "user: no roles",
                json(post("/api/users"), "{\"username\":\"zhang\",\"password\":\"Long-Enough-Pass\",\"roles\":[]}")
                        .with(admin),
                400,
                "invalid-request",
                "roles"));
        cases.add(fixed(
                "user: unknown role",
                json(
                                post("/api/users"),
                                "{\"username\":\"zhang\",\"password\":\"Long-Enough-Pass\",\"roles\":[\"ROOT\"]}")
                        .with(admin),
                400,
                "invalid-request",
                "roles"));
        // an upload endpoint called with JSON instead of multipart/form-data: 400 naming the file field, not a 500
        cases.add(fixed(
                "rules publish: JSON instead of an upload",
                json(post("/api/rules/publish"), "{\"file\":\"rules.zip\"}").with(admin),
                400,
                "invalid-request",
                "file"));
        cases.add(fixed(
                "survey upload: JSON instead of an upload",
                json(post("/api/kano/surveys"), "{\"file\":\"survey.csv\"}").with(admin),
                400,
                "invalid-request",
                "file"));
        cases.add(fixed(
                "user: taken username",
                json(
                                post("/api/users"),
                                "{\"username\":\"admin\",\"password\":\"Long-Enough-Pass\",\"roles\":[\"ADMIN\"]}")
                        .with(admin),
                409,
                "conflict",
                null));
        cases.add(fixed(
                "user: password over 72 bytes",
                json(
                                post("/api/users"),
                                "{\"username\":\"zhang\",\"password\":\"" + "电梯维修".repeat(18)
                                        + "\",\"roles\":[\"SUPERVISOR\"]}")
                        .with(admin),
                400,
                "invalid-request",
                "password"));
        cases.add(fixed(
                "user: password is the username",
                json(
                                post("/api/users"),
                                "{\"username\":\"zhang.wei.2025\",\"password\":\"Zhang.Wei.2025\",\"roles\":[\"SUPERVISOR\"]}")
                        .with(admin),
                400,
                "invalid-request",
                "password"));
        cases.add(fixed(
                "user: common password",
                json(
                                post("/api/users"),
                                "{\"username\":\"zhang\",\"password\":\"Password2025!\",\"roles\":[\"SUPERVISOR\"]}")
                        .with(admin),
                400,
                "invalid-request",
                "password"));
        cases.add(fixed(
                "user: one character repeated",
                json(
                                post("/api/users"),
                                "{\"username\":\"zhang\",\"password\":\"aaaaaaaaaaaa\",\"roles\":[\"SUPERVISOR\"]}")
                        .with(admin),
                400,
                "invalid-request",
                "password"));
        cases.add(fixed(
                "user: differs only in case",
                json(
                                post("/api/users"),
                                "{\"username\":\"ADMIN\",\"password\":\"Long-Enough-Pass\",\"roles\":[\"ADMIN\"]}")
                        .with(admin),
                409,
                "conflict",
                null));
        cases.add(fixed(
                "user: RTL override in the name",
                json(
                                post("/api/users"),
                                "{\"username\":\"zh\\u202eang\",\"password\":\"Long-Enough-Pass\",\"roles\":[\"SUPERVISOR\"]}")
                        .with(admin),
                400,
                "invalid-request",
                "username"));
        cases.add(fixed(
                "password: weak new one",
                json(
                                post("/api/users/admin/password"),
                                "{\"currentPassword\":\"" + TestIncidents.ADMIN_PASSWORD
                                        + "\",\"newPassword\":\"qwertyuiop123\"}")
                        .with(admin),
                400,
                "invalid-request",
                "password"));
        cases.add(fixed(
                "password: wrong present one",
                json(
                                post("/api/users/admin/password"),
                                "{\"currentPassword\":\"not-it\",\"newPassword\":\"Fresh-Long-Secret-8\"}")
                        .with(admin),
                400,
                "invalid-request",
                "currentPassword"));
        cases.add(fixed(
                "password: unknown user",
                json(post("/api/users/nobody/password"), "{\"newPassword\":\"Fresh-Long-Secret-8\"}")
                        .with(admin),
                404,
                "not-found",
                null));
        var trainer = httpBasic("admin", TestIncidents.ADMIN_PASSWORD);
        cases.add(fixed(
                "rules: a .zip that is not a zip",
                multipart("/api/rules/validate")
                        .file(new MockMultipartFile(
                                "file", "rules.zip", "application/zip", new byte[] {'P', 'K', 3, 4, 1, 2}))
                        .with(trainer),
                400,
                "bad-rule-upload",
                null));
        cases.add(fixed(
                "rules: a path out of the folder",
                multipart("/api/rules/validate")
                        .file(new MockMultipartFile(
                                "file", "x.drl", "text/plain", "package x;".getBytes(StandardCharsets.UTF_8)))
                        .param("path", "../../etc/x.drl")
                        .with(trainer),
                400,
                "bad-rule-upload",
                null));
        cases.add(fixed(
                "rules: unknown version",
                post("/api/rules/versions/nope/activate").with(trainer),
                404,
                "unknown-rule-set-version",
                null));
        cases.add(fixed(
                "versions: page size 0",
                get("/api/rules/versions").param("size", "0").with(trainer),
                400,
                "invalid-request",
                "size"));
        cases.add(fixed(
                "versions: page size 1000",
                get("/api/rules/versions").param("size", "1000").with(trainer),
                400,
                "invalid-request",
                "size"));
        cases.add(fixed(
                "versions: negative page",
                get("/api/rules/versions").param("page", "-1").with(trainer),
                400,
                "invalid-request",
                "page"));
        cases.add(
                fixed("user: disable unknown", post("/api/users/nobody/disable").with(admin), 404, "not-found", null));
        // Kano surveys (a trainer's uploads); the 50 MB upload is KanoUploadLimitTest (it needs a real socket)
        String header = "respondent,item,functional,dysfunctional\n";
        String good = header + "R1,lift-outage,2,5\nR2,lift-outage,1,5\n";
        cases.add(fixed(
                "survey: wrong columns",
                survey("受访者,项目,正向,反向\nR1,lift-outage,2,5\n"),
                400,
                "kano-wrong-columns",
                null));
        cases.add(fixed(
                "survey: answers outside 1..5",
                survey(header + "R1,lift-outage,0,5\nR2,lift-outage,2,6\nR3,lift-outage,7,9\n"),
                422,
                "kano-no-answers",
                null));
        cases.add(fixed(
                "survey: too many unreadable rows",
                survey(header + "R1,lift-outage,2,5\nR2,lift-outage,2,6\n"),
                422,
                "kano-unreadable-rows",
                null));
        cases.add(fixed("survey: empty file", survey(""), 400, "kano-empty-file", null));
        cases.add(fixed("survey: header only", survey(header), 422, "kano-no-answers", null));
        for (String formula : List.of(
                "=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)")) {
            cases.add(fixed(
                    "survey: formula cell " + formula,
                    survey(good + "R3,\"" + formula + "\",2,5\n"),
                    400,
                    "kano-formula-cell",
                    null));
        }
        cases.add(fixed(
                "survey: an .xls workbook",
                survey(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}),
                400,
                "kano-old-excel",
                null));
        cases.add(fixed(
                "survey: neither UTF-8 nor GBK",
                survey(new byte[] {(byte) 0xFF, (byte) 0xFF, 0x41, (byte) 0x80, (byte) 0xFF}),
                400,
                "kano-unknown-encoding",
                null));
        cases.add(fixed(
                "survey: no file field",
                multipart("/api/kano/surveys").param("title", "x").with(admin),
                400,
                "invalid-request",
                "file"));
        cases.add(fixed(
                "survey: JSON instead of a file",
                json(post("/api/kano/surveys"), "{\"file\":\"x\"}").with(admin),
                400,
                "invalid-request",
                "file"));
        cases.add(fixed(
                "survey: title too long",
                survey(good).param("title", "题".repeat(201)),
                400,
                "invalid-request",
                "title"));
        cases.add(fixed(
                "survey: id not a number", get("/api/kano/surveys/abc").with(admin), 400, "invalid-request", "id"));
        cases.add(fixed("survey: unknown id", get("/api/kano/surveys/987654").with(admin), 404, "not-found", null));
        cases.add(fixed(
                "surveys: size too big",
                get("/api/kano/surveys").param("size", "1000").with(admin),
                400,
                "invalid-request",
                "size"));
        String accept = "/api/kano/surveys/987654/proposals/accept";
        cases.add(fixed(
                "accept: no items", json(post(accept), "{\"items\":[]}").with(admin), 400, "invalid-request", "items"));
        cases.add(fixed(
                "accept: blank item",
                json(post(accept), "{\"items\":[\" \"]}").with(admin),
                400,
                "invalid-request",
                "items"));
        cases.add(fixed(
                "accept: unknown field",
                json(post(accept), "{\"items\":[\"theft\"],\"force\":true}").with(admin),
                400,
                "invalid-request",
                "force"));
        cases.add(fixed(
                "accept: unknown survey",
                json(post(accept), "{\"items\":[\"theft\"]}").with(admin),
                404,
                "not-found",
                null));
        cases.add(fixed(
                "insights: minCount zero",
                get("/api/insights/rules").param("minCount", "0").with(admin),
                400,
                "invalid-request",
                "minCount"));
        cases.add(fixed(
                "insights: minCount not a number",
                get("/api/insights/rules").param("minCount", "ten").with(admin),
                400,
                "invalid-request",
                "minCount"));
        cases.add(fixed(
                "insights: bad version",
                get("/api/insights/rules").param("version", "v1; drop").with(admin),
                400,
                "invalid-request",
                "version"));
        cases.add(fixed(
                "unknown path",
                get("/api/nothing-here").header("X-API-Key", TestIncidents.API_KEY),
                404,
                "not-found",
                null));
        cases.add(fixed(
                "wrong method",
                delete("/api/advice").header("X-API-Key", TestIncidents.API_KEY),
                405,
                "method-not-allowed",
                null));
        // steps out of order (contract 1.2): a resolved incident cannot be acknowledged or resolved again
        cases.add(onStored(
                "acknowledge: a resolved incident",
                stored -> post("/api/incidents/" + stored.resolved() + "/acknowledge")
                        .header("X-API-Key", TestIncidents.API_KEY),
                409,
                "conflict",
                null));
        cases.add(onStored(
                "resolve: a resolved incident",
                stored -> json(post("/api/incidents/" + stored.resolved() + "/resolve"), "{\"note\":\"again\"}")
                        .header("X-API-Key", TestIncidents.API_KEY),
                409,
                "conflict",
                null));
        cases.add(onStored(
                "reopen: an incident still open",
                stored -> json(post("/api/incidents/" + stored.open() + "/reopen"), "{\"note\":\"还是坏的\"}")
                        .header("X-API-Key", TestIncidents.API_KEY),
                409,
                "conflict",
                null));
        cases.add(onStored(
                "reopen: note too long",
                stored -> json(
                                post("/api/incidents/" + stored.resolved() + "/reopen"),
                                "{\"note\":\"" + "x".repeat(2001) + "\"}")
                        .header("X-API-Key", TestIncidents.API_KEY),
                400,
                "invalid-request",
                "note"));
        cases.add(onStored(
                "resolution: a resolved incident",
                stored -> post("/api/incidents/" + stored.resolved() + "/resolution")
                        .header("X-API-Key", TestIncidents.API_KEY),
                409,
                "conflict",
                null));
        return cases.stream();
    }

    static MockMultipartHttpServletRequestBuilder survey(String csv) {
        return survey(csv.getBytes(StandardCharsets.UTF_8));
    }

    static MockMultipartHttpServletRequestBuilder survey(byte[] content) {
        MockMultipartHttpServletRequestBuilder upload =
                multipart("/api/kano/surveys").file(new MockMultipartFile("file", "survey.csv", "text/csv", content));
        upload.with(httpBasic("admin", TestIncidents.ADMIN_PASSWORD));
        return upload;
    }

    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String table : List.of(
                "incidents",
                "follow_ups",
                "users",
                "kano_survey",
                "kano_answer_count",
                "rule_set_attempt",
                "incident_event")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Integer.class));
        }
        counts.put(
                "open incidents",
                jdbc.queryForObject(
                        "select count(*) from incidents where status in ('OPEN', 'ADVISED')", Integer.class));
        counts.put(
                "assigned incidents",
                jdbc.queryForObject("select count(*) from incidents where assignee is not null", Integer.class));
        return counts;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMalformedRequestGetsA4xxProblemNamingTheFieldAndChangesNothing(Case bad) throws Exception {
        Map<String, Integer> before = counts();

        MvcResult result = mvc.perform(bad.request().apply(stored)).andReturn();

        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus())
                .as("status; the answer: %s", body)
                .isEqualTo(bad.status());
        assertThat(result.getResponse().getContentType()).as("content type").startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("type").asString()).as("problem type").isEqualTo(TYPES + bad.type());
        if (bad.field() != null) {
            List<String> fields = new ArrayList<>();
            problem.path("errors")
                    .forEach(error -> fields.add(error.path("field").asString()));
            assertThat(fields)
                    .as("the fields the errors name")
                    .anyMatch(field -> field.equals(bad.field()) || field.startsWith(bad.field() + "["));
        }
        assertThat(problem.path("correlationId").isString())
                .as("a correlation id in %s", body)
                .isTrue();
        assertThat(problem.path("title").asString("")).as("title").isNotBlank();
        assertThat(problem.path("detail").asString("")).as("a real detail").doesNotContain("null");
        assertThat(body).as("no internals").doesNotContain("Exception", "at com.", "SQL");
        assertThat(counts()).as("what is stored").isEqualTo(before);
    }
}
