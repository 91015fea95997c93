package com.propertyservice.advisor.engine.fact;

import com.propertyservice.advisor.engine.CausedBy;
import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Temperament;
import com.propertyservice.advisor.engine.ComplaintCause;
import com.propertyservice.advisor.engine.Escalation;
import com.propertyservice.advisor.engine.HandlingStep;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.Principle;
import com.propertyservice.advisor.engine.Priority;
import com.propertyservice.advisor.engine.QualityDimension;
import com.propertyservice.advisor.engine.ServiceArea;
import org.kie.api.definition.type.Modifies;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The one fact the rules work on: the incident, read only, and what the rules conclude about it.
 * One instance per evaluation, never shared. A single fact (rather than an input fact and a
 * result fact) lets every decision-table row and DSL sentence bind the same pattern, so a row
 * whose only conditions are on the input can still write conclusions with {@code modify}.
 *
 * <p>The input getters are JavaBean style because rule constraints read JavaBean properties.
 *
 * <p>The operations are monotonic where several rules may speak to the same thing: priority and
 * escalation can only be raised, time targets only tightened, a principle keeps its heaviest
 * weight. The outcome therefore does not depend on the order in which rows of a matrix fire.
 * Advice wording is never held here: rules pass text codes ({@code action.*}, {@code caution.*},
 * {@code reason.*}, {@code step.*}) that the engine resolves in the caller's language.
 */
public final class Assessment {

    /**
     * Conclusions that are advice only: no rule condition may read them, so rules write them with a
     * plain call ({@code $a.raisePriority(...)}) instead of {@code modify}, which spares the engine a
     * network update per sentence (about four times the throughput, see docs/performance.md). The
     * compiler rejects a condition that reads one of them, because it would not see later changes.
     */
    public static final java.util.Set<String> OUTPUT_ONLY = java.util.Set.of("priority", "escalation", "respondWithin",
            "resolveWithin", "followUpWithin", "survey", "principles", "steps", "actions", "cautions");

    /** A principle's weight and the text code of the reason that gave it that weight. */
    public record Weighted(int weight, String reason, String rule) {
    }

    /** A proposed action: its text code, the principle it serves and the rule that proposed it. */
    public record Proposed(String code, Principle principle, String rule) {
    }

    private final Incident incident;
    private boolean classified;
    private ServiceArea catalogueArea;
    private KanoFactor kanoFactor;
    private QualityDimension qualityDimension;
    private boolean atFault;
    private final Set<ComplaintCause> causes = EnumSet.noneOf(ComplaintCause.class);
    private Priority priority;
    private Escalation escalation;
    private Duration respondWithin;
    private Duration resolveWithin;
    private Duration followUpWithin;
    private boolean survey;
    private Integer satisfactionGap;
    private final Map<Principle, Weighted> principles = new EnumMap<>(Principle.class);
    private final Map<HandlingStep, Set<String>> steps = new EnumMap<>(HandlingStep.class);
    private final Map<String, Proposed> actions = new LinkedHashMap<>();
    private final Set<String> cautions = new LinkedHashSet<>();
    private final Set<String> flags = new LinkedHashSet<>();
    private String currentRule;

    public Assessment(Incident incident) {
        this.incident = incident;
    }

    // ---- the incident (read only) -----------------------------------------------------------

    public Channel getChannel() { return incident.channel(); }
    public String getCommunity() { return incident.community(); }
    public ServiceArea getServiceArea() { return incident.serviceArea(); }
    public String getIssue() { return incident.issue(); }
    public String getSummary() { return incident.summary(); }
    public CausedBy getCausedBy() { return incident.causedBy(); }
    public boolean isWithinJurisdiction() { return incident.withinJurisdiction(); }
    public ComplainantRole getRole() { return incident.complainant().role(); }
    public Emotion getEmotion() { return incident.complainant().emotion(); }
    /** The complainant's temperament, or {@code null} when nobody judged it. */
    public Temperament getTemperament() { return incident.complainant().temperament(); }
    public boolean isVulnerable() { return incident.complainant().vulnerable(); }
    public int getPreviousComplaints() { return incident.complainant().previousComplaints(); }
    /** Whether a promise was made, to the complainant or by the offender. */
    public boolean isPromiseMade() { return incident.promise() != null && incident.promise().made(); }
    /** Whether a promise was made and kept; false when none was made. */
    public boolean isPromiseKept() { return isPromiseMade() && incident.promise().kept(); }
    public int getOccurrences() { return incident.occurrences(); }
    public boolean isSafetyRisk() { return incident.safetyRisk(); }
    public int getAffectedHouseholds() { return incident.affectedHouseholds(); }
    /** The owner's expectation 1..5, or {@code null} when unknown. */
    public Integer getExpectation() { return incident.expectation(); }
    /** The owner's perceived service 1..5, or {@code null} when unknown. */
    public Integer getPerception() { return incident.perception(); }
    /** Hour of the day the incident was reported (0..23), in the reporter's offset. */
    public int getReportedHour() { return incident.reportedAt().getHour(); }


    // ---- classification -------------------------------------------------------------------

    /** Records the catalogue entry for the incident's issue key. */
    @Modifies({"classified", "catalogueArea", "kanoFactor", "qualityDimension"})
    public void classify(ServiceArea area, KanoFactor kano, QualityDimension dimension) {
        this.classified = true;
        this.catalogueArea = area;
        this.kanoFactor = kano;
        this.qualityDimension = dimension;
    }

    public boolean isClassified() { return classified; }
    public ServiceArea getCatalogueArea() { return catalogueArea; }
    public KanoFactor getKanoFactor() { return kanoFactor; }
    public void setKanoFactor(KanoFactor kanoFactor) { this.kanoFactor = kanoFactor; }
    public QualityDimension getQualityDimension() { return qualityDimension; }
    public void setQualityDimension(QualityDimension qualityDimension) { this.qualityDimension = qualityDimension; }

    // ---- fault and causes -----------------------------------------------------------------

    public boolean isAtFault() { return atFault; }
    public void setAtFault(boolean atFault) { this.atFault = atFault; }
    public Set<ComplaintCause> getCauses() { return Collections.unmodifiableSet(causes); }

    @Modifies({"causes"})
    public void addCause(ComplaintCause cause) {
        causes.add(cause);
    }

    // ---- priority, targets, escalation ----------------------------------------------------

    public Priority getPriority() { return priority; }
    public Escalation getEscalation() { return escalation; }
    public Duration getRespondWithin() { return respondWithin; }
    public Duration getResolveWithin() { return resolveWithin; }

    /** Raises the priority to at least {@code level}; never lowers it. */
    @Modifies({"priority"})
    public void raisePriority(Priority level) {
        if (priority == null || level.compareTo(priority) > 0) {
            priority = level;
        }
    }

    /** Raises the escalation to at least {@code level}; never lowers it. */
    @Modifies({"escalation"})
    public void raiseEscalation(Escalation level) {
        if (escalation == null || level.compareTo(escalation) > 0) {
            escalation = level;
        }
    }

    /** Tightens the response target to at most the ISO-8601 duration given (e.g. {@code PT30M}). */
    @Modifies({"respondWithin"})
    public void respondWithin(String isoDuration) {
        respondWithin = shorter(respondWithin, isoDuration);
    }

    /** Tightens the resolution target to at most the ISO-8601 duration given (e.g. {@code P3D}). */
    @Modifies({"resolveWithin"})
    public void resolveWithin(String isoDuration) {
        resolveWithin = shorter(resolveWithin, isoDuration);
    }

    // ---- follow-up and satisfaction -------------------------------------------------------

    public Duration getFollowUpWithin() { return followUpWithin; }
    public boolean isSurvey() { return survey; }

    /** Brings the return visit forward to at most the ISO-8601 duration given. */
    @Modifies({"followUpWithin"})
    public void followUpWithin(String isoDuration) {
        followUpWithin = shorter(followUpWithin, isoDuration);
    }

    public void setSurvey(boolean survey) { this.survey = survey; }
    public Integer getSatisfactionGap() { return satisfactionGap; }
    public void setSatisfactionGap(Integer satisfactionGap) { this.satisfactionGap = satisfactionGap; }

    // ---- principles, steps, actions, cautions ---------------------------------------------

    public Map<Principle, Weighted> getPrinciples() { return Collections.unmodifiableMap(principles); }

    /** Brings a principle in with a weight and a reason; where it is already in, the heavier weight wins. */
    @Modifies({"principles"})
    public void principle(Principle principle, int weight, String reasonCode) {
        Weighted current = principles.get(principle);
        if (current == null || weight > current.weight()) {
            principles.put(principle, new Weighted(weight, reasonCode, currentRule));
        }
    }

    public Map<HandlingStep, Set<String>> getSteps() { return Collections.unmodifiableMap(steps); }

    /** Adds a tailored action (a text code) to a handling step. */
    @Modifies({"steps"})
    public void step(HandlingStep step, String actionCode) {
        steps.computeIfAbsent(step, s -> new LinkedHashSet<>()).add(actionCode);
    }

    public Map<String, Proposed> getActions() { return Collections.unmodifiableMap(actions); }

    /** Proposes a concrete action (a text code) serving a principle. */
    @Modifies({"actions"})
    public void action(String actionCode, Principle principle) {
        actions.putIfAbsent(actionCode, new Proposed(actionCode, principle, currentRule));
    }

    /** Proposes a concrete action (a text code) that serves no principle in particular. */
    @Modifies({"actions"})
    public void action(String actionCode) {
        action(actionCode, null);
    }

    public Set<String> getCautions() { return Collections.unmodifiableSet(cautions); }

    /** Adds a caution (a text code): something not to do in this case. */
    @Modifies({"cautions"})
    public void caution(String cautionCode) {
        cautions.add(cautionCode);
    }

    public Set<String> getFlags() { return Collections.unmodifiableSet(flags); }

    /** Marks a derived fact (e.g. {@code REPEAT}) that later rules can test with {@code flags contains}. */
    @Modifies({"flags"})
    public void flag(String name) {
        flags.add(name);
    }

    /** Set by the engine before each rule fires, so advice can name the rule that gave it. */
    public void firing(String ruleName) {
        this.currentRule = ruleName;
    }

    /** Rules repeat a handful of literal durations; parsing each call with a regex showed in the profile. */
    private static final java.util.Map<String, Duration> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Duration shorter(Duration current, String isoDuration) {
        Duration candidate = PARSED.get(isoDuration);
        if (candidate == null) {
            try {
                candidate = Duration.parse(isoDuration);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + isoDuration + "' is not an ISO-8601 duration such as PT30M, PT4H or P3D", e);
            }
            if (PARSED.size() < 1_000) { // literals in rule files, not caller input; bounded all the same
                PARSED.put(isoDuration, candidate);
            }
        }
        return current == null || candidate.compareTo(current) < 0 ? candidate : current;
    }
}
