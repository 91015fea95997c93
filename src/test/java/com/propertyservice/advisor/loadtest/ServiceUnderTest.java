package com.propertyservice.advisor.loadtest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The load test's one command: starts the service from the exec jar on a free loopback port, with a
 * temporary database, a copy of the rules folder and fresh random credentials; times it from
 * {@code java -jar} to healthy; runs {@link LoadScript}; reloads the rules through
 * {@code POST /api/rules/reload} as a TRAINER during the reload phase (alternating two versions
 * whose wording differs, so a mixed answer would show); measures the heap after a forced GC; stops
 * the service; prints markdown for docs/performance.md. Options: {@code --jar}, {@code --rules},
 * {@code --seconds}, {@code --warmup}, {@code --connections 1,8,32,128}, {@code --reload-every},
 * {@code --soak} (seconds), {@code --jvm} (options for the service's JVM, e.g. a JFR recording).
 */
public final class ServiceUnderTest implements AutoCloseable {

    private static final Pattern ACTIVE_VERSION = Pattern.compile("\"activeVersion\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    final Path work;
    final Path rules;
    final int port;
    final String apiKey;
    final String adminPassword;
    final Process process;
    final double startupSeconds;

    /**
     * Starts the service and returns once {@code GET /actuator/health} answers 200.
     *
     * @param jvmOptions options placed before {@code -jar}, e.g. {@code -XX:SharedArchiveFile=...}
     */
    static ServiceUnderTest start(Path jar, Path rulesSource, List<String> jvmOptions) throws Exception {
        return new ServiceUnderTest(jar, rulesSource, jvmOptions);
    }

    private ServiceUnderTest(Path jar, Path rulesSource, List<String> jvmOptions) throws Exception {
        work = Files.createTempDirectory("advisor-load");
        rules = work.resolve("rules");
        copy(rulesSource, rules);
        port = freePort();
        apiKey = random();
        adminPassword = random();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("service.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("PORT", String.valueOf(port));
        env.put("ADVISOR_RULES_DIR", rules.toString());
        env.put("ADVISOR_SECURITY_API_KEYS", apiKey);
        env.put("ADVISOR_SECURITY_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        env.put("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + work.resolve("data/advisor"));
        long start = System.nanoTime();
        process = builder.start();
        waitHealthy(Duration.ofSeconds(120));
        startupSeconds = (System.nanoTime() - start) / 1e9;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path jar = Path.of(options.getOrDefault("jar", "target/service-quality-advisor-0.1.0-SNAPSHOT-exec.jar"));
        Path rulesSource = Path.of(options.getOrDefault("rules", "rules"));
        LoadScript.Settings settings = new LoadScript.Settings(
                Arrays.stream(options.getOrDefault("connections", "1,8,32,128").split(","))
                        .map(Integer::valueOf)
                        .toList(),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5"))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "15"))),
                5_000_000,
                32,
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("reload-every", "5"))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("soak", "0"))));
        List<String> jvm =
                options.containsKey("jvm") ? List.of(options.get("jvm").split(" ")) : List.of();
        String machine = Machine.describe();
        try (ServiceUnderTest service = new ServiceUnderTest(jar, rulesSource, jvm)) {
            LoadScript.Reloader reloader = service.trainerReloader();
            LoadScript.Report report =
                    new LoadScript("127.0.0.1", service.port, service.apiKey, rulesSource, settings).run(reloader);
            double heapMb = service.heapAfterGcMegabytes();
            StringBuilder md = new StringBuilder();
            md.append("Measured ")
                    .append(machine)
                    .append("; load average at the end ")
                    .append(Machine.loadAverage())
                    .append("\n\n");
            md.append(report.markdown());
            LoadScript.target(
                    md,
                    "start to healthy of this launch (%s), full rule set < 10 s; StartupTimes compares the launches"
                            .formatted(jvm.isEmpty() ? "java -jar" : "java " + String.join(" ", jvm) + " -jar"),
                    "%.1f s".formatted(service.startupSeconds),
                    service.startupSeconds < 10);
            LoadScript.target(
                    md,
                    "heap used after the load and a forced GC < 256 MB (load: %s)"
                            .formatted(
                                    settings.soak().isZero()
                                            ? "the phases above, "
                                                    + String.format(Locale.ROOT, "%,d", report.totalRequests())
                                                    + " requests"
                                            : settings.soak().toSeconds()
                                                    + " s soak at 32 connections after the phases above"),
                    "%.0f MB".formatted(heapMb),
                    heapMb < 256);
            if (reloader == null) {
                md.append("\n(no POST /api/rules/reload in this build: the reload phases were skipped)\n");
            }
            System.out.println();
            System.out.println(md);
        }
    }

    /** Creates a TRAINER and returns a reloader flipping the rules between two versions, or null without a reload endpoint. */
    LoadScript.Reloader trainerReloader() throws IOException {
        String trainer = "load-trainer";
        String password = random();
        try (Http1Connection connection = new Http1Connection("127.0.0.1", port)) {
            Http1Connection.Response created = connection.exchange(Http1Connection.request(
                    "POST",
                    "/api/users",
                    "127.0.0.1",
                    port,
                    "{\"username\":\"%s\",\"password\":\"%s\",\"roles\":[\"TRAINER\"]}".formatted(trainer, password),
                    "Authorization",
                    LoadScript.basic("admin", adminPassword),
                    "Content-Type",
                    "application/json"));
            if (created.status() / 100 != 2) {
                throw new IllegalStateException(
                        "could not create the trainer: " + created.status() + " " + created.text());
            }
            Http1Connection.Response probe = connection.exchange(reloadRequest(trainer, password));
            if (probe.status() == 404 || probe.status() == 405) {
                return null;
            }
            if (probe.status() != 200) {
                throw new IllegalStateException(
                        "POST /api/rules/reload answered " + probe.status() + ": " + probe.text());
            }
        }
        byte[] request = reloadRequest(trainer, password);
        return flipping(rules, () -> {
            try (Http1Connection connection = new Http1Connection("127.0.0.1", port)) {
                Http1Connection.Response response = connection.exchange(request);
                if (response.status() != 200) {
                    throw new IllegalStateException("reload answered " + response.status() + ": " + response.text());
                }
                Matcher version = ACTIVE_VERSION.matcher(response.text());
                return version.find() ? version.group(1) : "";
            }
        });
    }

    /**
     * A reloader that, before each reload, switches the texts of {@code rules} between their own
     * wording and the same wording with a mark at the end: two versions whose answers differ.
     */
    static LoadScript.Reloader flipping(Path rules, LoadScript.Reloader reload) throws IOException {
        Map<Path, byte[]> original = new LinkedHashMap<>();
        try (Stream<Path> texts = Files.list(rules.resolve("texts"))) {
            for (Path file : texts.filter(f -> f.toString().endsWith(".properties"))
                    .sorted()
                    .toList()) {
                original.put(file, Files.readAllBytes(file));
            }
        }
        boolean[] marked = {false};
        return () -> {
            marked[0] = !marked[0];
            for (Map.Entry<Path, byte[]> file : original.entrySet()) {
                byte[] content = marked[0] ? marked(file.getValue()) : file.getValue();
                Path temp = file.getKey().resolveSibling(file.getKey().getFileName() + ".tmp");
                Files.write(temp, content);
                Files.move(temp, file.getKey(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return reload.reload();
        };
    }

    private byte[] reloadRequest(String trainer, String password) {
        return Http1Connection.request(
                "POST",
                "/api/rules/reload",
                "127.0.0.1",
                port,
                "",
                "Authorization",
                LoadScript.basic(trainer, password),
                "Accept",
                "application/json");
    }

    /** Every text of a texts file with a mark at its end: the second version's wording. */
    private static byte[] marked(byte[] properties) {
        StringBuilder out = new StringBuilder();
        for (String line : new String(properties, StandardCharsets.UTF_8).split("\n", -1)) {
            boolean text = line.contains("=") && !line.startsWith("#") && !line.startsWith("!") && !line.endsWith("\\");
            out.append(line).append(text ? " ·" : "").append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Heap in use after a full GC, from {@code jcmd GC.heap_info}. */
    double heapAfterGcMegabytes() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(process.pid()),
                        command)
                .redirectErrorStream(true)
                .start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    private void waitHealthy(Duration timeout) throws Exception {
        byte[] health = Http1Connection.request("GET", "/actuator/health", "127.0.0.1", port, null);
        try {
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the service stopped; see " + work.resolve("service.log"));
                        }
                        try (Http1Connection connection = new Http1Connection("127.0.0.1", port)) {
                            return connection.exchange(health).status() == 200;
                        } catch (IOException notYet) {
                            return false; // not listening yet
                        }
                    });
        } catch (ConditionTimeoutException notHealthy) {
            throw new IllegalStateException(
                    "not healthy after " + timeout + "; see " + work.resolve("service.log"), notHealthy);
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        System.err.println("service log and data: " + work);
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String random() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
