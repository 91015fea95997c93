package com.propertyservice.advisor.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Publishes rule sets over {@code POST /api/rules/publish} the way a trainer's tool would: the project's
 * {@code rules/} folder zipped, its texts marked with a word of the caller's choice, so each mark is a version of
 * its own whose answers differ from every other's (a mixed answer would show).
 */
public final class RulePublisher {

    private final Path rules;
    private final String user;
    private final String password;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RulePublisher(Path rules, String user, String password) {
        this.rules = rules;
        this.user = user;
        this.password = password;
    }

    /** The rules folder as a zip, every text ending in {@code mark} (none when blank). */
    public byte[] zip(String mark) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
                Stream<Path> files = Files.walk(rules)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = rules.relativize(file).toString().replace('\\', '/');
                byte[] content = Files.readAllBytes(file);
                if (!mark.isBlank() && name.startsWith("texts/") && name.endsWith(".properties")) {
                    content = marked(content, mark);
                }
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Every text of a texts file with {@code mark} at its end. */
    public static byte[] marked(byte[] properties, String mark) {
        StringBuilder out = new StringBuilder();
        for (String line : new String(properties, StandardCharsets.UTF_8).split("\n", -1)) {
            boolean text = line.contains("=") && !line.startsWith("#") && !line.startsWith("!") && !line.endsWith("\\");
            out.append(line).append(text ? " " + mark : "").append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Publishes {@code zip} on the instance at {@code baseUrl}; the answer as it came. */
    public HttpResponse<String> publish(String baseUrl, byte[] zip) throws IOException, InterruptedException {
        String boundary = "----advisor" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rules.zip\"\r\n"
                        + "Content-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(zip);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/rules/publish"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", basic(user, password))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A zip whose one DRL file does not parse: a publication every gate refuses. */
    public static byte[] brokenZip(byte[] good) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
                ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(good))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(in.readAllBytes());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("principles/broken.drl"));
            zip.write("package broken;\nrule \"half\" when then\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
