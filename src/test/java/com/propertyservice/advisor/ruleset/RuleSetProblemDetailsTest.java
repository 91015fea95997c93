package com.propertyservice.advisor.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.propertyservice.advisor.TestIncidents;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule administration's errors come from the one error handler, like every other endpoint's: an absolute
 * problem type, a title and detail in the caller's language (Chinese by default and for {@code zh-CN}, English
 * for {@code en}) and the request's correlation id, for a bad upload, an unknown version, a bad query parameter
 * and a rule set the gate rejects.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:service-api;DB_CLOSE_DELAY=-1",
            "advisor.security.api-keys=" + TestIncidents.API_KEY,
            "advisor.security.bootstrap-admin-password=" + TestIncidents.ADMIN_PASSWORD
        })
@AutoConfigureMockMvc // the context of BadInputTest and AuthorizationMatrixTest
class RuleSetProblemDetailsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A request that must fail, with the status and problem type slug it must get. */
    record Case(String what, Supplier<AbstractMockHttpServletRequestBuilder<?>> request, int status, String slug) {}

    @Autowired
    MockMvc mvc;

    @Autowired
    MessageSource messages;

    static AbstractMockHttpServletRequestBuilder<?> upload(
            String path, String fileName, byte[] content, String target) {
        AbstractMockHttpServletRequestBuilder<?> upload =
                multipart(path).file(new MockMultipartFile("file", fileName, "application/octet-stream", content));
        return target == null ? upload : upload.param("path", target);
    }

    List<Case> cases() {
        byte[] drl = "package x;".getBytes(StandardCharsets.UTF_8);
        return List.of(
                new Case(
                        "validate: a path out of the rules folder",
                        () -> upload("/api/rules/validate", "x.drl", drl, "../../etc/x.drl"),
                        400,
                        "bad-rule-upload"),
                new Case(
                        "validate: a .zip that is not a zip",
                        () -> upload("/api/rules/validate", "rules.zip", new byte[] {'P', 'K', 3, 4, 1, 2}, null),
                        400,
                        "bad-rule-upload"),
                new Case(
                        "publish: a file without a name",
                        () -> upload("/api/rules/publish", "", drl, null),
                        400,
                        "bad-rule-upload"),
                new Case(
                        "activate: an unknown version",
                        () -> post("/api/rules/versions/no-such-version/activate"),
                        404,
                        "unknown-rule-set-version"),
                new Case(
                        "diff: an unknown version",
                        () -> get("/api/rules/versions/no-such-version/diff/nor-this-one"),
                        404,
                        "unknown-rule-set-version"),
                new Case(
                        "versions: page size 0",
                        () -> get("/api/rules/versions").param("size", "0"),
                        400,
                        "invalid-request"),
                new Case(
                        "publish: a rule file that does not compile",
                        () -> upload(
                                "/api/rules/publish",
                                "broken.drl",
                                "package broken;\nrule \"half\" when then".getBytes(StandardCharsets.UTF_8),
                                "principles/broken.drl"),
                        422,
                        "rule-set-rejected"));
    }

    @Test
    void everyRulesErrorHasAnAbsoluteTypeALocalisedTitleAndDetailAndTheCorrelationId() throws Exception {
        for (Case c : cases()) {
            JsonNode chinese = problem(c, "zh-CN");
            JsonNode english = problem(c, "en");
            JsonNode unspecified = problem(c, null);
            assertThat(chinese.get("title").asString())
                    .as(c.what() + ": Chinese title")
                    .isEqualTo(messages.getMessage("problem." + c.slug() + ".title", null, Locale.SIMPLIFIED_CHINESE));
            assertThat(english.get("title").asString())
                    .as(c.what() + ": English title")
                    .isEqualTo(messages.getMessage("problem." + c.slug() + ".title", null, Locale.ENGLISH));
            assertThat(chinese.get("detail").asString())
                    .as(c.what() + ": Chinese detail")
                    .containsPattern("\\p{IsHan}");
            assertThat(english.get("detail").asString())
                    .as(c.what() + ": English detail")
                    .doesNotContainPattern("\\p{IsHan}");
            assertThat(unspecified.get("title"))
                    .as(c.what() + ": without Accept-Language, Chinese")
                    .isEqualTo(chinese.get("title"));
            if (c.slug().equals("rule-set-rejected")) {
                assertThat(english.get("problems"))
                        .as(c.what() + ": the problems found")
                        .isNotEmpty();
                assertThat(english.get("activeVersion").asString())
                        .as(c.what() + ": the running version stays")
                        .isNotBlank();
            }
        }
    }

    /** The problem {@code c} gets in {@code language}, after the checks every problem must pass. */
    private JsonNode problem(Case c, String language) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> request =
                c.request().get().with(httpBasic("admin", TestIncidents.ADMIN_PASSWORD));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        MvcResult result = mvc.perform(request).andReturn();
        String what = c.what() + " (" + language + ")";
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(what + ": " + body).isEqualTo(c.status());
        assertThat(result.getResponse().getContentType()).as(what).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(body);
        URI type = URI.create(problem.path("type").asString());
        assertThat(type.isAbsolute()).as(what + ": absolute type " + type).isTrue();
        assertThat(type.toString()).as(what).isEqualTo("https://advisor.propertyservice.com/problems/" + c.slug());
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(c.status());
        assertThat(problem.path("correlationId").asString())
                .as(what + ": correlationId as in the header")
                .isNotBlank()
                .isEqualTo(result.getResponse().getHeader("X-Correlation-Id"));
        return problem;
    }
}
