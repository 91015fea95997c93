package com.propertyservice.advisor.ruleset;

import com.propertyservice.advisor.engine.Problem;
import com.propertyservice.advisor.engine.RuleFiles;
import com.propertyservice.advisor.engine.RuleSetInfo;
import com.propertyservice.advisor.engine.ScenarioResult;
import com.propertyservice.advisor.engine.ValidationResult;
import org.springframework.stereotype.Service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Rule administration for callers outside this package (the trainers' web page): the same checks,
 * activations, history and roll back as {@code /api/rules}, so both doors record the same history.
 * An addition beside the package's own classes, delegating to them.
 */
@Service
public class RuleAdministration {

    /**
     * One recorded activation attempt.
     *
     * @param outcome ACTIVATED, REJECTED or SAVED
     */
    public record Version(long id, String version, String attemptedBy, OffsetDateTime attemptedAt, String outcome,
                          String activeVersion, String note, List<Problem> problems, int files) {
    }

    /** A candidate's check: its problems (failed scenarios included) by file and line, and its scenarios. */
    public record Check(boolean valid, String version, List<Problem> problems, List<Problem> warnings,
                        List<ScenarioResult> scenarios, List<String> files) {
    }

    /**
     * An activation attempt: whether it went live, the version running afterwards, its problems, and
     * the candidate's scenario results (empty when it did not compile). Serializable: the trainer page
     * hands it to the next page in the session, which lives in the database.
     */
    public record Outcome(boolean activated, String activeVersion, String previousVersion, String candidateVersion,
                          List<Problem> problems, List<ScenarioResult> scenarios) implements java.io.Serializable {
    }

    private final RuleSetService service;
    private final RuleSetHistory history;
    private final com.propertyservice.advisor.engine.Advisor advisor;

    RuleAdministration(RuleSetService service, RuleSetHistory history, com.propertyservice.advisor.engine.Advisor advisor) {
        this.service = service;
        this.history = history;
        this.advisor = advisor;
    }

    /** The active rule set. */
    public RuleSetInfo active() {
        return advisor.ruleSet();
    }

    /** The most recent activation attempts, newest first, at most {@code limit}. */
    public List<Version> versions(int limit) {
        return history.attempts(0, limit).stream().map(a -> new Version(a.id(), a.version(), a.attemptedBy(), a.attemptedAt(),
                a.outcome().name(), a.activeVersion(), a.note(), a.problems(), a.files() == null ? 0 : a.files().size()))
                .toList();
    }

    /**
     * Checks an uploaded file without activating anything: a zip replaces the whole folder; a single
     * file goes into the current folder at {@code path}, or where a file of its name already is.
     *
     * @throws IllegalArgumentException when the upload cannot be read or placed
     */
    public Check validate(String fileName, String path, byte[] content) {
        RuleFiles files;
        try {
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".zip")) {
                files = RuleFiles.fromZip(new ByteArrayInputStream(content));
                if (files.size() == 0) {
                    throw new IllegalArgumentException(fileName + " is not a readable zip archive (no file in it)");
                }
            } else {
                RuleFiles folder = service.current();
                String target = RuleSetController.targetPath(fileName, path, folder);
                if (target == null) {
                    throw new IllegalArgumentException("no file name and no path");
                }
                if (!RuleSetController.isRelativeInside(target)) {
                    throw new IllegalArgumentException("the path " + target
                            + " is not inside the rules folder (a relative path without .. such as catalogue/issues.drl.csv)");
                }
                files = folder.with(target, content);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(fileName + " is not a readable zip archive ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
        ValidationResult result = service.validate(files);
        return new Check(result.valid(), result.version(), RuleSetService.problemsOf(result, files), result.warnings(),
                result.scenarios(), List.copyOf(files.asMap().keySet()));
    }

    /** How many activation attempts the history holds. */
    public long versionCount() {
        return history.count();
    }

    /** Loads the rules folder through the gate, as {@code POST /api/rules/reload} does. */
    public Outcome reload(String who) {
        return outcome(service.reload(who));
    }

    /** Activates an earlier version and restores its files into the folder; empty when the version is unknown. */
    public Optional<Outcome> rollback(String version, String who) {
        return service.rollback(version, who).map(RuleAdministration::outcome);
    }

    /**
     * Publishes the rules folder as {@code edit} changes it (e.g. catalogue rows set from a survey):
     * the same gate, scenarios and history as a reload of the folder, which it publishes as it is;
     * the changed files are written into the folder only when the result goes live.
     *
     * @param edit the change, given the folder's files
     * @param note what the change is, for the version history
     */
    public Outcome publishEdit(UnaryOperator<RuleFiles> edit, String who, String note) {
        return outcome(service.publishEdit(edit, who, note));
    }

    private static Outcome outcome(RuleSetService.Activation activation) {
        return new Outcome(activation.result().activated(), activation.result().activeVersion(),
                activation.previousVersion(), activation.result().validation().version(), activation.problems(),
                activation.result().validation().scenarios());
    }
}
