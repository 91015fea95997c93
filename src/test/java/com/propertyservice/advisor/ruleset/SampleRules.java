package com.propertyservice.advisor.ruleset;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.RuleFiles;
import com.propertyservice.advisor.engine.ServiceArea;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A temporary copy of the sample rule set, and load on an advisor while rules change under it. */
final class SampleRules {

    static final Path SAMPLE = Path.of("src/test/resources/rulesets/sample");
    static final String DRL = "principles/remediation.drl";
    static final String CATALOGUE = "catalogue/issues.drl.csv";

    private SampleRules() {
    }

    static Path newCopy() {
        try {
            Path dir = Files.createTempDirectory("rules-");
            reset(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes {@code dir} hold exactly the sample again. */
    static void reset(Path dir) {
        RuleFolder.replace(dir, RuleFiles.fromDirectory(SAMPLE));
    }

    static String read(Path dir, String path) {
        try {
            return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path dir, String path, String content) {
        try {
            Files.createDirectories(dir.resolve(path).getParent());
            Files.writeString(dir.resolve(path), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String version(Path dir) {
        return RuleFiles.fromDirectory(dir).sha256().substring(0, 12);
    }

    static Incident incident(String issue) {
        return Incident.builder().channel(Channel.PHONE).community("阳光花园").serviceArea(ServiceArea.ENGINEERING)
                .issue(issue).summary("电梯又坏了").complainant(Complainant.of(ComplainantRole.OWNER, Emotion.ANGRY)).build();
    }

    /** Threads asking the advisor for advice without pause, counting failures and the versions they saw. */
    static final class Load implements AutoCloseable {
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicLong calls = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private final Set<String> versions = ConcurrentHashMap.newKeySet();
        private volatile boolean running = true;

        /** Threads calling the Advisor bean directly. */
        Load(Advisor advisor, int threadCount) {
            this(() -> advisor.advise(incident("lift-outage")).ruleSetVersion(), threadCount);
        }

        /** Threads calling {@code POST /api/advice} over HTTP with an API key; any answer but 200 is a failure. */
        static Load overHttp(int port, String apiKey, int threadCount) {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            java.util.regex.Pattern version = java.util.regex.Pattern.compile("\"ruleSetVersion\"\\s*:\\s*\"([0-9a-f]+)\"");
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/advice"))
                    .header("X-API-Key", apiKey).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                            {"channel":"PHONE","community":"阳光花园","serviceArea":"ENGINEERING","issue":"lift-outage",
                             "summary":"电梯停了","complainant":{"role":"OWNER","emotion":"CALM"}}"""))
                    .build();
            return new Load(() -> {
                java.net.http.HttpResponse<String> response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                java.util.regex.Matcher found = version.matcher(response.body());
                if (response.statusCode() != 200 || !found.find()) {
                    throw new IllegalStateException("advice answered " + response.statusCode() + ": " + response.body());
                }
                return found.group(1);
            }, threadCount);
        }

        private Load(java.util.concurrent.Callable<String> adviceVersion, int threadCount) {
            for (int i = 0; i < threadCount; i++) {
                Thread thread = new Thread(() -> {
                    while (running) {
                        try {
                            versions.add(adviceVersion.call());
                            calls.incrementAndGet();
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                }, "advice-load-" + i);
                thread.start();
                threads.add(thread);
            }
        }

        long calls() { return calls.get(); }
        long failures() { return failures.get(); }
        Set<String> versions() { return versions; }

        @Override
        public void close() throws InterruptedException {
            running = false;
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }
}
