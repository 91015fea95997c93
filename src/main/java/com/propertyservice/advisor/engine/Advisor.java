package com.propertyservice.advisor.engine;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The service-quality advisor: turns an {@link Incident} into {@link Advice} with the rules of a
 * rules folder. Thread-safe; one compiled rule set is shared by all callers.
 *
 * <pre>{@code
 * Advisor advisor = Advisor.fromDirectory(Path.of("rules"));
 * Advice advice = advisor.advise(incident);
 * }</pre>
 *
 * <p>A reload compiles the folder beside the running rule set and swaps it in atomically only
 * when it compiles cleanly and every trainer scenario it carries passes; a call in flight finishes
 * on the rule set it started with, and a failed reload leaves the running set untouched.
 */
public final class Advisor {

    private final Supplier<RuleFiles> source;
    private final AdviceLimits limits;
    private final AtomicReference<CompiledRuleSet> active = new AtomicReference<>();
    private final Object reloadLock = new Object();

    private Advisor(Supplier<RuleFiles> source, AdviceLimits limits) {
        this.source = source;
        this.limits = Objects.requireNonNull(limits, "limits");
        ReloadResult first = reload();
        if (!first.activated()) {
            throw new RuleSetException(first.validation());
        }
    }

    /**
     * An advisor on the rules folder at {@code directory}; {@link #reload()} reads the folder again.
     *
     * @throws RuleSetException when the folder's rules do not validate
     */
    public static Advisor fromDirectory(Path directory) {
        return fromDirectory(directory, AdviceLimits.DEFAULT);
    }

    /**
     * An advisor on the rules folder at {@code directory}, each advice held to {@code limits}.
     *
     * @throws RuleSetException when the folder's rules do not validate
     */
    public static Advisor fromDirectory(Path directory, AdviceLimits limits) {
        Objects.requireNonNull(directory, "directory");
        return new Advisor(() -> RuleFiles.fromDirectory(directory), limits);
    }

    /**
     * An advisor on the default rules carried in the jar.
     *
     * @throws RuleSetException when they do not validate (a build fault)
     */
    public static Advisor fromClasspath() {
        return fromClasspath(AdviceLimits.DEFAULT);
    }

    /**
     * An advisor on the default rules carried in the jar, each advice held to {@code limits}.
     *
     * @throws RuleSetException when they do not validate (a build fault)
     */
    public static Advisor fromClasspath(AdviceLimits limits) {
        return new Advisor(RuleFiles::fromClasspath, limits);
    }

    /**
     * An advisor on rule files held in memory; {@link #reload()} compiles the same files again.
     *
     * @throws RuleSetException when the files do not validate
     */
    public static Advisor fromFiles(RuleFiles files) {
        return fromFiles(files, AdviceLimits.DEFAULT);
    }

    /**
     * An advisor on rule files held in memory, each advice held to {@code limits}.
     *
     * @throws RuleSetException when the files do not validate
     */
    public static Advisor fromFiles(RuleFiles files, AdviceLimits limits) {
        Objects.requireNonNull(files, "files");
        return new Advisor(() -> files, limits);
    }

    /** Advice in Chinese, the users' language. */
    public Advice advise(Incident incident) {
        return advise(incident, Language.ZH_CN);
    }

    /**
     * Advice with its texts in {@code language}.
     *
     * @throws UnknownIssueException when the incident's issue key is not in the active catalogue
     * @throws AdviceTimeoutException when the rules take more than the advisor's {@link AdviceLimits}
     */
    public Advice advise(Incident incident, Language language) {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(language, "language");
        CompiledRuleSet set = active.get(); // one snapshot for the whole call
        return set.advice(set.evaluate(incident, true, limits), language);
    }

    /**
     * The working hours of the local dates {@code from} to {@code to} (both included), from the active rule set's
     * calendar: where a reminder that keeps to working time may go.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from} or the run is longer than a year
     * @throws AdviceTimeoutException when the calendar rules take more than the advisor's {@link AdviceLimits}
     */
    public WorkingHours workingHours(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from) || from.plusYears(1).isBefore(to)) {
            throw new IllegalArgumentException(
                    "working hours are asked for a run of dates up to a year long, from a date to the same"
                            + " or a later one; " + from + " to " + to + " is not one");
        }
        return active.get().workingHours(from, to, limits);
    }

    /** Reads the source again and activates it when it validates; otherwise keeps the running rule set. */
    public ReloadResult reload() {
        return activate(source.get());
    }

    /**
     * Activates the given files when they validate (used to publish an upload or roll back to an
     * earlier version); otherwise keeps the running rule set.
     */
    public ReloadResult activate(RuleFiles files) {
        Objects.requireNonNull(files, "files");
        synchronized (reloadLock) {
            return activate(prepare(files));
        }
    }

    /**
     * Puts rule files through the whole gate (compile, checks, scenarios) without activating them: the slow
     * part of {@link #activate(RuleFiles)}, done ahead; {@link #activate(PreparedRuleSet)} then swaps the result
     * in at once. Thread-safe, and it runs beside advice calls and other preparations.
     */
    public PreparedRuleSet prepare(RuleFiles files) {
        Objects.requireNonNull(files, "files");
        Candidate candidate = check(files, limits);
        return new PreparedRuleSet(candidate.ruleSet(), candidate.result(), files.sha256());
    }

    /**
     * Activates a rule set {@link #prepare prepared} before when it passed the gate; otherwise keeps the running
     * rule set. Nothing is compiled or run again: the swap is immediate.
     */
    public ReloadResult activate(PreparedRuleSet prepared) {
        Objects.requireNonNull(prepared, "prepared");
        synchronized (reloadLock) {
            if (prepared.valid()) {
                active.set(prepared.ruleSet());
                return new ReloadResult(true, prepared.version(), prepared.validation());
            }
            CompiledRuleSet running = active.get();
            return new ReloadResult(false, running == null ? null : running.version(), prepared.validation());
        }
    }

    /** Compiles the given files and runs their scenarios without activating anything. */
    public ValidationResult validate(RuleFiles files) {
        Objects.requireNonNull(files, "files");
        return check(files, limits).result();
    }

    /**
     * Compiles rule files and runs their scenarios within {@code limits}, with no advisor: what an
     * advisor would say of them, for a command line or a build check.
     */
    public static ValidationResult validate(RuleFiles files, AdviceLimits limits) {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(limits, "limits");
        return check(files, limits).result();
    }

    /** The active rule set: version, load time, files, rules with descriptions and hits, issue keys. */
    public RuleSetInfo ruleSet() {
        return active.get().info();
    }

    /** The version of the active rule set. */
    public String version() {
        return active.get().version();
    }

    /** The issue keys of the active catalogue, sorted. */
    public List<String> knownIssues() {
        return active.get().issues();
    }

    /** Runs the active rule set's own trainer scenarios. */
    public List<ScenarioResult> runScenarios() {
        CompiledRuleSet set = active.get();
        return run(set, set.scenarios(), limits);
    }

    private record Candidate(CompiledRuleSet ruleSet, ValidationResult result) {}

    private static Candidate check(RuleFiles files, AdviceLimits limits) {
        RuleSetCompiler.Outcome outcome = RuleSetCompiler.compile(files);
        if (outcome.ruleSet() == null) {
            return new Candidate(
                    null, new ValidationResult(outcome.version(), outcome.problems(), List.of(), outcome.warnings()));
        }
        return new Candidate(
                outcome.ruleSet(),
                new ValidationResult(
                        outcome.version(),
                        outcome.problems(),
                        run(outcome.ruleSet(), outcome.scenarios(), limits),
                        outcome.warnings()));
    }

    private static ScenarioResult result(Scenario scenario, List<Text> failures, List<String> firedRules) {
        Map<Language, List<String>> translations = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            translations.put(
                    language, failures.stream().map(f -> f.in(language)).toList());
        }
        return new ScenarioResult(
                scenario.file(),
                scenario.name(),
                failures.isEmpty(),
                translations.get(Language.EN),
                firedRules,
                translations);
    }

    private static List<ScenarioResult> run(CompiledRuleSet set, List<Scenario> scenarios, AdviceLimits limits) {
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            try {
                Evaluation evaluation = set.evaluate(scenario.incident(), false, limits);
                List<Text> failures = scenario.failures(evaluation, set.texts());
                results.add(result(scenario, failures, evaluation.firedRules()));
            } catch (RuntimeException e) {
                results.add(result(scenario, List.of(Text.of("scenario.rules-failed", e.getMessage())), List.of()));
            }
        }
        return results;
    }
}
