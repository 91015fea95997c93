package com.propertyservice.advisor.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page on another origin (a second loopback server: {@code 127.0.0.1:<port>} is another site,
 * {@code localhost:<port>} the same site on another port) auto-posts forms and sends
 * {@code fetch(…, {mode: 'no-cors', credentials: 'include'})} to every state-changing endpoint of the API and
 * the pages: without a session, with an ADMIN's session, after the browser used an ADMIN's Basic
 * credentials, and with Basic credentials on every request the browser makes. Every such request reaches
 * the service and is refused; rule-set history, incidents, follow-ups and users stay as they were. The
 * pages themselves still work under their Content-Security-Policy.
 */
@Import(CrossOriginAttackTest.Requests.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossOriginAttackTest extends BrowserTest {

    /** Every POST that reached the service (before security), with the status it got. */
    @TestConfiguration
    static class Requests {
        static final ConcurrentLinkedQueue<String> POSTS = new ConcurrentLinkedQueue<>();

        @Bean
        FilterRegistrationBean<OncePerRequestFilter> recordPosts() {
            FilterRegistrationBean<OncePerRequestFilter> registration =
                    new FilterRegistrationBean<>(new OncePerRequestFilter() {
                        @Override
                        protected void doFilterInternal(
                                HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                                throws ServletException, IOException {
                            try {
                                chain.doFilter(request, response);
                            } finally {
                                if ("POST".equals(request.getMethod())) {
                                    POSTS.add(request.getRequestURI() + " " + response.getStatus());
                                }
                            }
                        }
                    });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IncidentService incidents;

    @Autowired
    Advisor advisor;

    @Autowired
    KanoSurveyService surveys;

    private HttpServer attacker;
    private long incident;
    private long survey;
    private final Map<String, String> pages = new LinkedHashMap<>();

    @BeforeAll
    void attackerSite() throws IOException {
        incident = incidents
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
        survey = surveys.upload(
                        "kano-survey-sample.csv",
                        null,
                        Files.readAllBytes(Path.of("docs", "samples", "kano-survey-sample.csv")),
                        "test",
                        Locale.ROOT)
                .id();
        attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attacker.createContext("/", exchange -> {
            byte[] page = attackPage().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        attacker.start();
    }

    @AfterAll
    void stopAttacker() {
        if (attacker != null) {
            attacker.stop(0);
        }
    }

    /** The targets: each a path with the form fields (or the JSON-looking text/plain body) an attacker would send. */
    Map<String, String> targets() {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("/api/rules/reload", "");
        targets.put("/api/rules/validate", "FILE");
        targets.put("/api/rules/versions/" + advisor.version() + "/activate", "");
        targets.put("/api/incidents", "JSON");
        targets.put("/api/incidents/" + incident + "/resolution", "");
        targets.put("/api/users", "USER");
        targets.put("/api/users/" + SUPERVISOR + "/disable", "");
        targets.put("/trainer/reload", "");
        targets.put("/trainer/versions/" + advisor.version() + "/activate", "");
        targets.put("/incidents/" + incident + "/follow-ups", "perception=1&comment=csrf");
        targets.put("/incidents/" + incident + "/acknowledge", "");
        targets.put("/incidents/" + incident + "/assign", "assignee=" + SUPERVISOR);
        targets.put("/incidents/" + incident + "/resolve", "note=csrf");
        targets.put("/api/kano/surveys", "SURVEY");
        targets.put("/api/kano/surveys/" + survey + "/proposals/accept", "ACCEPT");
        targets.put("/trainer/kano", "SURVEY");
        targets.put("/trainer/kano/" + survey + "/accept", "items=greening");
        targets.put(
                "/incidents",
                "channel=PHONE&community=csrf&serviceArea=ENGINEERING&issue=lift-outage&summary=csrf"
                        + "&causedBy=UNKNOWN&affectedHouseholds=1&occurrences=1&role=OWNER&emotion=CALM&previousComplaints=0");
        return targets;
    }

    String attackPage() {
        String base = url("");
        StringBuilder html =
                new StringBuilder("<!DOCTYPE html><html><head><title>win a prize</title></head><body><script>\n"
                        + "var pending = 0; function settle() { if (--pending === 0) { document.title = 'done'; } }\n"
                        + "setTimeout(function () { document.title = 'done'; }, 15000);\n"
                        + "function form(action, fields, enctype) { pending++; var frame = document.createElement('iframe');"
                        + " frame.name = 'f' + pending; frame.onload = settle; document.body.appendChild(frame);"
                        + " var f = document.createElement('form'); f.method = 'POST'; f.action = action; f.target = frame.name;"
                        + " if (enctype) { f.enctype = enctype; } Object.keys(fields).forEach(function (k) { var i = document.createElement('input');"
                        + " i.name = k; i.value = fields[k]; f.appendChild(i); }); document.body.appendChild(f); f.submit(); }\n"
                        + "function send(action, body) { pending++; fetch(action, {method: 'POST', mode: 'no-cors', credentials: 'include', body: body})"
                        + ".then(settle, settle); }\n");
        String json =
                "{\"channel\":\"PHONE\",\"community\":\"csrf\",\"serviceArea\":\"ENGINEERING\",\"issue\":\"lift-outage\","
                        + "\"summary\":\"csrf\",\"complainant\":{\"role\":\"OWNER\",\"emotion\":\"CALM\"},\"externalId\":\"";
        String user =
                "{\"username\":\"csrf.admin\",\"password\":\"Forged-Admin-Pass-77\",\"roles\":[\"ADMIN\"],\"x\":\"";
        for (Map.Entry<String, String> target : targets().entrySet()) {
            String action = js(base + target.getKey());
            switch (target.getValue()) {
                case "FILE" ->
                    html.append("var fd = new FormData(); fd.append('file', new Blob(['rule \"x\" when then end'],"
                                    + " {type: 'text/plain'}), 'x.drl'); send(")
                            .append(action)
                            .append(", fd);\n");
                case "SURVEY" ->
                    html.append(
                                    "var survey = new FormData(); survey.append('file', new Blob(['respondent,item,functional,dysfunctional\\n"
                                            + "R1,lift-outage,2,5\\n'], {type: 'text/csv'}), 'survey.csv'); send(")
                            .append(action)
                            .append(", survey);\n");
                case "ACCEPT" -> {
                    String prefix = js("{\"items\":[\"greening\"],\"x\":\"");
                    html.append("form(")
                            .append(action)
                            .append(", {")
                            .append(prefix)
                            .append(": '\"}'}, 'text/plain');\n");
                    html.append("send(")
                            .append(action)
                            .append(", new Blob([")
                            .append(prefix)
                            .append(" + '\"}'], {type: 'text/plain'}));\n");
                }
                case "JSON", "USER" -> {
                    String prefix = js(target.getValue().equals("JSON") ? json : user);
                    html.append("form(")
                            .append(action)
                            .append(", {")
                            .append(prefix)
                            .append(": '\"}'}, 'text/plain');\n");
                    html.append("send(")
                            .append(action)
                            .append(", new Blob([")
                            .append(prefix)
                            .append(" + '\"}'], {type: 'text/plain'}));\n");
                }
                default -> {
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (String pair : target.getValue().split("&")) {
                        if (!pair.isEmpty()) {
                            fields.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                        }
                    }
                    StringBuilder object = new StringBuilder("{");
                    fields.forEach((k, v) ->
                            object.append(js(k)).append(": ").append(js(v)).append(", "));
                    object.append("}");
                    html.append("form(")
                            .append(action)
                            .append(", ")
                            .append(object)
                            .append(");\n");
                    html.append("send(")
                            .append(action)
                            .append(", new URLSearchParams(")
                            .append(object)
                            .append("));\n");
                }
            }
        }
        // log-in CSRF: the victim's browser signed in as someone else
        html.append("form(")
                .append(js(base + "/login"))
                .append(", {username: ")
                .append(js(TRAINER))
                .append(", password: ")
                .append(js(PASSWORD))
                .append("});\n");
        return html.append("</script></body></html>").toString();
    }

    static String js(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    Map<String, Long> state() {
        Map<String, Long> state = new LinkedHashMap<>();
        for (String query : List.of(
                "select count(*) from rule_set_attempt",
                "select count(*) from incidents",
                "select count(*) from follow_ups",
                "select count(*) from users",
                "select count(*) from users where enabled",
                "select count(*) from kano_survey",
                "select count(*) from incidents where status = 'OPEN' and assignee is null and id = " + incident,
                "select count(*) from incident_event where kind in ('ACKNOWLEDGED', 'ASSIGNED', 'RESOLVED')")) {
            state.put(query, jdbc.queryForObject(query, Long.class));
        }
        return state;
    }

    /** Opens the attacker's page from both of its origins and checks nothing changed and every attack was refused. */
    void attackFromBothOrigins(String situation) {
        Map<String, Long> before = state();
        for (String origin : List.of(
                "http://127.0.0.1:" + attacker.getAddress().getPort(),
                "http://localhost:" + attacker.getAddress().getPort())) {
            Requests.POSTS.clear();
            browser.get(origin + "/");
            wait.until(ExpectedConditions.titleIs("done"));
            List<String> arrived = new ArrayList<>(Requests.POSTS);
            for (String path : targets().keySet()) {
                List<String> answers = arrived.stream()
                        .filter(line -> line.startsWith(path + " "))
                        .toList();
                assertThat(answers)
                        .as("%s from %s: %s arrived", situation, origin, path)
                        .isNotEmpty();
                assertThat(answers)
                        .as("%s from %s: %s", situation, origin, path)
                        .allSatisfy(line -> assertThat(Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1)))
                                .isIn(302, 401, 403, 415));
            }
            assertThat(state()).as("%s from %s", situation, origin).isEqualTo(before);
        }
    }

    @Test
    @Order(1)
    void withoutASessionNothingChanges() {
        browser.manage().deleteAllCookies();
        attackFromBothOrigins("no session");
    }

    @Test
    @Order(2)
    void withAnAdministratorsSessionNothingChanges() {
        logIn("admin", ADMIN_PASSWORD);
        attackFromBothOrigins("admin session");
        // the session was good all along: the same browser on the service's own page can reload
        long attempts = state().get("select count(*) from rule_set_attempt");
        open("/trainer");
        byId("reload").click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
        assertThat(state().get("select count(*) from rule_set_attempt")).isEqualTo(attempts + 1);
        // and the log-in CSRF did not sign this browser in as someone else
        open("/incidents/new");
        assertThat(byId("main").getText()).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector(".who")).getText()).contains("admin");
    }

    @Test
    @Order(3)
    void afterTheBrowserUsedBasicCredentialsNothingChanges() {
        browser.manage().deleteAllCookies();
        // what a person does who opens the API in the browser and types a password into its prompt
        browser.get("http://admin:" + ADMIN_PASSWORD + "@localhost:" + port + "/api/rules");
        attackFromBothOrigins("after Basic credentials");
    }

    @Test
    @Order(4)
    void withBasicCredentialsOnEveryRequestNothingChanges() {
        browser.manage().deleteAllCookies();
        String basic = "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", basic)));
        try {
            attackFromBothOrigins("Basic on every request");
        } finally {
            browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        }
    }

    @Test
    @Order(5)
    void thePagesWorkUnderTheirContentSecurityPolicy() {
        // hits on the rule set reloaded above, so the hits chart has bars to draw
        incidents.advise(
                Incident.builder()
                        .channel(Channel.PHONE)
                        .community("阳光花园")
                        .serviceArea(ServiceArea.ENGINEERING)
                        .issue("lift-outage")
                        .summary("电梯停了")
                        .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.UPSET))
                        .build(),
                Language.ZH_CN);
        logIn("admin", ADMIN_PASSWORD);
        browser.manage().logs().get(LogType.BROWSER); // drain
        open("/dashboard");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#gapByKano-chart svg, #gapByKano-chart.empty")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hits-chart svg")));
        open("/incidents/new");
        byId("issue-filter").sendKeys("lift");
        open("/queue");
        byId("clock");
        open("/incidents/" + incident);
        byId("timeline");
        open("/trainer");
        byId("reload");
        open("/trainer/kano/" + survey);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#better-worse-chart svg")));
        open("/trainer/insights");
        byId("review-title");
        open("/swagger-ui/index.html");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .info")));
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
        assertThat(violations).isEmpty();
    }
}
