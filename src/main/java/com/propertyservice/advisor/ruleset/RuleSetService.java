package com.propertyservice.advisor.ruleset;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.PreparedRuleSet;
import com.propertyservice.advisor.engine.Problem;
import com.propertyservice.advisor.engine.ReloadResult;
import com.propertyservice.advisor.engine.RuleFiles;
import com.propertyservice.advisor.engine.ScenarioResult;
import com.propertyservice.advisor.engine.ValidationResult;
import com.propertyservice.advisor.system.AdvisorProperties;
import com.propertyservice.advisor.system.InstanceName;
import jakarta.annotation.PreDestroy;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Activation of rule sets: reload of the folder (on demand or by the watcher), publication of an upload, roll
 * back to a version from the history, and the record of every attempt. One lock keeps the history in the
 * order in which rule sets were really activated.
 *
 * <p>With {@code advisor.rules.source=database} (several instances on one database) a version that goes live
 * here is also published ({@code rule_set_publication}), and {@link RuleSetSync} makes this instance follow
 * what any instance published: it reads the files from the history and activates them through the same gate
 * ({@link Advisor#activate}), never around it. The rules folder then only seeds an empty database.
 *
 * <p>So that the other instances need not start their gate only when the publication arrives (compiling and running
 * the scenarios takes seconds), an instance announces the files before its own gate ({@code rule_set_candidate});
 * the others {@link #prepareAhead prepare} the same files meanwhile, through the same gate, and on the publication
 * activate what they prepared, so the delay after publishing is about the poll interval. A candidate that is never
 * published is never activated.
 *
 * <p>Public for the one feature that publishes rule changes of its own ({@link #publishEdit}, the Kano survey's
 * catalogue edits); everything else here is for this package's API, page and watcher.
 */
@Service
public class RuleSetService {

    private static final Logger log = LoggerFactory.getLogger(RuleSetService.class);

    /**
     * An activation attempt: whether it went live, the version running afterwards and the one before it, the
     * candidate's version, its problems (failed scenarios included), its warnings, and the candidate's scenario
     * results (empty when it did not compile). Serializable: the trainer page hands it to the next page in the
     * session, which may live in the database.
     */
    public record Activation(
            boolean activated,
            String activeVersion,
            String previousVersion,
            String candidateVersion,
            List<Problem> problems,
            List<Problem> warnings,
            List<ScenarioResult> scenarios)
            implements Serializable {

        static Activation of(ReloadResult result, String previousVersion, List<Problem> problems) {
            ValidationResult validation = result.validation();
            return new Activation(
                    result.activated(),
                    result.activeVersion(),
                    previousVersion,
                    validation.version(),
                    List.copyOf(problems),
                    List.copyOf(validation.warnings()),
                    List.copyOf(validation.scenarios()));
        }
    }

    /**
     * Where this instance stands against the database's publications ({@code source=database}).
     *
     * @param publication    the publication this instance serves (0: none yet)
     * @param published      the newest publication seen, with its version (null: none seen yet)
     * @param rejected       a publication this instance's gate refused (0: none), with the first problem
     */
    record SyncState(long publication, RuleSetHistory.Publication published, long rejected, String rejection) {

        /** Serving the newest publication seen, and none refused since. */
        boolean inSync() {
            return published != null && publication >= published.id() && rejected < published.id();
        }
    }

    private static final Duration RETRY_REJECTED = Duration.ofSeconds(30);

    /** Files announced by another instance being put through this instance's gate ahead of their publication. */
    private record Preparation(String filesHash, CompletableFuture<PreparedRuleSet> result) {}

    private final Advisor advisor;
    private final RuleSetHistory history;
    private final Path rulesDir;
    private final boolean fromDatabase;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile SyncState sync = new SyncState(0, null, 0, null);
    private long retryRejectedAt;
    /** One thread: preparations run one after the other, beside advice calls, never two builds at once. */
    private final ExecutorService preparing = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rule-set-prepare");
        thread.setDaemon(true);
        return thread;
    });

    private volatile Preparation preparation;
    /** The newest announcement seen (-1: none read yet; the first read only sets it). */
    private volatile long candidateSeen = -1;

    private volatile boolean lastFollowPrepared;

    RuleSetService(Advisor advisor, RuleSetHistory history, AdvisorProperties properties) {
        this.advisor = advisor;
        this.history = history;
        this.rulesDir = properties.rulesDir();
        this.fromDatabase = properties.rules().fromDatabase();
    }

    boolean fromDatabase() {
        return fromDatabase;
    }

    SyncState syncState() {
        return sync;
    }

    /** Whether the last publication this instance followed went live from a build prepared ahead. */
    boolean lastFollowPrepared() {
        return lastFollowPrepared;
    }

    /**
     * Starts putting another instance's announced files through this instance's gate, so that their publication,
     * if it comes, finds them ready. Announcements seen before (this instance's own among them), and the ones
     * there at start (long published or refused), are passed over.
     */
    void prepareAhead(Optional<RuleSetHistory.Candidate> newest) {
        long seen = candidateSeen;
        if (newest.isEmpty()) {
            candidateSeen = Math.max(seen, 0);
            return;
        }
        RuleSetHistory.Candidate candidate = newest.get();
        candidateSeen = Math.max(seen, candidate.id());
        if (seen < 0 || candidate.id() <= seen || candidate.version().equals(advisor.version())) {
            return;
        }
        Preparation running = preparation;
        if (running != null && running.filesHash().equals(candidate.fullHash())) {
            return;
        }
        CompletableFuture<PreparedRuleSet> result = CompletableFuture.supplyAsync(
                () -> {
                    long started = System.nanoTime();
                    PreparedRuleSet prepared = history.filesOfCandidate(candidate.id())
                            .map(advisor::prepare)
                            .orElse(null);
                    log.info(
                            "rule set {} announced for publication prepared ahead ({}; {} ms)",
                            candidate.version(),
                            prepared == null
                                    ? "announcement gone"
                                    : prepared.valid() ? "passes the gate" : "refused by the gate",
                            (System.nanoTime() - started) / 1_000_000);
                    return prepared;
                },
                preparing);
        preparation = new Preparation(candidate.fullHash(), result);
    }

    /** The build prepared ahead for these files, waiting for it when it is still under way; null when there is none. */
    private PreparedRuleSet prepared(String filesHash) {
        Preparation ready = preparation;
        if (ready == null || !ready.filesHash().equals(filesHash)) {
            return null;
        }
        try {
            return ready.result().join();
        } catch (RuntimeException e) {
            log.warn("preparing rule set ahead failed ({}); activating it now", e.getMessage());
            return null;
        }
    }

    /**
     * The files a single uploaded file is placed among: the running version's (from the history) when the
     * database is the truth, else the rules folder.
     */
    RuleFiles current() {
        if (fromDatabase) {
            Optional<RuleFiles> running = history.files(advisor.version());
            if (running.isPresent()) {
                return running.get();
            }
        }
        return folder();
    }

    /** The rules folder as it is now (the jar's rules when there is no folder). */
    RuleFiles folder() {
        return Files.isDirectory(rulesDir) ? RuleFiles.fromDirectory(rulesDir) : RuleFiles.fromClasspath();
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
            if (activation.activated()) {
                writeToFolder(files.get(), who, "roll back to " + version);
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
    public Activation publishEdit(UnaryOperator<RuleFiles> edit, String who, String note) {
        lock.lock();
        try {
            RuleFiles edited = edit.apply(folder());
            Activation activation = activate(edited, who, note);
            // the edit is of the folder's own files, so nothing of the folder is lost: no SAVED entry is needed
            if (activation.activated() && !fromDatabase && Files.isDirectory(rulesDir)) {
                RuleFolder.replace(rulesDir, edited);
                log.info("rules folder {} changed by {} ({})", rulesDir.toAbsolutePath(), who, note);
            }
            return activation;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Activates uploaded files through the gate and, when they go live, publishes them (database) or writes them
     * into the rules folder (folder), so a later reload does not silently undo them.
     */
    Activation publish(RuleFiles files, String who) {
        lock.lock();
        try {
            Activation activation = activate(files, who, "publication of an upload");
            if (activation.activated()) {
                writeToFolder(files, who, "publication of an upload");
            }
            return activation;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes the rules folder hold {@code files}, keeping its present content in the history first. Only where the
     * folder is the truth: with several instances each has a folder of its own, and the database holds the version.
     */
    private void writeToFolder(RuleFiles files, String who, String why) {
        if (fromDatabase || !Files.isDirectory(rulesDir)) {
            return;
        }
        RuleFiles current = RuleFiles.fromDirectory(rulesDir);
        if (current.sha256().equals(files.sha256())) {
            return;
        }
        if (!history.contains(current)) {
            history.record(
                    current,
                    versionOf(current),
                    who,
                    RuleSetHistory.Outcome.SAVED,
                    advisor.version(),
                    "the rules folder as it was before the " + why,
                    List.of());
        }
        RuleFolder.replace(rulesDir, files);
        log.info("rules folder {} now holds version {} ({})", rulesDir.toAbsolutePath(), files.version(), why);
    }

    /**
     * Brings this instance to the newest publication: nothing when it already serves that version; otherwise its
     * files through this instance's own gate. A refusal is recorded in the history and retried after a while (or
     * at the next publication); meanwhile the instance keeps its version and reports itself out of sync.
     */
    void follow(RuleSetHistory.Publication latest) {
        lock.lock();
        try {
            SyncState now = sync;
            if (latest.id() <= now.publication()) {
                return;
            }
            if (latest.version().equals(advisor.version())) {
                sync = new SyncState(latest.id(), latest, now.rejected(), now.rejection());
                return;
            }
            if (latest.id() == now.rejected() && System.nanoTime() < retryRejectedAt) {
                return;
            }
            String previous = advisor.version();
            long started = System.nanoTime();
            PreparedRuleSet prepared = prepared(latest.fullHash());
            ReloadResult result = prepared != null
                    ? advisor.activate(prepared)
                    : advisor.activate(history.filesOfAttempt(latest.attemptId()));
            if (result.activated()) {
                sync = new SyncState(latest.id(), latest, now.rejected(), now.rejection());
                lastFollowPrepared = prepared != null;
                log.info(
                        "rule set {} activated, published by {} at {} (publication {}); was {}; {} ms{}",
                        latest.version(),
                        latest.publishedBy(),
                        latest.publishedAt(),
                        latest.id(),
                        previous,
                        (System.nanoTime() - started) / 1_000_000,
                        prepared != null ? " (prepared ahead)" : "");
                return;
            }
            RuleFiles files = history.filesOfAttempt(latest.attemptId());
            List<Problem> problems = problemsOf(result.validation(), files);
            retryRejectedAt = System.nanoTime() + RETRY_REJECTED.toNanos();
            if (latest.id() != now.rejected()) {
                history.record(
                        files,
                        result.validation().version(),
                        "instance " + InstanceName.get(),
                        RuleSetHistory.Outcome.REJECTED,
                        previous,
                        "publication " + latest.id() + " refused by this instance's gate",
                        problems);
            }
            sync = new SyncState(
                    now.publication(),
                    latest,
                    latest.id(),
                    problems.isEmpty() ? "-" : problems.get(0).toString());
            log.error(
                    "rule set {} published by {} was refused by this instance's gate; {} keeps running and the instance "
                            + "reports itself not ready:\n{}",
                    latest.version(),
                    latest.publishedBy(),
                    previous,
                    result.validation().report());
        } finally {
            lock.unlock();
        }
    }

    @PreDestroy
    void stopPreparing() {
        preparing.shutdownNow();
    }

    /**
     * Records the rule set the service started with. With the database as the truth, only the first instance on
     * an empty database does (its rule set becomes the first publication); the others follow what is published.
     */
    @EventListener(ApplicationReadyEvent.class)
    void recordStartup() {
        lock.lock();
        try {
            if (fromDatabase) {
                seedDatabase();
                return;
            }
            RuleFiles files = folder();
            String version = advisor.version();
            if (!versionOf(files).equals(version)) {
                log.warn(
                        "the rules folder changed while the service started (running {}, folder {}); publish or wait for the watcher",
                        version,
                        versionOf(files));
            }
            history.record(
                    files,
                    versionOf(files),
                    "startup",
                    versionOf(files).equals(version) ? RuleSetHistory.Outcome.ACTIVATED : RuleSetHistory.Outcome.SAVED,
                    version,
                    "the rule set loaded at start",
                    List.of());
        } finally {
            lock.unlock();
        }
    }

    private void seedDatabase() {
        if (history.latestPublication().isPresent()) {
            return;
        }
        RuleFiles files = folder();
        if (!versionOf(files).equals(advisor.version())) {
            log.warn(
                    "the rules folder changed while the service started; nothing published: reload or publish the rules");
            return;
        }
        long attempt = history.record(
                files,
                advisor.version(),
                "startup",
                RuleSetHistory.Outcome.ACTIVATED,
                advisor.version(),
                "the first rule set of this database, from the rules folder of instance " + InstanceName.get(),
                List.of());
        RuleSetHistory.Publication publication = history.publish(attempt, advisor.version(), files.sha256(), "startup");
        sync = new SyncState(publication.id(), publication, 0, null);
        log.info("empty database: rule set {} from the rules folder published as the first version", advisor.version());
    }

    private Activation activate(RuleFiles files, String who, String note) {
        String previous = advisor.version();
        if (fromDatabase) {
            announce(files, who);
        }
        ReloadResult result = advisor.activate(files);
        ValidationResult validation = result.validation();
        List<Problem> problems = problemsOf(validation, files);
        long attempt = history.record(
                files,
                validation.version(),
                who,
                result.activated() ? RuleSetHistory.Outcome.ACTIVATED : RuleSetHistory.Outcome.REJECTED,
                result.activeVersion(),
                note,
                problems);
        if (result.activated() && fromDatabase) {
            RuleSetHistory.Publication publication =
                    history.publish(attempt, validation.version(), files.sha256(), who);
            sync = new SyncState(publication.id(), publication, sync.rejected(), sync.rejection());
        }
        if (result.activated()) {
            log.info("rule set {} activated by {} ({}); was {}", validation.version(), who, note, previous);
        } else {
            log.warn(
                    "rule set {} rejected ({} by {}); {} keeps running:\n{}",
                    validation.version(),
                    note,
                    who,
                    previous,
                    validation.report());
        }
        return Activation.of(result, previous, problems);
    }

    /** Lets the other instances prepare these files while this one checks them; a speed-up only, so never a failure. */
    private void announce(RuleFiles files, String who) {
        try {
            RuleSetHistory.Candidate candidate = history.announce(files, versionOf(files), who);
            candidateSeen = Math.max(candidateSeen, candidate.id()); // not to be prepared twice here
        } catch (RuntimeException e) {
            log.warn(
                    "could not announce rule set {} to the other instances ({}); they will check it after its publication",
                    versionOf(files),
                    e.getMessage());
        }
    }

    /** The version the advice would carry for these files. */
    static String versionOf(RuleFiles files) {
        return files.version();
    }

    /** The problems, then each failed scenario expectation as a problem of its scenario file (see ValidationResult). */
    static List<Problem> problemsOf(ValidationResult validation, RuleFiles files) {
        return validation.problemsWithScenarioFailures(files);
    }
}
