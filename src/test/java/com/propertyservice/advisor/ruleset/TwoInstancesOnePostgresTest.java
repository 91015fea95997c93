package com.propertyservice.advisor.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propertyservice.advisor.AdvisorApplication;
import com.propertyservice.advisor.TestIncidents;
import com.propertyservice.advisor.process.PostgresCluster;
import com.propertyservice.advisor.process.RulePublisher;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the service in one JVM on one PostgreSQL database with the production profile: what one
 * publishes (an upload, a roll back) the other activates through its own gate and serves; what the gate refuses
 * reaches no instance; a page session made on one is honoured by the other, and disabling the user on one ends
 * it on both. The child-process version with a load balancer and kill -9 is {@code MultiInstanceIT}.
 */
class TwoInstancesOnePostgresTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration PROPAGATION_BOUND =
            Duration.ofSeconds(30); // a correctness bound; the speed is measured elsewhere
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static RulePublisher publisher;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoInstances() {
        PostgresCluster.Database database = PostgresCluster.shared().database("two_instances");
        a = start(database);
        b = start(database);
        publisher = new RulePublisher(Path.of("rules"), "admin", TestIncidents.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    static ConfigurableApplicationContext start(PostgresCluster.Database database) {
        return AdvisorApplication.application()
                .run(
                        "--server.port=0",
                        "--spring.profiles.active=postgres",
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--advisor.security.api-keys=" + TestIncidents.API_KEY,
                        "--advisor.security.bootstrap-admin-password=" + TestIncidents.ADMIN_PASSWORD);
    }

    static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Test
    void aRuleSetPublishedOnOneInstanceIsServedByTheOther() throws Exception {
        HttpResponse<String> published = publisher.publish(base(a), publisher.zip("[published on A]"));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        String version = JSON.readTree(published.body()).get("version").asString();
        long start = System.nanoTime();
        await().atMost(PROPAGATION_BOUND)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> version.equals(adviceVersion(b)));
        System.out.printf(
                "[two instances] version %s published on A served by B after %d ms%n",
                version, (System.nanoTime() - start) / 1_000_000);
        JsonNode info = info(b);
        assertThat(info.at("/ruleSet/version").asString()).isEqualTo(version);
        assertThat(info.at("/ruleSet/publishedVersion").asString()).isEqualTo(version);
        assertThat(info.at("/ruleSet/inSync").asBoolean()).isTrue();
        assertThat(info.at("/ruleSet/lastFollowPreparedAhead").asBoolean())
                .as(
                        "B put the files announced by A through its own gate while A did, and swapped them in on publication")
                .isTrue();
        assertThat(get(base(b) + "/actuator/health/readiness").statusCode()).isEqualTo(200);
        HttpResponse<String> advice = advice(b);
        assertThat(advice.body()).contains("[published on A]");
        assertThat(advice.headers().firstValue("X-Rule-Set-Version")).hasValue(version);
    }

    @Test
    void aRollBackOnOneInstanceIsServedByTheOther() throws Exception {
        String first = JSON.readTree(
                        publisher.publish(base(a), publisher.zip("[first]")).body())
                .get("version")
                .asString();
        String second = JSON.readTree(
                        publisher.publish(base(a), publisher.zip("[second]")).body())
                .get("version")
                .asString();
        await().atMost(PROPAGATION_BOUND).until(() -> second.equals(adviceVersion(b)));
        HttpResponse<String> rolledBack = http.send(
                HttpRequest.newBuilder(URI.create(base(b) + "/api/rules/versions/" + first + "/activate"))
                        .header("Authorization", RulePublisher.basic("admin", TestIncidents.ADMIN_PASSWORD))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        await().atMost(PROPAGATION_BOUND).until(() -> first.equals(adviceVersion(a)));
        assertThat(advice(a).body()).contains("[first]").doesNotContain("[second]");
    }

    @Test
    void aRuleSetTheGateRefusesReachesNoInstance() throws Exception {
        String running = JSON.readTree(publisher
                        .publish(base(a), publisher.zip("[before the broken one]"))
                        .body())
                .get("version")
                .asString();
        await().atMost(PROPAGATION_BOUND).until(() -> running.equals(adviceVersion(b)));
        HttpResponse<String> refused = publisher.publish(base(b), RulePublisher.brokenZip(publisher.zip("[broken]")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        // the sync polls every 250 ms: two seconds is eight chances to pick up a publication if one had been made
        Thread.sleep(2_000);
        assertThat(adviceVersion(a)).isEqualTo(running);
        assertThat(adviceVersion(b)).isEqualTo(running);
        assertThat(info(a).at("/ruleSet/publishedVersion").asString()).isEqualTo(running);
    }

    @Test
    void aPageSessionMadeOnOneInstanceIsHonouredByTheOtherAndEndsEverywhere() throws Exception {
        String user = "li.two" + System.nanoTime() % 100_000;
        String password = "Sunny-Garden-2025!";
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(base(a) + "/api/users"))
                        .header("Authorization", RulePublisher.basic("admin", TestIncidents.ADMIN_PASSWORD))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"%s\",\"password\":\"%s\",\"roles\":[\"SUPERVISOR\"]}"
                                        .formatted(user, password)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String loginPage = browser.send(
                        HttpRequest.newBuilder(URI.create(base(a) + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("a CSRF token on the log-in page").isTrue();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(URI.create(base(a) + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        // the same browser (the cookie is the host's, whatever the port) now lands on the other instance
        HttpResponse<String> onB = browser.send(
                HttpRequest.newBuilder(URI.create(base(b) + "/incidents")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode())
                .as("a page on B with the session made on A")
                .isEqualTo(200);

        HttpResponse<String> disabled = http.send(
                HttpRequest.newBuilder(URI.create(base(b) + "/api/users/" + user + "/disable"))
                        .header("Authorization", RulePublisher.basic("admin", TestIncidents.ADMIN_PASSWORD))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        HttpResponse<String> onA = browser.send(
                HttpRequest.newBuilder(URI.create(base(a) + "/incidents")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(onA.statusCode())
                .as("the session ended on A by disabling the user on B")
                .isEqualTo(302);
        assertThat(onA.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login"));
        // and HTTP Basic with the right password is refused on A at once (no cached credentials outlive the change)
        HttpResponse<String> basic = http.send(
                HttpRequest.newBuilder(URI.create(base(a) + "/api/incidents"))
                        .header("Authorization", RulePublisher.basic(user, password))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(401);
    }

    String adviceVersion(ConfigurableApplicationContext instance) throws Exception {
        return advice(instance).headers().firstValue("X-Rule-Set-Version").orElse("");
    }

    HttpResponse<String> advice(ConfigurableApplicationContext instance) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base(instance) + "/api/advice"))
                        .header("X-API-Key", TestIncidents.API_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(TestIncidents.LIFT_OUTAGE, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode info(ConfigurableApplicationContext instance) throws Exception {
        HttpResponse<String> info = http.send(
                HttpRequest.newBuilder(URI.create(base(instance) + "/actuator/info"))
                        .header("Authorization", RulePublisher.basic("admin", TestIncidents.ADMIN_PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(info.statusCode()).isEqualTo(200);
        return JSON.readTree(info.body());
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
