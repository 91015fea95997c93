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

        Load(Advisor advisor, int threadCount) {
            for (int i = 0; i < threadCount; i++) {
                Thread thread = new Thread(() -> {
                    while (running) {
                        try {
                            versions.add(advisor.advise(incident("lift-outage")).ruleSetVersion());
                            calls.incrementAndGet();
                        } catch (RuntimeException e) {
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
