package com.propertyservice.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/api.md says its responses were captured from the service on the knowledge base in rules/:
 * the advice example of its section 2, in Chinese and in English, must be what the service answers
 * today, version and fired rules included. When the rules change, capture it again (the request is
 * the one in the section's curl command).
 */
class ApiDocExamplesTest extends MockMvcServiceTest {

    static final Path API_DOC = Path.of("docs/api.md");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Test
    void theAdviceExamplesInTheApiDocAreWhatTheServiceAnswersToday() throws Exception {
        String doc = Files.readString(API_DOC, StandardCharsets.UTF_8);
        String section = doc.substring(doc.indexOf("## 2."), doc.indexOf("## 3."));
        Matcher body = Pattern.compile("-d '(\\{.*?})'", Pattern.DOTALL).matcher(section);
        assertThat(body.find())
                .as("the curl command of section 2 with its -d body")
                .isTrue();
        List<JsonNode> examples = new ArrayList<>();
        Matcher json = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL).matcher(section);
        while (json.find()) {
            examples.add(JSON.readTree(json.group(1)));
        }
        assertThat(examples)
                .as("section 2: the Chinese answer, then the English one")
                .hasSize(2);

        assertThat(answer(body.group(1), "zh-CN"))
                .as("docs/api.md section 2, Chinese answer; capture it again")
                .isEqualTo(examples.get(0));
        assertThat(answer(body.group(1), "en"))
                .as("docs/api.md section 2, English answer; capture it again")
                .isEqualTo(examples.get(1));
    }

    private JsonNode answer(String incident, String language) throws Exception {
        String response = mvc.perform(post("/api/advice")
                        .header("X-API-Key", TestIncidents.API_KEY)
                        .header("Accept-Language", language)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(incident))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(response);
    }
}
