package com.propertyservice.advisor.process;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The service started from the exec jar as a child JVM on a free loopback port, in a working folder of
 * its own (so the default {@code ./data} H2 file lives there unless {@code SPRING_DATASOURCE_URL} is given).
 * Each launch appends to {@code service.log} in that folder. Made to be reused: give it another datasource
 * URL for PostgreSQL, or start two on the same database with {@link #copy()} for two instances.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The exec jar failsafe passes in; {@code mvn package} builds it. */
    public static Path execJar() {
        String configured = System.getProperty("advisor.exec-jar");
        Path jar = Path.of(configured != null ? configured : "target/service-quality-advisor-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "no exec jar at " + jar.toAbsolutePath() + ": run mvn package (mvn verify runs it first)");
        }
        return jar.toAbsolutePath();
    }

    private final Path jar;
    private final Path work;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final int port;
    private Process process;

    private ServiceProcess(Path jar, Path work, Map<String, String> environment, List<String> jvmOptions, int port) {
        this.jar = jar;
        this.work = work;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.port = port;
    }

    /**
     * A service that is not started yet.
     *
     * @param work        its working folder (and the folder of its log)
     * @param environment variables such as {@code ADVISOR_SECURITY_API_KEYS}; {@code PORT} is set here
     * @param jvmOptions  options before {@code -jar}, e.g. {@code -Xmx384m}
     */
    public static ServiceProcess of(Path jar, Path work, Map<String, String> environment, List<String> jvmOptions)
            throws IOException {
        Files.createDirectories(work);
        return new ServiceProcess(jar, work, environment, jvmOptions, freePort());
    }

    /** Another service with the same jar, folder, settings and data, on a port of its own (a second instance). */
    public ServiceProcess copy() throws IOException {
        return new ServiceProcess(jar, work, environment, jvmOptions, freePort());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path work() {
        return work;
    }

    public Path log() {
        return work.resolve("service.log");
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Starts the JVM and returns once {@code GET /actuator/health} answers 200, or fails after {@code timeout}. */
    public ServiceProcess start(Duration timeout) throws IOException, InterruptedException {
        if (alive()) {
            throw new IllegalStateException("already running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        Map<String, String> env = builder.environment();
        env.putAll(environment);
        env.put("PORT", String.valueOf(port));
        // bind to loopback only: nothing a test starts is reachable from elsewhere
        env.put("SERVER_ADDRESS", "127.0.0.1");
        process = builder.start();
        waitHealthy(timeout);
        return this;
    }

    /** {@code kill -9}: no shutdown hook, no flush, no goodbye; returns once the process is gone. */
    public void kill() throws InterruptedException {
        Objects.requireNonNull(process, "not started");
        process.destroyForcibly(); // SIGKILL on Linux
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("pid " + process.pid() + " survived SIGKILL for 30 s");
        }
    }

    /** A normal stop (SIGTERM), forcibly after 20 s. */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void waitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    "the service stopped with exit code " + process.exitValue() + "; see " + log());
                        }
                        return answers200(http, health);
                    });
        } catch (ConditionTimeoutException notHealthy) {
            process.destroyForcibly();
            throw new IllegalStateException("not healthy after " + timeout + "; see " + log(), notHealthy);
        }
    }

    private static boolean answers200(HttpClient http, HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false; // not listening yet
        }
    }

    /** Settings as a mutable map, for callers that add to them. */
    public static Map<String, String> environment(String... pairs) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
