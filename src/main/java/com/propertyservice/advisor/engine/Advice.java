package com.propertyservice.advisor.engine;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Handling advice for one incident, as the contract defines it. Texts are in {@link #language()}.
 *
 * @param issue             the catalogue key the advice is for
 * @param kind              the kind of contact the rules settled on (a complaint may have become an emergency)
 * @param safetySteps       for an emergency, what to do first, in order, before any handling step; empty otherwise
 * @param kanoFactor        Kano factor of the service item at issue
 * @param qualityDimension  the SERVQUAL dimension most at stake
 * @param fault             whether our own service or handling is at fault; {@code UNKNOWN}: verify before admitting or denying
 * @param complaintCauses   why we are at fault; empty unless {@code fault} is {@code OURS}
 * @param priority          handling priority
 * @param respondWithin     target for the first response
 * @param resolveWithin     target for the resolution
 * @param escalation        who inside the company must take it on
 * @param referral          outside bodies to bring in, empty when none
 * @param principles        the principles that apply, heaviest first
 * @param steps             the handling steps in handling order, each with its tailored actions
 * @param actions           concrete things to do, toward the complainant and toward whoever can fix the cause
 * @param cautions          what not to do
 * @param missingDetails    what the supervisor should still find out: contract field names (e.g. {@code location})
 *                          or short texts
 * @param warnings          inputs that contradict each other or the catalogue; the advice still stands
 * @param followUp          the return visit
 * @param reminders         the follow-through it plans: reminders before its deadlines pass and whom to tell on a
 *                          breach; empty in advice stored before contract 1.2
 * @param satisfactionGap   perception − expectation when both are known, else {@code null}
 * @param ruleSetVersion    the version of the rules that produced it
 * @param firedRules        the rules that fired, in firing order
 * @param language          the language of the texts
 */
public record Advice(
        String issue,
        @Nullable ContactKind kind,
        List<String> safetySteps,
        @Nullable KanoFactor kanoFactor,
        @Nullable QualityDimension qualityDimension,
        @Nullable Fault fault,
        List<ComplaintCause> complaintCauses,
        @Nullable Priority priority,
        @Nullable Duration respondWithin,
        @Nullable Duration resolveWithin,
        @Nullable Escalation escalation,
        List<Referral> referral,
        List<PrincipleAdvice> principles,
        List<StepAdvice> steps,
        List<ActionAdvice> actions,
        List<String> cautions,
        List<String> missingDetails,
        List<String> warnings,
        @Nullable FollowUp followUp,
        List<Reminder> reminders,
        @Nullable Integer satisfactionGap,
        String ruleSetVersion,
        List<String> firedRules,
        Language language) {

    /** Lists are never null: advice stored before contract 1.1 has none of the new ones, and reads as empty. */
    public Advice {
        safetySteps = copy(safetySteps);
        complaintCauses = copy(complaintCauses);
        referral = copy(referral);
        principles = copy(principles);
        steps = copy(steps);
        actions = copy(actions);
        cautions = copy(cautions);
        missingDetails = copy(missingDetails);
        warnings = copy(warnings);
        reminders = copy(reminders);
        firedRules = copy(firedRules);
    }

    private static <T> List<T> copy(@Nullable List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /**
     * A principle that applies.
     *
     * @param code   the principle
     * @param weight how much it matters here; heavier first
     * @param reason why it applies, in the trainer's words
     */
    public record PrincipleAdvice(Principle code, int weight, String reason) {}

    /**
     * A handling step with the actions tailored to the case.
     *
     * @param code    the step
     * @param actions what to do in this step, in order
     */
    public record StepAdvice(HandlingStep code, List<String> actions) {
        public StepAdvice {
            actions = List.copyOf(actions);
        }
    }

    /**
     * A concrete action.
     *
     * @param text      what to do
     * @param principle the principle it serves, or {@code null}
     * @param rule      the rule that proposed it
     * @param code      the text code it was written from
     */
    public record ActionAdvice(
            String text,
            @Nullable Principle principle,
            @Nullable String rule,
            String code) {}

    /**
     * The return visit (回访).
     *
     * @param within when to visit, counted from the resolution
     * @param survey whether to measure satisfaction on the visit
     */
    public record FollowUp(Duration within, boolean survey) {}
}
