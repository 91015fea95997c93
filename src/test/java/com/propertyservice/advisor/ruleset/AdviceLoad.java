package com.propertyservice.advisor.ruleset;

import com.propertyservice.advisor.SampleRules;
import com.propertyservice.advisor.engine.Advisor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Threads asking the advisor for advice without pause, counting failures and the versions they saw. */
final class AdviceLoad implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Set<String> versions = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    /** Threads calling the Advisor bean directly. */
    AdviceLoad(Advisor advisor, int threadCount) {
        this(() -> advisor.advise(SampleRules.incident("lift-outage")).ruleSetVersion(), threadCount);
    }

    /** Threads calling {@code POST /api/advice} over HTTP with an API key; any answer but 200 is a failure. */
    static AdviceLoad overHttp(int port, String apiKey, int threadCount) {
        HttpClient client = HttpClient.newHttpClient();
        Pattern version = Pattern.compile("\"ruleSetVersion\"\\s*:\\s*\"([0-9a-f]+)\"");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/advice"))
                .header("X-API-Key", apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"channel":"PHONE","community":"阳光花园","serviceArea":"ENGINEERING","issue":"lift-outage",
                         "summary":"电梯停了","complainant":{"role":"OWNER","emotion":"CALM"}}"""))
                .build();
        return new AdviceLoad(
                () -> {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    Matcher found = version.matcher(response.body());
                    if (response.statusCode() != 200 || !found.find()) {
                        throw new IllegalStateException(
                                "advice answered " + response.statusCode() + ": " + response.body());
                    }
                    return found.group(1);
                },
                threadCount);
    }

    private AdviceLoad(Callable<String> adviceVersion, int threadCount) {
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(
                    () -> {
                        while (running) {
                            try {
                                versions.add(adviceVersion.call());
                                calls.incrementAndGet();
                            } catch (Exception e) {
                                failures.incrementAndGet();
                            }
                        }
                    },
                    "advice-load-" + i);
            thread.start();
            threads.add(thread);
        }
    }

    long calls() {
        return calls.get();
    }

    long failures() {
        return failures.get();
    }

    Set<String> versions() {
        return versions;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
