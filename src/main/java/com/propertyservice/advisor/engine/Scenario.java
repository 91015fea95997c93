package com.propertyservice.advisor.engine;

import com.propertyservice.advisor.engine.fact.Assessment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.NullUnmarked;

/**
 * A trainer scenario: an incident and what its advice must show. See {@code docs/rules-authoring.md}
 * for the file format; {@link ScenarioLoader} reads it and lists the expectation keys.
 */
@NullUnmarked // nullness not yet spelled out here: null is a value in places (see the Javadoc)
record Scenario(String file, String name, String description, Incident incident, Expectations expect) {

    /** What the advice must show; {@code null} fields are not checked. */
    record Expectations(
            KanoFactor kanoFactor,
            QualityDimension qualityDimension,
            Priority priority,
            Priority priorityAtLeast,
            Priority priorityAtMost,
            Escalation escalation,
            Escalation escalationAtLeast,
            Escalation escalationAtMost,
            Duration respondWithin,
            Duration resolveWithin,
            Duration followUpWithin,
            Boolean survey,
            List<ComplaintCause> causes,
            List<ComplaintCause> causesAbsent,
            Boolean noCauses,
            List<Principle> principles,
            List<Principle> principlesAbsent,
            List<Principle> topPrinciples,
            List<HandlingStep> steps,
            Map<HandlingStep, List<String>> stepActions,
            List<String> actions,
            List<String> actionsAbsent,
            List<String> cautions,
            List<String> cautionsAbsent,
            Integer satisfactionGap,
            List<String> firedRules,
            List<String> notFiredRules,
            ContactKind kind,
            Fault fault,
            List<Referral> referral,
            List<Referral> referralAbsent,
            List<String> safetySteps,
            List<String> missingDetails,
            List<String> warnings,
            List<String> absent,
            List<ReminderPattern> reminders,
            List<ReminderPattern> remindersAbsent,
            Boolean noReminders) {}

    /**
     * A reminder the advice must plan, or must not: {@code DEADLINE TRIGGER WHEN RECIPIENT} as a scenario
     * writes it ({@code RESPOND BEFORE 0.8 ASSIGNEE}, {@code FOLLOW_UP BEFORE P1D ASSIGNEE},
     * {@code RESOLVE BREACH 1 PROJECT_MANAGER}); {@code *} in a place matches anything there
     * ({@code * BREACH 1 COMPANY}). A {@code null} component is such a {@code *}. A fifth word, {@code IN_WORKING_TIME}
     * or {@code AT_ANY_TIME}, asks whether it keeps to working time ({@code RESOLVE BREACH 1 SUPERVISOR IN_WORKING_TIME}).
     *
     * @param when for BEFORE the share passed (0.8) or the time before (P1D), for BREACH the breach's number
     * @param workingTimeOnly whether it must keep to working time, or null when the scenario does not say
     */
    record ReminderPattern(
            Deadline deadline, Reminder.Trigger trigger, String when, Recipient recipient, Boolean workingTimeOnly) {

        static final String FORMAT =
                "DEADLINE TRIGGER WHEN RECIPIENT [IN_WORKING_TIME|AT_ANY_TIME], such as 'RESPOND BEFORE 0.8 ASSIGNEE', "
                        + "'FOLLOW_UP BEFORE P1D ASSIGNEE' or 'RESOLVE BREACH 1 PROJECT_MANAGER IN_WORKING_TIME' (* for any)";
        private static final String IN_WORKING_TIME = "IN_WORKING_TIME";
        private static final String AT_ANY_TIME = "AT_ANY_TIME";

        /** Reads the scenario's form, refusing what could never match. */
        static ReminderPattern parse(String text, String field) {
            String[] parts = text.strip().split("\\s+");
            if (parts.length != 4
                    && (parts.length != 5 || !(parts[4].equals(IN_WORKING_TIME) || parts[4].equals(AT_ANY_TIME)))) {
                throw new IllegalArgumentException(field + ": '" + text + "' is not " + FORMAT);
            }
            Reminder.Trigger trigger =
                    any(parts[1]) ? null : ScenarioLoader.enumValue(Reminder.Trigger.class, parts[1], field);
            String when = any(parts[2]) ? null : parts[2];
            if (when != null && planned(trigger, when) == null) {
                throw new IllegalArgumentException(
                        field + ": '" + parts[2] + "' in '" + text + "' is neither a share such as 0.8,"
                                + " a time before such as P1D, nor a breach number such as 1");
            }
            return new ReminderPattern(
                    any(parts[0]) ? null : ScenarioLoader.enumValue(Deadline.class, parts[0], field),
                    trigger,
                    when,
                    any(parts[3]) ? null : ScenarioLoader.enumValue(Recipient.class, parts[3], field),
                    parts.length == 5 ? parts[4].equals(IN_WORKING_TIME) : null);
        }

        private static boolean any(String part) {
            return part.equals("*");
        }

        /** What {@code when} stands for (a share, a duration or a breach number), or null when it is none of them. */
        private static Object planned(Reminder.Trigger trigger, String when) {
            try {
                if (when.matches("\\d+") && trigger != Reminder.Trigger.BEFORE) {
                    return Integer.valueOf(when);
                }
                if (when.startsWith("P") || when.startsWith("p")) {
                    return Duration.parse(when);
                }
                return trigger == Reminder.Trigger.BREACH ? null : Double.valueOf(when);
            } catch (RuntimeException e) {
                return null;
            }
        }

        boolean matches(Assessment.Planned p) {
            if ((deadline != null && deadline != p.deadline())
                    || (trigger != null && trigger != p.trigger())
                    || (recipient != null && recipient != p.recipient())
                    || (workingTimeOnly != null && workingTimeOnly != p.workingTimeOnly())) {
                return false;
            }
            if (when == null) {
                return true;
            }
            Object value = planned(p.trigger(), when);
            return p.trigger() == Reminder.Trigger.BREACH
                    ? Integer.valueOf(p.breach()).equals(value)
                    : value instanceof Double share
                            ? share.equals(p.elapsed())
                            : value != null && value.equals(p.before());
        }

        /** A planned reminder in the scenario's form, for failure messages. */
        static String of(Assessment.Planned p) {
            String when = p.trigger() == Reminder.Trigger.BREACH
                    ? String.valueOf(p.breach())
                    : p.elapsed() != null ? String.valueOf(p.elapsed()) : written(p.before());
            return p.deadline() + " " + p.trigger() + " " + when + " " + p.recipient()
                    + (p.workingTimeOnly() ? " " + IN_WORKING_TIME : "");
        }

        /** A duration as a trainer writes it: P1D rather than Java's PT24H. */
        private static String written(Duration duration) {
            return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
        }

        @Override
        public String toString() {
            return (deadline == null ? "*" : deadline) + " " + (trigger == null ? "*" : trigger) + " "
                    + (when == null ? "*" : when)
                    + " " + (recipient == null ? "*" : recipient)
                    + (workingTimeOnly == null ? "" : workingTimeOnly ? " " + IN_WORKING_TIME : " " + AT_ANY_TIME);
        }
    }

    /** An {@code absent} entry that names a text code, or a code prefix ending in {@code *} ({@code safety.*}); anything else is a phrase. */
    private static final Pattern CODE_OR_PREFIX =
            Pattern.compile("(?:action|caution|reason|step|safety|detail|warning|remind)\\.[a-z0-9._-]*\\*?");

    /** How many of the heaviest principles {@code topPrinciples} looks among. */
    static final int TOP = 3;

    /**
     * Every expectation that does not hold, in words; empty when the scenario passes. {@code texts}
     * (the rule set's wording) lets {@code absent} name a phrase that must appear in no text of the
     * advice, in any language, as well as a code.
     */
    List<Text> failures(Evaluation evaluation, TextCatalogue texts) {
        Assessment a = evaluation.assessment();
        Expectations e = expect;
        List<Text> failures = new ArrayList<>();
        equal(failures, "kanoFactor", e.kanoFactor(), a.getKanoFactor());
        equal(failures, "qualityDimension", e.qualityDimension(), a.getQualityDimension());
        equal(failures, "priority", e.priority(), a.getPriority());
        atLeast(failures, "priority", e.priorityAtLeast(), a.getPriority());
        atMost(failures, "priority", e.priorityAtMost(), a.getPriority());
        equal(failures, "escalation", e.escalation(), a.getEscalation());
        atLeast(failures, "escalation", e.escalationAtLeast(), a.getEscalation());
        atMost(failures, "escalation", e.escalationAtMost(), a.getEscalation());
        within(failures, "respondWithin", e.respondWithin(), a.getRespondWithin());
        within(failures, "resolveWithin", e.resolveWithin(), a.getResolveWithin());
        within(failures, "followUpWithin", e.followUpWithin(), a.getFollowUpWithin());
        equal(failures, "survey", e.survey(), e.survey() == null ? null : a.isSurvey());
        equal(failures, "satisfactionGap", e.satisfactionGap(), a.getSatisfactionGap());
        contains(failures, "causes", e.causes(), a.getCauses());
        absent(failures, "causes", e.causesAbsent(), a.getCauses());
        if (Boolean.TRUE.equals(e.noCauses()) && !a.getCauses().isEmpty()) {
            failures.add(Text.of("scenario.no-causes", a.getCauses()));
        }
        contains(failures, "principles", e.principles(), a.getPrinciples().keySet());
        absent(failures, "principles", e.principlesAbsent(), a.getPrinciples().keySet());
        if (e.topPrinciples() != null) {
            List<Principle> top = a.getPrinciples().entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<Principle, Assessment.Weighted> p) ->
                                    -p.getValue().weight())
                            .thenComparing(Map.Entry::getKey))
                    .limit(TOP)
                    .map(Map.Entry::getKey)
                    .toList();
            for (Principle p : e.topPrinciples()) {
                if (!top.contains(p)) {
                    failures.add(Text.of("scenario.top-principles", p, TOP, top));
                }
            }
        }
        contains(failures, "steps", e.steps(), a.getSteps().keySet());
        if (e.stepActions() != null) {
            e.stepActions()
                    .forEach((step, codes) -> contains(
                            failures, "stepActions." + step, codes, a.getSteps().getOrDefault(step, Set.of())));
        }
        contains(failures, "actions", e.actions(), a.getActions().keySet());
        absent(failures, "actions", e.actionsAbsent(), a.getActions().keySet());
        contains(failures, "cautions", e.cautions(), a.getCautions());
        absent(failures, "cautions", e.cautionsAbsent(), a.getCautions());
        contains(failures, "firedRules", e.firedRules(), evaluation.firedRules());
        absent(failures, "firedRules", e.notFiredRules(), evaluation.firedRules());
        equal(failures, "kind", e.kind(), a.getKind());
        equal(failures, "fault", e.fault(), a.getFault());
        contains(failures, "referral", e.referral(), a.getReferral());
        absent(failures, "referral", e.referralAbsent(), a.getReferral());
        contains(failures, "safetySteps", e.safetySteps(), a.getSafetySteps());
        contains(failures, "missingDetails", e.missingDetails(), a.getMissingDetails());
        contains(failures, "warnings", e.warnings(), a.getWarnings());
        reminders(failures, e, a.getReminders());
        if (e.absent() != null) {
            Set<String> codes = codes(a);
            for (String unwanted : e.absent()) {
                if (CODE_OR_PREFIX.matcher(unwanted).matches()) {
                    boolean prefix = unwanted.endsWith("*");
                    String stem = prefix ? unwanted.substring(0, unwanted.length() - 1) : unwanted;
                    codes.stream()
                            .filter(code -> prefix ? code.startsWith(stem) : code.equals(stem))
                            .forEach(code -> failures.add(Text.of("scenario.absent-code", unwanted, code)));
                } else if (texts != null) {
                    for (String code : codes) {
                        for (Language language : Language.values()) {
                            String text = texts.text(code, language);
                            if (text.contains(unwanted)) {
                                failures.add(Text.of("scenario.absent-text", unwanted, code, language.tag(), text));
                            }
                        }
                    }
                }
            }
        }
        return failures;
    }

    private static void reminders(List<Text> failures, Expectations e, List<Assessment.Planned> planned) {
        List<String> written = planned.stream().map(ReminderPattern::of).toList();
        if (e.reminders() != null) {
            for (ReminderPattern wanted : e.reminders()) {
                if (planned.stream().noneMatch(wanted::matches)) {
                    failures.add(Text.of("scenario.reminder-missing", wanted, written));
                }
            }
        }
        if (e.remindersAbsent() != null) {
            for (ReminderPattern unwanted : e.remindersAbsent()) {
                planned.stream()
                        .filter(unwanted::matches)
                        .forEach(p -> failures.add(
                                Text.of("scenario.reminder-absent", unwanted, ReminderPattern.of(p), p.rule())));
            }
        }
        if (Boolean.TRUE.equals(e.noReminders()) && !planned.isEmpty()) {
            failures.add(Text.of("scenario.no-reminders", written));
        }
    }

    /** Every text code the advice holds, wherever it stands (steps, actions, cautions, reasons, safety, details, warnings, reminders). */
    private static Set<String> codes(Assessment a) {
        Set<String> codes = new LinkedHashSet<>();
        a.getSteps().values().forEach(codes::addAll);
        codes.addAll(a.getActions().keySet());
        codes.addAll(a.getCautions());
        a.getPrinciples().values().forEach(w -> codes.add(w.reason()));
        codes.addAll(a.getSafetySteps());
        codes.addAll(a.getWarnings());
        a.getReminders().forEach(p -> codes.add(p.code()));
        for (String detail : a.getMissingDetails()) {
            if (RuleIndex.TEXT_CODE.matcher(detail).matches()) {
                codes.add(detail);
            }
        }
        return codes;
    }

    private static void equal(List<Text> failures, String what, Object expected, Object actual) {
        if (expected != null && !expected.equals(actual)) {
            failures.add(Text.of("scenario.equal", what, expected, actual));
        }
    }

    private static <T extends Comparable<T>> void atLeast(List<Text> failures, String what, T expected, T actual) {
        if (expected != null && (actual == null || actual.compareTo(expected) < 0)) {
            failures.add(Text.of("scenario.at-least", what, expected, actual));
        }
    }

    private static <T extends Comparable<T>> void atMost(List<Text> failures, String what, T expected, T actual) {
        if (expected != null && (actual == null || actual.compareTo(expected) > 0)) {
            failures.add(Text.of("scenario.at-most", what, expected, actual));
        }
    }

    private static void within(List<Text> failures, String what, Duration expected, Duration actual) {
        if (expected != null && (actual == null || actual.compareTo(expected) > 0)) {
            failures.add(Text.of("scenario.within", what, expected, actual));
        }
    }

    private static <T> void contains(List<Text> failures, String what, List<T> expected, Collection<T> actual) {
        if (expected == null) {
            return;
        }
        for (T item : expected) {
            if (!actual.contains(item)) {
                failures.add(Text.of("scenario.contains", what, item, actual));
            }
        }
    }

    private static <T> void absent(List<Text> failures, String what, List<T> unexpected, Collection<T> actual) {
        if (unexpected == null) {
            return;
        }
        for (T item : unexpected) {
            if (actual.contains(item)) {
                failures.add(Text.of("scenario.absent", what, item));
            }
        }
    }
}
