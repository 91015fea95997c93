package com.propertyservice.advisor.ruleset;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.Problem;
import com.propertyservice.advisor.engine.ReloadResult;
import com.propertyservice.advisor.engine.RuleFiles;
import com.propertyservice.advisor.engine.ValidationResult;
import com.propertyservice.advisor.system.AdvisorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Activation of rule sets: reload of the folder (on demand or by the watcher), roll back to a
 * version from the history, and the record of every attempt. One lock keeps the history in the
 * order in which rule sets were really activated.
 */
@Service
class RuleSetService {

    private static final Logger log = LoggerFactory.getLogger(RuleSetService.class);

    /** An activation attempt, the version that ran before it, and its problems (failed scenarios included). */
    record Activation(ReloadResult result, String previousVersion, List<Problem> problems) {
    }

    private final Advisor advisor;
    private final RuleSetHistory history;
    private final Path rulesDir;
    private final ReentrantLock lock = new ReentrantLock();

    RuleSetService(Advisor advisor, RuleSetHistory history, AdvisorProperties properties) {
        this.advisor = advisor;
        this.history = history;
        this.rulesDir = properties.rulesDir();
    }

    /** The rules folder as it is now (the jar's rules when there is no folder). */
    RuleFiles folder() {
        return Files.isDirectory(rulesDir) ? RuleFiles.fromDirectory(rulesDir) : RuleFiles.fromClasspath();
    }

    Path rulesDir() {
        return rulesDir;
    }

    ValidationResult validate(RuleFiles files) {
        return advisor.validate(files);
    }

    /** Loads the folder through the gate. */
    Activation reload(String who) {
        lock.lock();
        try {
            return activate(folder(), who, "reload of the rules folder");
        } finally {
            lock.unlock();
        }
    }

    /** Loads files the watcher found stable; nothing when they are what already runs. */
    Optional<Activation> activateFromWatcher(RuleFiles files) {
        lock.lock();
        try {
            if (versionOf(files).equals(advisor.version())) {
                return Optional.empty();
            }
            return Optional.of(activate(files, "watcher", "the rules folder changed"));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Activates an earlier version's files through the same gate and, when they go live, writes
     * them back into the rules folder so folder and running rules agree. The folder's own content
     * is kept in the history first when it is not there already. Empty when the version is unknown.
     */
    Optional<Activation> rollback(String version, String who) {
        lock.lock();
        try {
            Optional<RuleFiles> files = history.files(version);
            if (files.isEmpty()) {
                return Optional.empty();
            }
            Activation activation = activate(files.get(), who, "roll back to " + version);
            if (activation.result().activated() && Files.isDirectory(rulesDir)) {
                RuleFiles current = RuleFiles.fromDirectory(rulesDir);
                if (!current.sha256().equals(files.get().sha256())) {
                    if (!history.contains(current)) {
                        history.record(current, versionOf(current), who, RuleSetHistory.Outcome.SAVED, advisor.version(),
                                "the rules folder as it was before the roll back to " + version, List.of());
                    }
                    RuleFolder.replace(rulesDir, files.get());
                    log.info("rules folder {} restored to version {}", rulesDir.toAbsolutePath(), version);
                }
            }
            return Optional.of(activation);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Activates the rules folder as {@code edit} changes it, through the same gate as a reload, and
     * writes the changed files into the folder when the result goes live. Like a reload, it publishes
     * the folder as it is, so a trainer can update scenarios there to go live with the edit.
     */
    Activation publishEdit(UnaryOperator<RuleFiles> edit, String who, String note) {
        lock.lock();
        try {
            RuleFiles edited = edit.apply(folder());
            Activation activation = activate(edited, who, note);
            if (activation.result().activated() && Files.isDirectory(rulesDir)) {
                RuleFolder.replace(rulesDir, edited);
                log.info("rules folder {} changed by {} ({})", rulesDir.toAbsolutePath(), who, note);
            }
            return activation;
        } finally {
            lock.unlock();
        }
    }

    /** Records the rule set the service started with. */
    @EventListener(ApplicationReadyEvent.class)
    void recordStartup() {
        lock.lock();
        try {
            RuleFiles files = folder();
            String version = advisor.version();
            if (!versionOf(files).equals(version)) {
                log.warn("the rules folder changed while the service started (running {}, folder {}); publish or wait for the watcher",
                        version, versionOf(files));
            }
            history.record(files, versionOf(files), "startup",
                    versionOf(files).equals(version) ? RuleSetHistory.Outcome.ACTIVATED : RuleSetHistory.Outcome.SAVED,
                    version, "the rule set loaded at start", List.of());
        } finally {
            lock.unlock();
        }
    }

    private Activation activate(RuleFiles files, String who, String note) {
        String previous = advisor.version();
        ReloadResult result = advisor.activate(files);
        ValidationResult validation = result.validation();
        List<Problem> problems = problemsOf(validation, files);
        history.record(files, validation.version(), who,
                result.activated() ? RuleSetHistory.Outcome.ACTIVATED : RuleSetHistory.Outcome.REJECTED,
                result.activeVersion(), note, problems);
        if (result.activated()) {
            log.info("rule set {} activated by {} ({}); was {}", validation.version(), who, note, previous);
        } else {
            log.warn("rule set {} rejected ({} by {}); {} keeps running:\n{}", validation.version(), note, who, previous, validation.report());
        }
        return new Activation(result, previous, problems);
    }

    /** The version the advice would carry for these files. */
    static String versionOf(RuleFiles files) {
        return files.version();
    }

    /**
     * The problems, then each failed scenario expectation as a problem of its scenario file, at the
     * line of the expectation that failed (failures start with the expectation's key).
     */
    static List<Problem> problemsOf(ValidationResult validation, RuleFiles files) {
        List<Problem> problems = new ArrayList<>(validation.problems());
        validation.scenarios().stream().filter(s -> !s.passed()).forEach(s -> s.failures()
                .forEach(f -> problems.add(new Problem(s.file(), expectationLine(files.get(s.file()), f), null, s.name(),
                        "scenario failed: " + f))));
        return problems;
    }

    private static Integer expectationLine(byte[] scenario, String failure) {
        int colon = failure.indexOf(':');
        if (scenario == null || colon < 0) {
            return null;
        }
        String key = failure.substring(0, colon).split("\\.")[0];
        List<String> keys = failure.contains("expected no ") ? List.of(key + "Absent", key) : List.of(key, key + "Absent");
        String[] lines = new String(scenario, StandardCharsets.UTF_8).split("\\R", -1);
        for (String candidate : keys) {
            Pattern line = Pattern.compile("^\\s*" + Pattern.quote(candidate) + "\\s*:");
            for (int i = 0; i < lines.length; i++) {
                if (line.matcher(lines[i]).find()) {
                    return i + 1;
                }
            }
        }
        return null;
    }
}
