package com.propertyservice.advisor.engine.internal;

import com.propertyservice.advisor.engine.ComplaintCause;
import com.propertyservice.advisor.engine.Escalation;
import com.propertyservice.advisor.engine.HandlingStep;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.Principle;
import com.propertyservice.advisor.engine.Priority;
import com.propertyservice.advisor.engine.QualityDimension;
import com.propertyservice.advisor.engine.fact.Assessment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trainer scenario: an incident and what its advice must show. See {@code docs/rules-authoring.md}
 * for the file format; {@link ScenarioLoader} reads it and lists the expectation keys.
 */
public record Scenario(String file, String name, String description, Incident incident, Expectations expect) {

    /** What the advice must show; {@code null} fields are not checked. */
    public record Expectations(KanoFactor kanoFactor, QualityDimension qualityDimension,
                               Priority priority, Priority priorityAtLeast, Priority priorityAtMost,
                               Escalation escalation, Escalation escalationAtLeast, Escalation escalationAtMost,
                               Duration respondWithin, Duration resolveWithin, Duration followUpWithin, Boolean survey,
                               List<ComplaintCause> causes, List<ComplaintCause> causesAbsent, Boolean noCauses,
                               List<Principle> principles, List<Principle> principlesAbsent, List<Principle> topPrinciples,
                               List<HandlingStep> steps, Map<HandlingStep, List<String>> stepActions,
                               List<String> actions, List<String> actionsAbsent,
                               List<String> cautions, List<String> cautionsAbsent,
                               Integer satisfactionGap, List<String> firedRules, List<String> notFiredRules) {
    }

    /** How many of the heaviest principles {@code topPrinciples} looks among. */
    static final int TOP = 3;

    /** Every expectation that does not hold, in words; empty when the scenario passes. */
    public List<String> check(Evaluation evaluation) {
        Assessment a = evaluation.assessment();
        Expectations e = expect;
        List<String> failures = new ArrayList<>();
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
            failures.add("noCauses: expected no complaint cause but got " + a.getCauses());
        }
        contains(failures, "principles", e.principles(), a.getPrinciples().keySet());
        absent(failures, "principles", e.principlesAbsent(), a.getPrinciples().keySet());
        if (e.topPrinciples() != null) {
            List<Principle> top = a.getPrinciples().entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<Principle, Assessment.Weighted> p) -> -p.getValue().weight()).thenComparing(Map.Entry::getKey))
                    .limit(TOP).map(Map.Entry::getKey).toList();
            for (Principle p : e.topPrinciples()) {
                if (!top.contains(p)) {
                    failures.add("topPrinciples: expected " + p + " among the " + TOP + " heaviest principles but they are " + top);
                }
            }
        }
        contains(failures, "steps", e.steps(), a.getSteps().keySet());
        if (e.stepActions() != null) {
            e.stepActions().forEach((step, codes) -> contains(failures, "stepActions." + step, codes,
                    a.getSteps().getOrDefault(step, Set.of())));
        }
        contains(failures, "actions", e.actions(), a.getActions().keySet());
        absent(failures, "actions", e.actionsAbsent(), a.getActions().keySet());
        contains(failures, "cautions", e.cautions(), a.getCautions());
        absent(failures, "cautions", e.cautionsAbsent(), a.getCautions());
        contains(failures, "firedRules", e.firedRules(), evaluation.firedRules());
        absent(failures, "firedRules", e.notFiredRules(), evaluation.firedRules());
        return failures;
    }

    private static void equal(List<String> failures, String what, Object expected, Object actual) {
        if (expected != null && !expected.equals(actual)) {
            failures.add(what + ": expected " + expected + " but got " + actual);
        }
    }

    private static <T extends Comparable<T>> void atLeast(List<String> failures, String what, T expected, T actual) {
        if (expected != null && (actual == null || actual.compareTo(expected) < 0)) {
            failures.add(what + ": expected at least " + expected + " but got " + actual);
        }
    }

    private static <T extends Comparable<T>> void atMost(List<String> failures, String what, T expected, T actual) {
        if (expected != null && (actual == null || actual.compareTo(expected) > 0)) {
            failures.add(what + ": expected at most " + expected + " but got " + actual);
        }
    }

    private static void within(List<String> failures, String what, Duration expected, Duration actual) {
        if (expected != null && (actual == null || actual.compareTo(expected) > 0)) {
            failures.add(what + ": expected " + expected + " or sooner but got " + actual);
        }
    }

    private static <T> void contains(List<String> failures, String what, List<T> expected, java.util.Collection<T> actual) {
        if (expected == null) {
            return;
        }
        for (T item : expected) {
            if (!actual.contains(item)) {
                failures.add(what + ": expected " + item + " but the advice has " + actual);
            }
        }
    }

    private static <T> void absent(List<String> failures, String what, List<T> unexpected, java.util.Collection<T> actual) {
        if (unexpected == null) {
            return;
        }
        for (T item : unexpected) {
            if (actual.contains(item)) {
                failures.add(what + ": expected no " + item + " but the advice has it");
            }
        }
    }
}
