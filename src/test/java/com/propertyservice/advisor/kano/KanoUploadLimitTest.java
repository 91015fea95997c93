package com.propertyservice.advisor.kano;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.ServiceOnRandomPort;
import com.propertyservice.advisor.TestIncidents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A survey upload far beyond the service's multipart limit (32 MB), sent over a real socket to the
 * real Tomcat: the caller reads a 413 problem detail saying so, and nothing is stored. Once with its
 * length announced (refused before it is read) and once chunked (refused while it is parsed).
 */
@ServiceOnRandomPort
class KanoUploadLimitTest {

    static final int MEGABYTE = 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFiftyMegabyteSurveyGetsA413ProblemDetailAndNothingIsStored() throws Exception {
        String boundary = "survey-boundary-7d3f";
        ByteArrayOutputStream body = new ByteArrayOutputStream(51 * MEGABYTE);
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.csv\"\r\n"
                                + "Content-Type: text/csv\r\n\r\nrespondent,item,functional,dysfunctional\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        byte[] row = "R000001,lift-outage,2,5\r\n".getBytes(StandardCharsets.UTF_8);
        while (body.size() < 50 * MEGABYTE) {
            body.writeBytes(row);
        }
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Integer before = jdbc.queryForObject("select count(*) from kano_survey", Integer.class);

        byte[] upload = body.toByteArray();
        assertTooLarge(send(boundary, HttpRequest.BodyPublishers.ofByteArray(upload)));
        assertTooLarge(
                send(boundary, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(upload))));
        assertThat(jdbc.queryForObject("select count(*) from kano_survey", Integer.class))
                .isEqualTo(before);
    }

    private HttpResponse<String> send(String boundary, HttpRequest.BodyPublisher body) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/kano/surveys"))
                        .timeout(Duration.ofSeconds(60))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(("admin:" + TestIncidents.ADMIN_PASSWORD)
                                                        .getBytes(StandardCharsets.UTF_8)))
                        .header("Accept-Language", "en")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.path("type").asString())
                .isEqualTo("https://advisor.propertyservice.com/problems/payload-too-large");
        assertThat(problem.path("detail").asString()).contains("32 MB");
    }
}
