package com.propertyservice.advisor.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container image Jib wrote without a Docker daemon ({@code target/jib-image.tar}, built by {@code mvn package}):
 * its config names a user that is not root, and its layers hold that user, the Java runtime and the application.
 * Then the image is run the way an engine would, without one: its layers unpacked into a folder, its entrypoint
 * started with {@code chroot} as the image's user (root is needed for chroot; CI runs as root), and it must answer
 * its health check on loopback, proving the runtime and its libraries in the image are enough.
 */
class ContainerImageIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theImageRunsAsANonRootUserAndStartsFromItsOwnFiles(@TempDir Path work) throws Exception {
        Path tar = Path.of("target/jib-image.tar");
        assertThat(tar).as("mvn package writes the image").isRegularFile();
        Path unpacked = Files.createDirectories(work.resolve("image"));
        run(List.of("tar", "-xf", tar.toAbsolutePath().toString(), "-C", unpacked.toString()), Duration.ofSeconds(120));
        JsonNode manifest = JSON.readTree(Files.readString(unpacked.resolve("manifest.json")))
                .get(0);
        JsonNode config = JSON.readTree(
                        Files.readString(unpacked.resolve(manifest.get("Config").asString())))
                .get("config");

        String user = config.path("User").asString("");
        System.out.println("[image] " + tar + ": " + Files.size(tar) / (1024 * 1024) + " MB, "
                + manifest.get("Layers").size() + " layers, User " + user + ", Entrypoint "
                + config.path("Entrypoint"));
        assertThat(user).as("the image's user").isNotBlank().isNotIn("0", "root", "0:0", "root:root");
        String uid = user.split(":")[0];
        assertThat(uid).matches("\\d+").isNotEqualTo("0");

        Path root = Files.createDirectories(work.resolve("root"));
        for (JsonNode layer : manifest.get("Layers")) {
            run(
                    List.of("tar", "-xzf", unpacked.resolve(layer.asString()).toString(), "-C", root.toString()),
                    Duration.ofSeconds(120));
        }
        assertThat(Files.readString(root.resolve("etc/passwd"))).contains(":" + uid + ":");
        assertThat(root.resolve("opt/java/bin/java")).isExecutable();
        assertThat(root.resolve("app/classes/com/propertyservice/advisor/AdvisorApplication.class"))
                .isRegularFile();
        assertThat(root.resolve("app/resources/advisor-default-rules/INDEX")).isRegularFile();

        if (!"root".equals(System.getProperty("user.name"))) {
            assertThat(System.getenv("CI"))
                    .as("CI runs as root, so the image is started there")
                    .isNotEqualTo("true");
            System.out.println(
                    "[image] not root: the image's config and layers were checked, the start needs chroot (root)");
            return;
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("chroot", "--userspec=" + user, root.toString()));
        config.get("Entrypoint").forEach(arg -> command.add(arg.asString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("image.log").toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        config.path("Env").forEach(pair -> {
            String[] kv = pair.asString().split("=", 2);
            env.put(kv[0], kv[1]);
        });
        env.put("PORT", String.valueOf(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("ADVISOR_SECURITY_BOOTSTRAP_ADMIN_PASSWORD", "Image-Test-Passw0rd-9");
        // chroot starts in /, which the image's user may not write: the H2 file goes to the image's data folder
        env.put(
                "SPRING_DATASOURCE_URL",
                "jdbc:h2:file:" + config.path("WorkingDir").asString("/var/lib/advisor")
                        + "/data/advisor;WRITE_DELAY=0;TRACE_LEVEL_FILE=0");
        Process image = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest readiness = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            AtomicInteger answered = new AtomicInteger(-1);
            try {
                await().atMost(Duration.ofSeconds(180))
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> {
                            try {
                                answered.set(http.send(readiness, HttpResponse.BodyHandlers.discarding())
                                        .statusCode());
                            } catch (IOException notYet) {
                                answered.set(-1);
                            }
                            return answered.get() == 200 || !image.isAlive();
                        });
            } catch (ConditionTimeoutException notReady) {
                // the assertion below says so, with the image's log
            }
            int status = answered.get();
            String log = Files.readString(work.resolve("image.log"));
            assertThat(status)
                    .as(
                            "readiness of the image started with chroot as %s:%n%s",
                            user, log.substring(Math.max(0, log.length() - 3000)))
                    .isEqualTo(200);
            // the uid the kernel runs it as (the host may have no name for the image's uid, so not ProcessHandle's
            // user)
            long pid = image.toHandle()
                    .descendants()
                    .findFirst()
                    .map(ProcessHandle::pid)
                    .orElse(image.pid());
            String uids = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .findFirst()
                    .orElseThrow();
            System.out.println(
                    "[image] started with chroot as " + user + ", ready; process " + uids.replaceAll("\\s+", " "));
            assertThat(uids.split("\\s+"))
                    .as("real, effective, saved and file-system uid")
                    .hasSize(5)
                    .containsOnly("Uid:", user.split(":")[0]);
        } finally {
            image.destroy();
            if (!image.waitFor(20, TimeUnit.SECONDS)) {
                image.destroyForcibly();
            }
        }
    }

    static void run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + ": " + output)
                .isZero();
    }
}
