package com.propertyservice.advisor.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load against a running service on loopback: {@code POST /api/advice} with the trainer scenarios'
 * incidents (half zh-CN, half en) and {@code GET /actuator/health} as the floor of the web stack,
 * at several connection counts, then the same advice load with and without a rule reload every few
 * seconds. Every advice response is checked against the answer the service gave for that incident
 * and that rule-set version before the load, so a failed, wrong or mixed answer (the wording of one
 * version under the other's version) is counted as failed, never averaged in. Bounded in time and in requests per phase; one connection per worker
 * thread. {@link ServiceUnderTest} starts the service from the jar; the smoke test points it at a
 * test server.
 */
public final class LoadScript {

    /** How long and how hard. */
    public record Settings(
            List<Integer> connections,
            Duration warmup,
            Duration measure,
            long maxRequestsPerPhase,
            int reloadConnections,
            Duration reloadEvery,
            Duration soak) {

        public static Settings standard() {
            return new Settings(
                    List.of(1, 8, 32, 128),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(15),
                    5_000_000,
                    32,
                    Duration.ofSeconds(5),
                    Duration.ZERO);
        }
    }

    /** Activates the rule set again and returns the version that is then active. */
    @FunctionalInterface
    public interface Reloader {
        String reload() throws Exception;
    }

    /** One measured phase. Latencies in nanoseconds, sorted. */
    public record Phase(
            String name,
            int connections,
            long requests,
            long failures,
            double seconds,
            long[] latencies,
            Set<String> versions,
            int reloads,
            int failedReloads) {

        public double throughput() {
            return requests / seconds;
        }

        /** The q-quantile in milliseconds (nearest rank), NaN without requests. */
        public double percentileMillis(double q) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(q * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(rank, latencies.length - 1))] / 1e6;
        }

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %,d | %d | %,.0f | %.2f | %.2f | %.2f | %.2f |",
                    name,
                    connections,
                    requests,
                    failures,
                    throughput(),
                    percentileMillis(0.50),
                    percentileMillis(0.95),
                    percentileMillis(0.99),
                    percentileMillis(1.0));
        }
    }

    /** Everything a run measured, and the same as markdown. */
    public record Report(List<Phase> phases, String markdown) {

        public long totalRequests() {
            return phases.stream().mapToLong(Phase::requests).sum();
        }

        public long totalFailures() {
            return phases.stream().mapToLong(Phase::failures).sum();
        }
    }

    private static final Pattern VERSION = Pattern.compile("\"ruleSetVersion\"\\s*:\\s*\"([^\"]*)\"");
    static final String ADVICE = "POST /api/advice";
    static final String HEALTH = "GET /actuator/health";
    static final String ADVICE_RELOADING = "POST /api/advice, rules reloaded every %s";

    private final String host;
    private final int port;
    private final Settings settings;
    private final List<byte[]> adviceRequests = new ArrayList<>();
    private final byte[] healthRequest;
    /** The answer to each request, by the rule-set version that gave it. */
    private final Map<String, List<String>> expected = new ConcurrentHashMap<>();

    public LoadScript(String host, int port, String apiKey, Path rules, Settings settings) throws IOException {
        this.host = host;
        this.port = port;
        this.settings = settings;
        List<String> bodies = scenarioBodies(rules);
        for (int i = 0; i < bodies.size() * 2; i++) {
            adviceRequests.add(Http1Connection.request(
                    "POST",
                    "/api/advice",
                    host,
                    port,
                    bodies.get(i % bodies.size()),
                    "X-API-Key",
                    apiKey,
                    "Content-Type",
                    "application/json",
                    "Accept",
                    "application/json",
                    "Accept-Language",
                    i < bodies.size() ? "zh-CN" : "en"));
        }
        healthRequest =
                Http1Connection.request("GET", "/actuator/health", host, port, null, "Accept", "application/json");
    }

    /**
     * The incidents of {@code rules/scenarios/*.yaml} as request bodies, in file order. Scenarios
     * dated in the future (a trainer's holiday scenario for next year, say) are left out: the API
     * refuses a {@code reportedAt} later than now, and the load run sends only valid requests.
     */
    static List<String> scenarioBodies(Path rules) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.list(rules.resolve("scenarios"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Map<?, ?> scenario = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
                Object incident = scenario.get("incident");
                if (incident instanceof Map<?, ?> fields
                        && fields.get("reportedAt") instanceof String reportedAt
                        && inTheFuture(reportedAt)) {
                    continue;
                }
                bodies.add(json.writeValueAsString(incident));
            }
        }
        if (bodies.isEmpty()) {
            throw new IllegalStateException(
                    "no scenario in " + rules.resolve("scenarios").toAbsolutePath());
        }
        return bodies;
    }

    private static boolean inTheFuture(String reportedAt) {
        OffsetDateTime now = OffsetDateTime.now();
        try {
            return OffsetDateTime.parse(reportedAt).isAfter(now);
        } catch (DateTimeParseException withoutOffset) {
            // read like the service does by default (advisor.default-zone = Asia/Shanghai)
            return LocalDateTime.parse(reportedAt)
                    .atZone(ZoneId.of("Asia/Shanghai"))
                    .toOffsetDateTime()
                    .isAfter(now);
        }
    }

    /** Runs every phase; {@code reloader} may be null (then the reload variant is skipped). */
    public Report run(Reloader reloader) throws Exception {
        recordExpectedAnswers();
        if (reloader != null) {
            // learn the answers of whatever the reloads alternate between, before any load
            reloader.reload();
            recordExpectedAnswers();
            reloader.reload();
            recordExpectedAnswers();
        }
        List<Phase> phases = new ArrayList<>();
        for (int connections : settings.connections()) {
            phases.add(measure(HEALTH, connections, null));
            phases.add(measure(ADVICE, connections, null));
        }
        if (reloader != null) {
            phases.add(measure(ADVICE, settings.reloadConnections(), null));
            phases.add(measure(
                    ADVICE_RELOADING.formatted(
                            settings.reloadEvery().toMillis() % 1000 == 0
                                    ? settings.reloadEvery().toSeconds() + " s"
                                    : settings.reloadEvery().toMillis() + " ms"),
                    settings.reloadConnections(),
                    reloader));
        }
        if (!settings.soak().isZero()) {
            phases.add(measure(ADVICE + ", soak", settings.reloadConnections(), null, Duration.ZERO, settings.soak()));
        }
        return new Report(phases, markdown(phases));
    }

    private void recordExpectedAnswers() throws IOException {
        List<String> answers = new ArrayList<>();
        String version = null;
        try (Http1Connection connection = new Http1Connection(host, port)) {
            for (byte[] request : adviceRequests) {
                Http1Connection.Response response = connection.exchange(request);
                Matcher found = VERSION.matcher(response.text());
                if (response.status() != 200 || !found.find()) {
                    throw new IllegalStateException(
                            "a scenario's incident got " + response.status() + ": " + response.text());
                }
                if (version != null && !version.equals(found.group(1))) {
                    throw new IllegalStateException("the rule set changed while the expected answers were taken");
                }
                version = found.group(1);
                answers.add(response.text());
            }
        }
        expected.put(version, List.copyOf(answers));
    }

    Phase measure(String name, int connections, Reloader reloader) throws InterruptedException {
        return measure(name, connections, reloader, settings.warmup(), settings.measure());
    }

    private Phase measure(String name, int connections, Reloader reloader, Duration warmup, Duration measure)
            throws InterruptedException {
        boolean advice = name.startsWith(ADVICE);
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        AtomicLong budget = new AtomicLong(settings.maxRequestsPerPhase());
        Set<String> versions = ConcurrentHashMap.newKeySet();
        Worker[] workers = new Worker[connections];
        CountDownLatch done = new CountDownLatch(connections);
        for (int w = 0; w < connections; w++) {
            workers[w] = new Worker(advice, w, measureFrom, end, budget, versions, done);
            Thread thread = new Thread(workers[w], "load-" + w);
            thread.setDaemon(true);
            thread.start();
        }
        ReloadLoop reloads = reloader == null ? null : new ReloadLoop(reloader, end);
        if (reloads != null) {
            reloads.start();
        }
        done.await();
        if (reloads != null) {
            // never interrupt a reload in progress: an interrupted Drools build fails ("Rules compilation
            // failed or interrupted") and was once mistaken for an engine fault; the loop ends by itself
            reloads.join();
        }
        double seconds = Math.min(System.nanoTime() - measureFrom, end - measureFrom) / 1e9;
        long requests = 0;
        long failures = 0;
        int total = 0;
        for (Worker worker : workers) {
            requests += worker.count;
            failures += worker.failures;
            total += worker.latencies.length;
        }
        long[] all = new long[total];
        int at = 0;
        for (Worker worker : workers) {
            System.arraycopy(worker.latencies.values, 0, all, at, worker.latencies.length);
            at += worker.latencies.length;
        }
        Arrays.sort(all);
        Phase phase = new Phase(
                name,
                connections,
                requests,
                failures,
                seconds,
                all,
                Set.copyOf(versions),
                reloads == null ? 0 : reloads.done,
                reloads == null ? 0 : reloads.failed);
        System.err.println(phase.row());
        return phase;
    }

    /** A growable array of longs (latencies). */
    private static final class Longs {
        long[] values = new long[1 << 14];
        int length;

        void add(long value) {
            if (length == values.length) {
                values = Arrays.copyOf(values, length * 2);
            }
            values[length++] = value;
        }
    }

    private final class Worker implements Runnable {
        final boolean advice;
        final int offset;
        final long measureFrom;
        final long end;
        final AtomicLong budget;
        final Set<String> versions;
        final CountDownLatch done;
        final Longs latencies = new Longs();
        long count;
        long failures;

        Worker(
                boolean advice,
                int offset,
                long measureFrom,
                long end,
                AtomicLong budget,
                Set<String> versions,
                CountDownLatch done) {
            this.advice = advice;
            this.offset = offset;
            this.measureFrom = measureFrom;
            this.end = end;
            this.budget = budget;
            this.versions = versions;
            this.done = done;
        }

        @Override
        public void run() {
            try (Http1Connection connection = new Http1Connection(host, port)) {
                int next = offset;
                for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                    int i = next++ % adviceRequests.size();
                    boolean measured = now >= measureFrom;
                    if (measured && budget.decrementAndGet() < 0) {
                        break;
                    }
                    boolean ok;
                    try {
                        Http1Connection.Response response =
                                connection.exchange(advice ? adviceRequests.get(i) : healthRequest);
                        ok = response.status() == 200 && (!advice || correct(i, response.text()));
                    } catch (IOException | RuntimeException e) {
                        ok = false;
                    }
                    if (measured) {
                        latencies.add(System.nanoTime() - now);
                        count++;
                        if (!ok) {
                            failures++;
                        }
                    }
                }
            } finally {
                done.countDown();
            }
        }

        /** The same advice as before the load from the rule-set version the answer names; that version noted. */
        private boolean correct(int i, String body) {
            Matcher version = VERSION.matcher(body);
            if (!version.find()) {
                return false;
            }
            versions.add(version.group(1));
            List<String> answers = expected.get(version.group(1));
            return answers != null && body.equals(answers.get(i));
        }
    }

    /** Reloads every {@code reloadEvery} until the phase ends, counting reloads and failed reloads. */
    private final class ReloadLoop extends Thread {
        final Reloader reloader;
        final long end;
        volatile int done;
        volatile int failed;

        ReloadLoop(Reloader reloader, long end) {
            super("reloader");
            this.reloader = reloader;
            this.end = end;
            setDaemon(true);
        }

        @Override
        public void run() {
            long every = settings.reloadEvery().toNanos();
            for (long next = System.nanoTime() + every; next < end; next += every) {
                try {
                    Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                    reloader.reload();
                    done++;
                } catch (InterruptedException e) {
                    return;
                } catch (Exception | Error e) { // a reload that breaks is a finding to count, not a reason to stop
                    failed++;
                    System.err.println("reload failed: " + e);
                    e.printStackTrace();
                }
            }
        }
    }

    static String markdown(List<Phase> phases) {
        StringBuilder md = new StringBuilder();
        md.append("| load | connections | requests | failed | req/s | p50 ms | p95 ms | p99 ms | max ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        phases.forEach(p -> md.append(p.row()).append('\n'));
        md.append('\n').append("| target | measured | met |\n|---|---:|---|\n");
        Phase health32 = find(phases, HEALTH, 32);
        Phase advice32 = find(phases, ADVICE, 32);
        Phase advice1 = find(phases, ADVICE, 1);
        if (health32 != null && advice32 != null) {
            double ratio = advice32.throughput() / health32.throughput();
            double p99 = advice32.percentileMillis(0.99) / health32.percentileMillis(0.99);
            target(md, "advice ÷ health throughput, 32 connections ≥ 0.5", "%.2f".formatted(ratio), ratio >= 0.5);
            target(md, "advice p99 ÷ health p99, 32 connections ≤ 2", "%.2f".formatted(p99), p99 <= 2);
        }
        if (advice1 != null) {
            double p99 = advice1.percentileMillis(0.99);
            target(md, "advice p99, 1 connection < 10 ms", "%.2f ms".formatted(p99), p99 < 10);
        }
        Phase reloading = phases.stream()
                .filter(p -> p.reloads() > 0 || p.name().startsWith("POST /api/advice, rules"))
                .findFirst()
                .orElse(null);
        if (reloading != null) {
            int i = phases.indexOf(reloading);
            Phase quiet = phases.get(i - 1);
            double p99 = reloading.percentileMillis(0.99) / quiet.percentileMillis(0.99);
            target(
                    md,
                    "p99 with reloads ÷ p99 without, %d connections ≤ 3".formatted(reloading.connections()),
                    "%.2f".formatted(p99),
                    p99 <= 3);
            target(
                    md,
                    "failed or mixed answers during %d reloads (%d reloads failed, versions seen %d) = 0"
                            .formatted(
                                    reloading.reloads(),
                                    reloading.failedReloads(),
                                    reloading.versions().size()),
                    String.valueOf(reloading.failures()),
                    reloading.failures() == 0 && reloading.failedReloads() == 0);
        }
        return md.toString();
    }

    static void target(StringBuilder md, String target, String measured, boolean met) {
        md.append("| ")
                .append(target)
                .append(" | ")
                .append(measured)
                .append(" | ")
                .append(met ? "yes" : "**no**")
                .append(" |\n");
    }

    private static Phase find(List<Phase> phases, String name, int connections) {
        return phases.stream()
                .filter(p -> p.name().equals(name) && p.connections() == connections)
                .findFirst()
                .orElse(null);
    }

    /** HTTP Basic credentials as a header value. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
