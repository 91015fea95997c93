package com.propertyservice.advisor.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.ServiceOnRandomPort;
import com.propertyservice.advisor.TestIncidents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests that never reach a controller, sent byte for byte to the real Tomcat: oversized headers, encoded
 * slashes, {@code ..} and {@code %25} in paths, multipart to a JSON endpoint, an oversized page form. Each is a
 * 4xx; on the API a problem detail with a correlation id; on the pages an error page with the correlation id.
 */
@ServiceOnRandomPort
class RawRequestsTest {

    @LocalServerPort
    int port;

    record Answer(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                    return line.substring(name.length() + 1).trim();
                }
            }
            return null;
        }
    }

    Answer send(String requestLine, List<String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder(requestLine)
                    .append("\r\nHost: localhost:")
                    .append(port)
                    .append("\r\nConnection: close\r\n");
            headers.forEach(h -> head.append(h).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException closedEarly) {
                    // the server may answer and close before reading a body it refuses
                }
            }
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                in.transferTo(all);
            } catch (IOException reset) {
                // read what came before the reset
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String responseHead = split < 0 ? text : text.substring(0, split);
            String responseBody = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(responseHead.substring(9, 12));
            return new Answer(status, responseHead, responseBody);
        }
    }

    @Test
    void requestsTomcatAndTheFirewallRefuseAreProblemDetailsOnTheApi() throws IOException {
        String key = "X-API-Key: " + TestIncidents.API_KEY;
        List<String> failures = new ArrayList<>();
        record Case(String what, String line, List<String> headers, byte[] body) {}
        String boundary = "xyzzy";
        byte[] multipart = ("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\n"
                        + "Content-Type: application/json\r\n\r\n" + TestIncidents.LIFT_OUTAGE + "\r\n--" + boundary
                        + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        List<Case> cases = List.of(
                new Case(
                        "header over 8 KB",
                        "GET /api/incidents HTTP/1.1",
                        List.of(key, "X-Padding: " + "a".repeat(9000)),
                        null),
                new Case("encoded slash", "GET /api/incidents%2F1 HTTP/1.1", List.of(key), null),
                new Case("encoded dot-dot", "GET /api/incidents/%2e%2e/incidents HTTP/1.1", List.of(key), null),
                new Case("dot-dot", "GET /api/rules/../incidents HTTP/1.1", List.of(key), null),
                new Case("encoded percent", "GET /api/incidents/%25 HTTP/1.1", List.of(key), null),
                new Case("semicolon", "GET /api/incidents;x=1 HTTP/1.1", List.of(key), null),
                new Case(
                        "multipart to a JSON endpoint",
                        "POST /api/incidents HTTP/1.1",
                        List.of(key, "Content-Type: multipart/form-data; boundary=" + boundary),
                        multipart),
                new Case(
                        "broken multipart to a JSON endpoint",
                        "POST /api/advice HTTP/1.1",
                        List.of(key, "Content-Type: multipart/form-data; boundary=" + boundary),
                        "garbage".getBytes(StandardCharsets.UTF_8)));
        for (Case c : cases) {
            Answer answer = send(c.line(), c.headers(), c.body());
            if (answer.status() < 400 && !c.what().equals("dot-dot") || answer.status() >= 500) {
                failures.add(c.what() + ": status " + answer.status());
                continue;
            }
            if (answer.status() < 400) {
                continue; // Tomcat normalised it to a path of its own; nothing was refused
            }
            if (!String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json")) {
                failures.add(
                        c.what() + ": " + answer.status() + " " + answer.header("Content-Type") + " " + answer.body());
                continue;
            }
            if (!answer.body().contains("\"type\":\"https://advisor.propertyservice.com/problems/")
                    || !answer.body().contains("\"correlationId\"")
                    || answer.header("X-Correlation-Id") == null) {
                failures.add(c.what() + ": " + answer.body());
            }
            if (c.what().contains("multipart") && answer.status() != 415) {
                failures.add(c.what() + ": " + answer.status() + " instead of 415: " + answer.body());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void anOversizedPageFormIsAPageWithTheCorrelationId() throws IOException {
        byte[] form = ("summary=" + "x".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
        Answer answer = send(
                "POST /incidents HTTP/1.1",
                List.of("Content-Type: application/x-www-form-urlencoded", "Accept: text/html,application/xhtml+xml"),
                form);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("text/html");
        String id = answer.header("X-Correlation-Id");
        assertThat(id).isNotBlank();
        assertThat(answer.body()).contains(id).doesNotContain("null");
    }
}
