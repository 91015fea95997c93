package com.propertyservice.advisor.ruleset;

import static com.propertyservice.advisor.SampleRules.DRL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.propertyservice.advisor.SampleRules;
import com.propertyservice.advisor.TestDatabase;
import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.RuleFiles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** POST /api/rules/validate checks an upload, a zip or the folder, and never activates anything. */
@SpringBootTest(properties = {TestDatabase.OWN_IN_MEMORY})
@AutoConfigureMockMvc
@WithMockUser(username = "trainer", roles = "TRAINER")
class RuleValidationEndpointTest {

    static final Path RULES = SampleRules.newCopy();

    @DynamicPropertySource
    static void rulesFolder(DynamicPropertyRegistry registry) {
        registry.add("advisor.rules-dir", RULES::toString);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Advisor advisor;

    /** The sample's remediation rule with a call the sandbox refuses, after its last advice. */
    static String withSystemExit() {
        String drl = SampleRules.read(RULES, DRL);
        String edited = drl.replace("$a.followUpWithin(\"P1D\");", "$a.followUpWithin(\"P1D\");\n    System.exit(0);");
        assertThat(edited).as("the sample rule the edit goes into").isNotEqualTo(drl);
        return edited;
    }

    @Test
    void anUploadedFileIsCheckedInPlaceOfTheFolderFileOfTheSameNameAndNothingIsActivated() throws Exception {
        String running = advisor.version();
        String drl = withSystemExit();
        MockMultipartFile file =
                new MockMultipartFile("file", "remediation.drl", "text/plain", drl.getBytes(StandardCharsets.UTF_8));

        mvc.perform(MockMvcRequestBuilders.multipart("/api/rules/validate")
                        .file(file)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.problems[0].file").value(DRL))
                .andExpect(jsonPath("$.problems[0].line").value(RuleActivationTest.lineOf(drl, "System.exit")))
                .andExpect(jsonPath("$.problems[0].message").value(Matchers.containsString("System")));

        assertThat(advisor.version()).isEqualTo(running);
    }

    @Test
    void problemsAreWrittenInTheRequestsLanguageWithBothLanguagesBeside() throws Exception {
        String drl = withSystemExit();
        MockMultipartFile file =
                new MockMultipartFile("file", "remediation.drl", "text/plain", drl.getBytes(StandardCharsets.UTF_8));

        mvc.perform(MockMvcRequestBuilders.multipart("/api/rules/validate")
                        .file(file)
                        .header("Accept-Language", "zh-CN")
                        .with(csrf()))
                .andExpect(jsonPath("$.problems[0].message")
                        .value(Matchers.startsWith("禁止：编译后的规则调用了 java.lang.System.exit")))
                .andExpect(jsonPath("$.problems[0].messages.en")
                        .value(Matchers.startsWith("forbidden: the compiled rule calls java.lang.System.exit")));
        mvc.perform(MockMvcRequestBuilders.multipart("/api/rules/validate")
                        .file(file)
                        .header("Accept-Language", "en")
                        .with(csrf()))
                .andExpect(jsonPath("$.problems[0].message")
                        .value(Matchers.startsWith("forbidden: the compiled rule calls java.lang.System.exit")))
                .andExpect(jsonPath("$.problems[0].messages['zh-CN']").value(Matchers.containsString("系统、运行时、反射")));
    }

    @Test
    void aFailedScenarioExpectationIsWrittenInTheRequestsLanguageAtItsLine() throws Exception {
        String yaml = SampleRules.read(RULES, "scenarios/staff-attitude-calm.yaml")
                .replace("priority: NORMAL", "priority: URGENT");
        MockMultipartFile file = new MockMultipartFile(
                "file", "staff-attitude-calm.yaml", "text/yaml", yaml.getBytes(StandardCharsets.UTF_8));

        mvc.perform(MockMvcRequestBuilders.multipart("/api/rules/validate")
                        .file(file)
                        .param("path", "scenarios/staff-attitude-calm.yaml")
                        .header("Accept-Language", "zh-CN")
                        .with(csrf()))
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.problems[0].file").value("scenarios/staff-attitude-calm.yaml"))
                .andExpect(jsonPath("$.problems[0].line").value(RuleActivationTest.lineOf(yaml, "priority: URGENT")))
                .andExpect(jsonPath("$.problems[0].message").value("场景未通过：priority：应为 URGENT，实际为 NORMAL"))
                .andExpect(jsonPath("$.problems[0].messages.en")
                        .value("scenario failed: priority: expected URGENT but got NORMAL"));
    }

    @Test
    void aNewFileGoesToTheGivenPath() throws Exception {
        String drl = SampleRules.read(RULES, DRL)
                .replace(
                        "package com.propertyservice.advisor.rules.principles;",
                        "package com.propertyservice.advisor.rules.extra;")
                .replaceAll("rule \"([^\"]+)\"", "rule \"extra $1\"");
        MockMultipartFile file =
                new MockMultipartFile("file", "extra.drl", "text/plain", drl.getBytes(StandardCharsets.UTF_8));

        mvc.perform(MockMvcRequestBuilders.multipart("/api/rules/validate")
                        .file(file)
                        .param("path", "cases/extra.drl")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.files", hasItem("cases/extra.drl")));
    }

    @Test
    void aZipOfAWholeRulesFolderIsChecked() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry :
                    RuleFiles.fromDirectory(RULES).asMap().entrySet()) {
                zip.putNextEntry(new ZipEntry("rules/" + entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        MockMultipartFile file = new MockMultipartFile("file", "rules.zip", "application/zip", bytes.toByteArray());

        mvc.perform(MockMvcRequestBuilders.multipart("/api/rules/validate")
                        .file(file)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.version").value(SampleRules.version(RULES)))
                .andExpect(jsonPath("$.scenarios.length()").value(3));
    }

    @Test
    void withNothingUploadedTheFolderItselfIsChecked() throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/api/rules/validate").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.version").value(SampleRules.version(RULES)))
                .andExpect(jsonPath("$.warnings[0].file").value("catalogue/priority.drl.xlsx"));
    }

    @Test
    void aPathLeavingTheRulesFolderIsABadRequest() throws Exception {
        MockMultipartFile file =
                new MockMultipartFile("file", "x.drl", "text/plain", "rule x".getBytes(StandardCharsets.UTF_8));

        mvc.perform(MockMvcRequestBuilders.multipart("/api/rules/validate")
                        .file(file)
                        .param("path", "../x.drl")
                        .with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://advisor.propertyservice.com/problems/bad-rule-upload"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("path \"../x.drl\"")));
    }
}
