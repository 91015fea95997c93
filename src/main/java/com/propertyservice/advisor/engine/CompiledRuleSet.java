package com.propertyservice.advisor.engine;

import com.propertyservice.advisor.engine.fact.Assessment;
import com.propertyservice.advisor.engine.fact.Day;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * An immutable snapshot of a compiled rule set: the KieBase, its version, its texts and what is
 * known about its rules. Thread-safe: every evaluation gets its own session; the only shared
 * mutable state is the hit counters, which are concurrent adders.
 */
final class CompiledRuleSet {

    private static final HandlingStep[] HANDLING_ORDER = HandlingStep.values();
    private static final Comparator<Map.Entry<Principle, Assessment.Weighted>> HEAVIEST_FIRST = Comparator.comparingInt(
                    (Map.Entry<Principle, Assessment.Weighted> e) ->
                            -e.getValue().weight())
            .thenComparing(Map.Entry::getKey);

    private final KieBase kieBase;
    private final String version;
    private final Instant loadedAt;
    private final List<RuleSetInfo.FileInfo> files;
    private final List<RuleSetInfo.RuleInfo> rules;
    private final List<String> issues;
    private final List<RuleSetInfo.CatalogueEntry> catalogue;
    private final Set<String> issueSet;
    private final TextCatalogue texts;
    private final List<Scenario> scenarios;
    private final Map<String, LongAdder> hits = new ConcurrentHashMap<>();

    CompiledRuleSet(
            KieBase kieBase,
            String version,
            Instant loadedAt,
            List<RuleSetInfo.FileInfo> files,
            List<RuleSetInfo.RuleInfo> rules,
            List<String> issues,
            List<RuleSetInfo.CatalogueEntry> catalogue,
            TextCatalogue texts,
            List<Scenario> scenarios) {
        this.kieBase = kieBase;
        this.version = version;
        this.loadedAt = loadedAt;
        this.files = List.copyOf(files);
        this.rules = List.copyOf(rules);
        this.issues = List.copyOf(issues);
        this.catalogue = List.copyOf(catalogue);
        this.issueSet = Set.copyOf(issues);
        this.texts = texts;
        this.scenarios = List.copyOf(scenarios);
        rules.forEach(r -> hits.put(r.name(), new LongAdder()));
    }

    String version() {
        return version;
    }

    List<String> issues() {
        return issues;
    }

    List<Scenario> scenarios() {
        return scenarios;
    }

    TextCatalogue texts() {
        return texts;
    }

    /**
     * Runs the rules over one incident in a session of its own, within the limits; {@code countHits}
     * is false for trainer scenarios, so that the hit counts show real use.
     *
     * @throws AdviceTimeoutException when the rules take longer or fire more often than the limits allow
     */
    Evaluation evaluate(Incident incident, boolean countHits, AdviceLimits limits) {
        if (!issueSet.contains(incident.issue())) {
            throw new UnknownIssueException(incident.issue(), issues);
        }
        Assessment assessment = new Assessment(incident);
        FiringTrace trace = new FiringTrace(
                assessment, System.nanoTime() + limits.timeBudget().toNanos());
        KieSession session = kieBase.newKieSession();
        try {
            session.addEventListener(trace);
            session.insert(assessment);
            session.insert(
                    new Day(assessment.getReportedLocally().dateTime().toLocalDate())); // what day it was reported on
            int fired = session.fireAllRules(limits.maxFirings());
            List<String> last = trace.fired()
                    .subList(
                            Math.max(0, trace.fired().size() - 5), trace.fired().size());
            if (trace.overran()) {
                throw new AdviceTimeoutException(
                        "the rules took longer than " + readable(limits.timeBudget())
                                + " on this incident and were stopped"
                                + " (the time budget of one advice); the last rules fired were " + last,
                        last);
            }
            if (fired >= limits.maxFirings()) {
                throw new AdviceTimeoutException(
                        "the rules fired " + fired + " times for one incident and were stopped: "
                                + "a rule keeps re-triggering itself; the last rules fired were " + last,
                        last);
            }
        } finally {
            session.dispose();
        }
        List<String> fired = List.copyOf(new LinkedHashSet<>(trace.fired()));
        if (countHits) {
            fired.forEach(
                    name -> hits.computeIfAbsent(name, n -> new LongAdder()).increment());
        }
        return new Evaluation(assessment, fired, version);
    }

    /**
     * The working hours of the local dates {@code from} to {@code to} (both included), as the calendar rules give
     * them: one session with a {@link Day} per date and nothing else, so only the rules about days fire. Hits are not
     * counted (this is the service's question, not advice). Within the same limits as one advice.
     */
    public WorkingHours workingHours(LocalDate from, LocalDate to, AdviceLimits limits) {
        List<Day> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            days.add(new Day(date));
        }
        FiringTrace trace =
                new FiringTrace(null, System.nanoTime() + limits.timeBudget().toNanos());
        KieSession session = kieBase.newKieSession();
        try {
            session.addEventListener(trace);
            days.forEach(session::insert);
            int fired = session.fireAllRules(limits.maxFirings());
            if (trace.overran() || fired >= limits.maxFirings()) {
                throw new AdviceTimeoutException(
                        "the calendar rules did not finish on " + days.size() + " days within the limits of one advice;"
                                + " the last rules fired were "
                                + trace.fired()
                                        .subList(
                                                Math.max(0, trace.fired().size() - 5),
                                                trace.fired().size()),
                        trace.fired());
            }
        } finally {
            session.dispose();
        }
        List<WorkingHours.Window> windows = new ArrayList<>();
        for (Day day : days) {
            for (Day.Hours hours : day.hours()) {
                windows.add(new WorkingHours.Window(
                        day.date().atTime(hours.from()),
                        hours.to().equals(LocalTime.MIDNIGHT)
                                ? day.date().plusDays(1).atStartOfDay()
                                : day.date().atTime(hours.to())));
            }
        }
        return new WorkingHours(from, to, windows);
    }

    /**
     * The advice for an evaluation, with its texts in a language. Plain loops into arrays handed to
     * {@code List.of}: this runs on every call, and streams' {@code toList} results were copied a
     * second time by the records' defensive {@code List.copyOf} (it showed in the profile).
     */
    Advice advice(Evaluation evaluation, Language language) {
        Assessment a = evaluation.assessment();
        Map<String, String> words = texts.in(language);

        @SuppressWarnings("unchecked")
        Map.Entry<Principle, Assessment.Weighted>[] weighted =
                a.getPrinciples().entrySet().toArray(new Map.Entry[0]);
        Arrays.sort(weighted, HEAVIEST_FIRST);
        Advice.PrincipleAdvice[] principles = new Advice.PrincipleAdvice[weighted.length];
        for (int i = 0; i < weighted.length; i++) {
            Assessment.Weighted w = weighted[i].getValue();
            principles[i] =
                    new Advice.PrincipleAdvice(weighted[i].getKey(), w.weight(), TextCatalogue.text(words, w.reason()));
        }

        Map<HandlingStep, Set<String>> byStep = a.getSteps();
        List<Advice.StepAdvice> steps = new ArrayList<>(byStep.size());
        for (HandlingStep step : HANDLING_ORDER) {
            Set<String> codes = byStep.get(step);
            if (codes != null && !codes.isEmpty()) {
                steps.add(new Advice.StepAdvice(step, List.of(texts(words, codes))));
            }
        }

        Collection<Assessment.Proposed> proposed = a.getActions().values();
        Advice.ActionAdvice[] actions = new Advice.ActionAdvice[proposed.size()];
        int i = 0;
        for (Assessment.Proposed p : proposed) {
            actions[i++] =
                    new Advice.ActionAdvice(TextCatalogue.text(words, p.code()), p.principle(), p.rule(), p.code());
        }

        List<Assessment.Planned> planned = a.getReminders();
        Reminder[] reminders = new Reminder[planned.size()];
        i = 0;
        for (Assessment.Planned p : planned) {
            reminders[i++] = new Reminder(
                    p.deadline(),
                    p.trigger(),
                    p.elapsed(),
                    p.before(),
                    p.breach(),
                    p.recipient(),
                    TextCatalogue.text(words, p.code()),
                    p.code(),
                    p.rule(),
                    p.workingTimeOnly());
        }

        Advice.FollowUp followUp = a.getFollowUpWithin() == null && !a.isSurvey()
                ? null
                : new Advice.FollowUp(a.getFollowUpWithin(), a.isSurvey());
        // causes are the complaint's why-ours; a rule set that adds one without OURS must not make us admit it
        List<ComplaintCause> causes = a.getFault() == Fault.OURS ? List.copyOf(a.getCauses()) : List.of();
        return new Advice(
                a.getIssue(),
                a.getKind(),
                List.of(texts(words, a.getSafetySteps())),
                a.getKanoFactor(),
                a.getQualityDimension(),
                a.getFault(),
                causes,
                a.getPriority(),
                a.getRespondWithin(),
                a.getResolveWithin(),
                a.getEscalation(),
                List.copyOf(a.getReferral()),
                List.of(principles),
                steps,
                List.of(actions),
                List.of(texts(words, a.getCautions())),
                List.of(details(words, a.getMissingDetails())),
                List.of(texts(words, a.getWarnings())),
                followUp,
                List.of(reminders),
                a.getSatisfactionGap(),
                version,
                evaluation.firedRules(),
                language);
    }

    /** Missing details are contract field names (kept as they are, for programs) or text codes (put into words). */
    private static String[] details(Map<String, String> words, Collection<String> details) {
        String[] out = new String[details.size()];
        int i = 0;
        for (String detail : details) {
            out[i++] = RuleIndex.TEXT_CODE.matcher(detail).matches() ? TextCatalogue.text(words, detail) : detail;
        }
        return out;
    }

    private static String readable(Duration duration) {
        return duration.toMillis() > 0 ? duration.toMillis() + " ms" : duration.toNanos() / 1_000.0 + " µs";
    }

    private static String[] texts(Map<String, String> words, Collection<String> codes) {
        String[] out = new String[codes.size()];
        int i = 0;
        for (String code : codes) {
            out[i++] = TextCatalogue.text(words, code);
        }
        return out;
    }

    /** A description with the current hit counts. */
    RuleSetInfo info() {
        List<RuleSetInfo.RuleInfo> counted = rules.stream()
                .map(r -> new RuleSetInfo.RuleInfo(
                        r.name(),
                        r.file(),
                        r.line(),
                        r.description(),
                        r.descriptionEn(),
                        hits.getOrDefault(r.name(), new LongAdder()).sum()))
                .toList();
        return new RuleSetInfo(version, loadedAt, files, counted, issues, catalogue);
    }
}
