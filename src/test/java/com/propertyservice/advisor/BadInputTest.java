package com.propertyservice.advisor;

import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.incident.FollowThroughService;
import com.propertyservice.advisor.incident.IncidentService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.propertyservice.advisor.TestIncidents.liftOutageWith;
import static com.propertyservice.advisor.TestIncidents.liftOutageWithout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Malformed requests across the endpoints: each gets the expected 4xx problem detail naming the field
 * at fault, none a 5xx, none leaks an exception name, and nothing stored changes.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:service-api;DB_CLOSE_DELAY=-1",
        "advisor.security.api-keys=" + TestIncidents.API_KEY,
        "advisor.security.bootstrap-admin-password=" + TestIncidents.ADMIN_PASSWORD})
@AutoConfigureMockMvc
class BadInputTest {

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

    /** A malformed request, the status and problem type it must get, and the field it must name (or null). */
    record Case(String what, RequestBuilder request, int status, String type, String field) {
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType("application/json").content(body.getBytes(StandardCharsets.UTF_8));
    }

    List<Case> cases(long incident) {
        List<Case> cases = new ArrayList<>();
        String longCommunity = "园".repeat(101);
        Map<String, String[]> incidentBodies = new java.util.LinkedHashMap<>();
        // body, expected field, expected type
        incidentBodies.put("unknown top-level field", new String[]{liftOutageWith("colour", "\"red\""), "colour", "invalid-request"});
        incidentBodies.put("unknown nested field", new String[]{liftOutageWith("complainant", "{\"role\":\"OWNER\",\"emotion\":\"ANGRY\",\"mood\":\"bad\"}"), "complainant.mood", "invalid-request"});
        incidentBodies.put("bad channel", new String[]{liftOutageWith("channel", "\"FAX\""), "channel", "invalid-request"});
        incidentBodies.put("bad service area", new String[]{liftOutageWith("serviceArea", "\"GARDEN\""), "serviceArea", "invalid-request"});
        incidentBodies.put("bad emotion", new String[]{liftOutageWith("complainant", "{\"role\":\"OWNER\",\"emotion\":\"FURIOUS\"}"), "complainant.emotion", "invalid-request"});
        incidentBodies.put("missing channel", new String[]{liftOutageWithout("channel"), "channel", "invalid-request"});
        incidentBodies.put("missing complainant", new String[]{liftOutageWithout("complainant"), "complainant", "invalid-request"});
        incidentBodies.put("missing complainant role", new String[]{liftOutageWith("complainant", "{\"emotion\":\"ANGRY\"}"), "complainant.role", "invalid-request"});
        incidentBodies.put("blank community", new String[]{liftOutageWith("community", "\"  \""), "community", "invalid-request"});
        incidentBodies.put("community too long", new String[]{liftOutageWith("community", "\"" + longCommunity + "\""), "community", "invalid-request"});
        incidentBodies.put("summary too long", new String[]{liftOutageWith("summary", "\"" + "x".repeat(2001) + "\""), "summary", "invalid-request"});
        incidentBodies.put("externalId too long", new String[]{liftOutageWith("externalId", "\"" + "1".repeat(65) + "\""), "externalId", "invalid-request"});
        incidentBodies.put("occurrences zero", new String[]{liftOutageWith("occurrences", "0"), "occurrences", "invalid-request"});
        incidentBodies.put("households negative", new String[]{liftOutageWith("affectedHouseholds", "-1"), "affectedHouseholds", "invalid-request"});
        incidentBodies.put("expectation six", new String[]{liftOutageWith("expectation", "6"), "expectation", "invalid-request"});
        incidentBodies.put("perception zero", new String[]{liftOutageWith("perception", "0"), "perception", "invalid-request"});
        incidentBodies.put("negative previous complaints", new String[]{liftOutageWith("complainant", "{\"role\":\"OWNER\",\"emotion\":\"ANGRY\",\"previousComplaints\":-1}"), "complainant.previousComplaints", "invalid-request"});
        incidentBodies.put("unknown issue", new String[]{liftOutageWith("issue", "\"no-such-issue\""), "issue", "unknown-issue"});
        incidentBodies.put("issue not kebab-case", new String[]{liftOutageWith("issue", "\"Lift Outage\""), "issue", "invalid-request"});
        incidentBodies.put("occurrences not a number", new String[]{liftOutageWith("occurrences", "\"two\""), "occurrences", "invalid-request"});
        incidentBodies.put("reportedAt not a timestamp", new String[]{liftOutageWith("reportedAt", "\"yesterday\""), "reportedAt", "invalid-request"});
        incidentBodies.put("safetyRisk not a boolean", new String[]{liftOutageWith("safetyRisk", "\"maybe\""), "safetyRisk", "invalid-request"});
        incidentBodies.put("bad kind", new String[]{liftOutageWith("kind", "\"GRUMBLE\""), "kind", "invalid-request"});
        incidentBodies.put("bad side", new String[]{liftOutageWith("complainant", "{\"role\":\"OWNER\",\"emotion\":\"ANGRY\",\"side\":\"VICTIM\"}"), "complainant.side", "invalid-request"});
        incidentBodies.put("location too long", new String[]{liftOutageWith("location", "\"" + "楼".repeat(201) + "\""), "location", "invalid-request"});
        incidentBodies.put("noticeGiven not a boolean", new String[]{liftOutageWith("noticeGiven", "\"maybe\""), "noticeGiven", "invalid-request"});
        // strict scalars: nothing coerced
        incidentBodies.put("number for an enum", new String[]{liftOutageWith("channel", "1"), "channel", "invalid-request"});
        incidentBodies.put("fraction for an integer", new String[]{liftOutageWith("occurrences", "3.7"), "occurrences", "invalid-request"});
        incidentBodies.put("string for an integer", new String[]{liftOutageWith("occurrences", "\"3\""), "occurrences", "invalid-request"});
        incidentBodies.put("number for a boolean", new String[]{liftOutageWith("safetyRisk", "1"), "safetyRisk", "invalid-request"});
        incidentBodies.put("string for a boolean", new String[]{liftOutageWith("withinJurisdiction", "\"true\""), "withinJurisdiction", "invalid-request"});
        incidentBodies.put("number for a timestamp", new String[]{liftOutageWith("reportedAt", "1700000000"), "reportedAt", "invalid-request"});
        incidentBodies.put("reportedAt in the year 3000", new String[]{liftOutageWith("reportedAt", "\"3000-01-01T08:00:00+08:00\""), "reportedAt", "invalid-request"});
        incidentBodies.put("100,000-character issue", new String[]{liftOutageWith("issue", "\"" + "a-".repeat(50_000) + "a\""), "issue", "invalid-request"});
        incidentBodies.put("NUL in the summary", new String[]{liftOutageWith("summary", "\"电梯\\u0000坏了\""), "summary", "invalid-request"});
        incidentBodies.put("RTL override in the community", new String[]{liftOutageWith("community", "\"阳光\\u202e园花\""), "community", "invalid-request"});
        incidentBodies.put("lone surrogate in the externalId", new String[]{liftOutageWith("externalId", "\"CRM-\\ud800\""), "externalId", "invalid-request"});
        incidentBodies.put("malformed JSON", new String[]{"{\"channel\": \"PHONE\",", null, "malformed-body"});
        incidentBodies.put("empty body", new String[]{"", null, "malformed-body"});
        incidentBodies.put("an array, not an object", new String[]{"[1,2]", null, "malformed-body"});
        for (String path : List.of("/api/advice", "/api/incidents")) {
            incidentBodies.forEach((what, spec) -> cases.add(new Case(path + ": " + what,
                    json(post(path), spec[0]).header("X-API-Key", TestIncidents.API_KEY), 400, spec[2], spec[1])));
            cases.add(new Case(path + ": text/plain", post(path).header("X-API-Key", TestIncidents.API_KEY)
                    .contentType("text/plain").content("电梯坏了"), 415, "unsupported-media-type", null));
            cases.add(new Case(path + ": multipart", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(path)
                    .file(new org.springframework.mock.web.MockMultipartFile("file", "a.json", "application/json",
                            TestIncidents.LIFT_OUTAGE.getBytes(StandardCharsets.UTF_8)))
                    .header("X-API-Key", TestIncidents.API_KEY), 415, "unsupported-media-type", null));
        }
        String visits = "/api/incidents/" + incident + "/follow-ups";
        cases.add(new Case("follow-up without perception", json(post(visits), "{\"comment\":\"还行\"}").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "perception"));
        cases.add(new Case("follow-up perception six", json(post(visits), "{\"perception\":6}").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "perception"));
        cases.add(new Case("follow-up expectation zero", json(post(visits), "{\"perception\":3,\"expectation\":0}").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "expectation"));
        cases.add(new Case("follow-up comment too long", json(post(visits), "{\"perception\":3,\"comment\":\"" + "好".repeat(2001) + "\"}").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "comment"));
        cases.add(new Case("follow-up in the year 3000", json(post(visits), "{\"perception\":3,\"visitedAt\":\"3000-01-01T00:00:00Z\"}").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "visitedAt"));
        cases.add(new Case("follow-up comment with NUL", json(post(visits), "{\"perception\":3,\"comment\":\"好\\u0000\"}").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "comment"));
        cases.add(new Case("follow-up perception as a string", json(post(visits), "{\"perception\":\"3\"}").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "perception"));
        cases.add(new Case("follow-up unknown field", json(post(visits), "{\"perception\":3,\"rating\":5}").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "rating"));
        cases.add(new Case("follow-up of a missing incident", json(post("/api/incidents/987654/follow-ups"), "{\"perception\":3}").header("X-API-Key", TestIncidents.API_KEY), 404, "not-found", null));
        cases.add(new Case("follow-up id not a number", json(post("/api/incidents/abc/follow-ups"), "{\"perception\":3}").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "id"));
        cases.add(new Case("list: bad status", get("/api/incidents").param("status", "DONE").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "status"));
        cases.add(new Case("list: size too big", get("/api/incidents").param("size", "1000").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "size"));
        cases.add(new Case("list: negative page", get("/api/incidents").param("page", "-1").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "page"));
        cases.add(new Case("assign: unknown user", json(post("/api/incidents/" + incident + "/assign"), "{\"assignee\":\"nobody-here\"}").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "assignee"));
        cases.add(new Case("assign: blank user", json(post("/api/incidents/" + incident + "/assign"), "{\"assignee\":\" \"}").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "assignee"));
        cases.add(new Case("assign: unknown incident", json(post("/api/incidents/999999/assign"), "{\"assignee\":\"admin\"}").header("X-API-Key", TestIncidents.API_KEY), 404, "not-found", null));
        cases.add(new Case("resolve: note too long", json(post("/api/incidents/" + incident + "/resolve"), "{\"note\":\"" + "x".repeat(2001) + "\"}").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "note"));
        cases.add(new Case("list: bad due", get("/api/incidents").param("due", "yesterday").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "due"));
        cases.add(new Case("timeline: unknown incident", get("/api/incidents/999999/timeline").header("X-API-Key", TestIncidents.API_KEY), 404, "not-found", null));
        // PostgreSQL refuses NUL in text: a filter value carrying one was a 500 there (OpenApiContractIT)
        cases.add(new Case("list: NUL in the community filter", get("/api/incidents").param("community", "阳光\u0000花园").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "community"));
        cases.add(new Case("list: bidi override in the community filter", get("/api/incidents").param("community", "\u202e园花光阳").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "community"));
        cases.add(new Case("list: bad date", get("/api/incidents").param("from", "2025-13-01").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "from"));
        cases.add(new Case("list: range reversed", get("/api/incidents").param("from", "2025-06-02").param("to", "2025-06-01").header("X-API-Key", TestIncidents.API_KEY), 400, "invalid-request", "to"));
        var admin = httpBasic("admin", TestIncidents.ADMIN_PASSWORD);
        cases.add(new Case("user: bad username", json(post("/api/users"), "{\"username\":\"a\",\"password\":\"Long-Enough-Pass\",\"roles\":[\"SUPERVISOR\"]}").with(admin), 400, "invalid-request", "username"));
        cases.add(new Case("user: short password", json(post("/api/users"), "{\"username\":\"zhang\",\"password\":\"short\",\"roles\":[\"SUPERVISOR\"]}").with(admin), 400, "invalid-request", "password"));
        cases.add(new Case("user: no roles", json(post("/api/users"), "{\"username\":\"zhang\",\"password\":\"Long-Enough-Pass\",\"roles\":[]}").with(admin), 400, "invalid-request", "roles"));
        cases.add(new Case("user: unknown role", json(post("/api/users"), "{\"username\":\"zhang\",\"password\":\"Long-Enough-Pass\",\"roles\":[\"ROOT\"]}").with(admin), 400, "invalid-request", "roles"));
        cases.add(new Case("user: taken username", json(post("/api/users"), "{\"username\":\"admin\",\"password\":\"Long-Enough-Pass\",\"roles\":[\"ADMIN\"]}").with(admin), 409, "conflict", null));
        cases.add(new Case("user: password over 72 bytes", json(post("/api/users"), "{\"username\":\"zhang\",\"password\":\"" + "电梯维修".repeat(18) + "\",\"roles\":[\"SUPERVISOR\"]}").with(admin), 400, "invalid-request", "password"));
        cases.add(new Case("user: password is the username", json(post("/api/users"), "{\"username\":\"zhang.wei.2025\",\"password\":\"Zhang.Wei.2025\",\"roles\":[\"SUPERVISOR\"]}").with(admin), 400, "invalid-request", "password"));
        cases.add(new Case("user: common password", json(post("/api/users"), "{\"username\":\"zhang\",\"password\":\"Password2025!\",\"roles\":[\"SUPERVISOR\"]}").with(admin), 400, "invalid-request", "password"));
        cases.add(new Case("user: one character repeated", json(post("/api/users"), "{\"username\":\"zhang\",\"password\":\"aaaaaaaaaaaa\",\"roles\":[\"SUPERVISOR\"]}").with(admin), 400, "invalid-request", "password"));
        cases.add(new Case("user: differs only in case", json(post("/api/users"), "{\"username\":\"ADMIN\",\"password\":\"Long-Enough-Pass\",\"roles\":[\"ADMIN\"]}").with(admin), 409, "conflict", null));
        cases.add(new Case("user: RTL override in the name", json(post("/api/users"), "{\"username\":\"zh\\u202eang\",\"password\":\"Long-Enough-Pass\",\"roles\":[\"SUPERVISOR\"]}").with(admin), 400, "invalid-request", "username"));
        cases.add(new Case("password: weak new one", json(post("/api/users/admin/password"), "{\"currentPassword\":\"" + TestIncidents.ADMIN_PASSWORD + "\",\"newPassword\":\"qwertyuiop123\"}").with(admin), 400, "invalid-request", "password"));
        cases.add(new Case("password: wrong present one", json(post("/api/users/admin/password"), "{\"currentPassword\":\"not-it\",\"newPassword\":\"Fresh-Long-Secret-8\"}").with(admin), 400, "invalid-request", "currentPassword"));
        cases.add(new Case("password: unknown user", json(post("/api/users/nobody/password"), "{\"newPassword\":\"Fresh-Long-Secret-8\"}").with(admin), 404, "not-found", null));
        var trainer = httpBasic("admin", TestIncidents.ADMIN_PASSWORD);
        cases.add(new Case("rules: a .zip that is not a zip", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/rules/validate")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "rules.zip", "application/zip", new byte[] {'P', 'K', 3, 4, 1, 2}))
                .with(trainer), 400, "bad-rule-upload", null));
        cases.add(new Case("rules: a path out of the folder", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/rules/validate")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "x.drl", "text/plain", "package x;".getBytes(StandardCharsets.UTF_8)))
                .param("path", "../../etc/x.drl").with(trainer), 400, "bad-rule-upload", null));
        cases.add(new Case("rules: unknown version", post("/api/rules/versions/nope/activate").with(trainer), 404, "unknown-rule-set-version", null));
        cases.add(new Case("versions: page size 0", get("/api/rules/versions").param("size", "0").with(trainer), 400, "invalid-request", "size"));
        cases.add(new Case("versions: page size 1000", get("/api/rules/versions").param("size", "1000").with(trainer), 400, "invalid-request", "size"));
        cases.add(new Case("versions: negative page", get("/api/rules/versions").param("page", "-1").with(trainer), 400, "invalid-request", "page"));
        cases.add(new Case("user: disable unknown", post("/api/users/nobody/disable").with(admin), 404, "not-found", null));
        // Kano surveys (a trainer's uploads); the 50 MB upload is KanoUploadLimitTest (it needs a real socket)
        String header = "respondent,item,functional,dysfunctional\n";
        String good = header + "R1,lift-outage,2,5\nR2,lift-outage,1,5\n";
        cases.add(new Case("survey: wrong columns", survey("受访者,项目,正向,反向\nR1,lift-outage,2,5\n"), 400, "kano-wrong-columns", null));
        cases.add(new Case("survey: answers outside 1..5", survey(header + "R1,lift-outage,0,5\nR2,lift-outage,2,6\nR3,lift-outage,7,9\n"), 422, "kano-no-answers", null));
        cases.add(new Case("survey: too many unreadable rows", survey(header + "R1,lift-outage,2,5\nR2,lift-outage,2,6\n"), 422, "kano-unreadable-rows", null));
        cases.add(new Case("survey: empty file", survey(""), 400, "kano-empty-file", null));
        cases.add(new Case("survey: header only", survey(header), 422, "kano-no-answers", null));
        for (String formula : List.of("=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)")) {
            cases.add(new Case("survey: formula cell " + formula, survey(good + "R3,\"" + formula + "\",2,5\n"), 400, "kano-formula-cell", null));
        }
        cases.add(new Case("survey: an .xls workbook", survey(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}), 400, "kano-old-excel", null));
        cases.add(new Case("survey: neither UTF-8 nor GBK", survey(new byte[] {(byte) 0xFF, (byte) 0xFF, 0x41, (byte) 0x80, (byte) 0xFF}), 400, "kano-unknown-encoding", null));
        cases.add(new Case("survey: no file field", multipart("/api/kano/surveys").param("title", "x").with(admin), 400, "invalid-request", "file"));
        cases.add(new Case("survey: JSON instead of a file", json(post("/api/kano/surveys"), "{\"file\":\"x\"}").with(admin), 400, "invalid-request", "file"));
        cases.add(new Case("survey: title too long", survey(good).param("title", "题".repeat(201)), 400, "invalid-request", "title"));
        cases.add(new Case("survey: id not a number", get("/api/kano/surveys/abc").with(admin), 400, "invalid-request", "id"));
        cases.add(new Case("survey: unknown id", get("/api/kano/surveys/987654").with(admin), 404, "not-found", null));
        cases.add(new Case("surveys: size too big", get("/api/kano/surveys").param("size", "1000").with(admin), 400, "invalid-request", "size"));
        String accept = "/api/kano/surveys/987654/proposals/accept";
        cases.add(new Case("accept: no items", json(post(accept), "{\"items\":[]}").with(admin), 400, "invalid-request", "items"));
        cases.add(new Case("accept: blank item", json(post(accept), "{\"items\":[\" \"]}").with(admin), 400, "invalid-request", "items"));
        cases.add(new Case("accept: unknown field", json(post(accept), "{\"items\":[\"theft\"],\"force\":true}").with(admin), 400, "invalid-request", "force"));
        cases.add(new Case("accept: unknown survey", json(post(accept), "{\"items\":[\"theft\"]}").with(admin), 404, "not-found", null));
        cases.add(new Case("insights: minCount zero", get("/api/insights/rules").param("minCount", "0").with(admin), 400, "invalid-request", "minCount"));
        cases.add(new Case("insights: minCount not a number", get("/api/insights/rules").param("minCount", "ten").with(admin), 400, "invalid-request", "minCount"));
        cases.add(new Case("insights: bad version", get("/api/insights/rules").param("version", "v1; drop").with(admin), 400, "invalid-request", "version"));
        cases.add(new Case("unknown path", get("/api/nothing-here").header("X-API-Key", TestIncidents.API_KEY), 404, "not-found", null));
        cases.add(new Case("wrong method", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/advice").header("X-API-Key", TestIncidents.API_KEY), 405, "method-not-allowed", null));
        return cases;
    }

    static MockMultipartHttpServletRequestBuilder survey(String csv) {
        return survey(csv.getBytes(StandardCharsets.UTF_8));
    }

    static MockMultipartHttpServletRequestBuilder survey(byte[] content) {
        MockMultipartHttpServletRequestBuilder upload = multipart("/api/kano/surveys")
                .file(new MockMultipartFile("file", "survey.csv", "text/csv", content));
        upload.with(httpBasic("admin", TestIncidents.ADMIN_PASSWORD));
        return upload;
    }

    Map<String, Integer> counts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String table : List.of("incidents", "follow_ups", "users", "kano_survey", "kano_answer_count", "rule_set_attempt",
                "incident_event")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Integer.class));
        }
        counts.put("open incidents", jdbc.queryForObject("select count(*) from incidents where status in ('OPEN', 'ADVISED')", Integer.class));
        counts.put("assigned incidents", jdbc.queryForObject("select count(*) from incidents where assignee is not null", Integer.class));
        return counts;
    }

    @Test
    void everyMalformedRequestGetsA4xxProblemNamingTheFieldAndChangesNothing() throws Exception {
        long incident = incidents.record(Incident.builder().channel(Channel.PHONE).community("阳光花园")
                .serviceArea(ServiceArea.ENGINEERING).issue("lift-outage").summary("电梯停了")
                .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.UPSET)).build(), Language.ZH_CN, "test").id();
        List<Case> cases = cases(incident);
        // steps out of order (contract 1.2): a resolved incident cannot be acknowledged or resolved again
        long resolved = incidents.record(Incident.builder().channel(Channel.PHONE).community("阳光花园")
                .serviceArea(ServiceArea.ENGINEERING).issue("lift-outage").summary("电梯又停了")
                .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.UPSET)).build(), Language.ZH_CN, "test").id();
        followThrough.resolve(resolved, "修好了", "test");
        cases.add(new Case("acknowledge: a resolved incident", post("/api/incidents/" + resolved + "/acknowledge").header("X-API-Key", TestIncidents.API_KEY), 409, "conflict", null));
        cases.add(new Case("resolve: a resolved incident", json(post("/api/incidents/" + resolved + "/resolve"), "{\"note\":\"again\"}").header("X-API-Key", TestIncidents.API_KEY), 409, "conflict", null));
        cases.add(new Case("resolution: a resolved incident", post("/api/incidents/" + resolved + "/resolution").header("X-API-Key", TestIncidents.API_KEY), 409, "conflict", null));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(25);
        Map<String, Integer> before = counts();

        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            MvcResult result = mvc.perform(c.request()).andReturn();
            String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            int status = result.getResponse().getStatus();
            if (status != c.status()) {
                failures.add(c.what() + ": status " + status + " instead of " + c.status() + " " + body);
                continue;
            }
            if (!String.valueOf(result.getResponse().getContentType()).startsWith("application/problem+json")) {
                failures.add(c.what() + ": content type " + result.getResponse().getContentType());
                continue;
            }
            JsonNode problem = JSON.readTree(body);
            if (!(TYPES + c.type()).equals(problem.path("type").asString())) {
                failures.add(c.what() + ": type " + problem.path("type") + " instead of " + c.type());
            }
            if (c.field() != null) {
                List<String> fields = new ArrayList<>();
                problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
                if (fields.stream().noneMatch(field -> field.equals(c.field()) || field.startsWith(c.field() + "["))) {
                    failures.add(c.what() + ": errors name " + fields + ", not " + c.field());
                }
            }
            if (!problem.path("correlationId").isString() || problem.path("title").asString("").isBlank()
                    || problem.path("detail").asString("").contains("null")) {
                failures.add(c.what() + ": no correlation id, title or real detail: " + body);
            }
            if (body.contains("Exception") || body.contains("at com.") || body.contains("SQL")) {
                failures.add(c.what() + ": leaks internals: " + body);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(counts()).isEqualTo(before);
    }
}
