package com.propertyservice.advisor.engine.fact;

import com.propertyservice.advisor.engine.CausedBy;
import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.ComplainantSide;
import com.propertyservice.advisor.engine.ComplaintCause;
import com.propertyservice.advisor.engine.ContactKind;
import com.propertyservice.advisor.engine.Deadline;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Escalation;
import com.propertyservice.advisor.engine.Fault;
import com.propertyservice.advisor.engine.HandlingStep;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.Principle;
import com.propertyservice.advisor.engine.Priority;
import com.propertyservice.advisor.engine.QualityDimension;
import com.propertyservice.advisor.engine.Recipient;
import com.propertyservice.advisor.engine.Referral;
import com.propertyservice.advisor.engine.Reminder;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.engine.Temperament;
import com.propertyservice.advisor.engine.Weekday;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.kie.api.definition.type.Modifies;

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
    public static final Set<String> OUTPUT_ONLY = Set.of(
            "priority",
            "escalation",
            "respondWithin",
            "resolveWithin",
            "followUpWithin",
            "survey",
            "principles",
            "steps",
            "actions",
            "cautions",
            "safetySteps",
            "referral",
            "missingDetails",
            "warnings",
            "reminders");

    /** A principle's weight and the text code of the reason that gave it that weight. */
    public record Weighted(
            int weight, String reason, @Nullable String rule) {}

    /** A proposed action: its text code, the principle it serves and the rule that proposed it. */
    public record Proposed(
            String code,
            @Nullable Principle principle,
            @Nullable String rule) {}

    /**
     * A reminder or breach escalation a row of the reminder table planned, before it is put into words.
     *
     * @param deadline  the promise it watches
     * @param trigger   before the deadline passes or on a breach
     * @param elapsed   BEFORE: the share of the target passed when it goes, or null
     * @param before    BEFORE: how long before the deadline it goes, or null
     * @param breach    BREACH: which breach of the incident it answers (1, 2, ...); 0 for BEFORE
     * @param recipient who is told
     * @param code      the text code of what they are told
     * @param rule      the rule that planned it
     */
    public record Planned(
            Deadline deadline,
            Reminder.Trigger trigger,
            @Nullable Double elapsed,
            @Nullable Duration before,
            int breach,
            Recipient recipient,
            String code,
            @Nullable String rule,
            boolean workingTimeOnly) {

        /** Two plans are the same reminder when they say the same, whichever rule planned them and in what words. */
        boolean sameAs(Planned other) {
            return deadline == other.deadline
                    && trigger == other.trigger
                    && Objects.equals(elapsed, other.elapsed)
                    && Objects.equals(before, other.before)
                    && breach == other.breach
                    && recipient == other.recipient;
        }
    }

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private final Incident incident;
    /** The incident's wall-clock time where it was reported: its own offset, never the server's zone. */
    private final LocalDateTime local;

    private final LocalTimeOfReport reportedLocally;
    private final String localTime;
    private final String localDate;
    private ContactKind kind;
    private @Nullable String dayType;
    private @Nullable Fault rootFault;
    private @Nullable Fault fault;
    private final Set<String> failures = new LinkedHashSet<>();
    private boolean classified;
    private @Nullable ServiceArea catalogueArea;
    private @Nullable KanoFactor kanoFactor;
    private @Nullable QualityDimension qualityDimension;
    private boolean atFault;
    private final Set<ComplaintCause> causes = EnumSet.noneOf(ComplaintCause.class);
    private @Nullable Priority priority;
    private @Nullable Escalation escalation;
    private @Nullable Duration respondWithin;
    private @Nullable Duration resolveWithin;
    private @Nullable Duration followUpWithin;
    private boolean survey;
    private @Nullable Integer satisfactionGap;
    private final Map<Principle, Weighted> principles = new EnumMap<>(Principle.class);
    private final Map<HandlingStep, Set<String>> steps = new EnumMap<>(HandlingStep.class);
    private final Map<String, Proposed> actions = new LinkedHashMap<>();
    private final Set<String> cautions = new LinkedHashSet<>();
    private final Set<String> flags = new LinkedHashSet<>();
    private final Set<String> safetySteps = new LinkedHashSet<>();
    private final Set<Referral> referrals = new LinkedHashSet<>();
    private final Set<String> missingDetails = new LinkedHashSet<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private final List<Planned> reminders = new ArrayList<>();
    /** The rules (rows of the reminder table) whose reminders of a trigger go only in working time. */
    private final Map<Reminder.Trigger, Set<String>> inWorkingTime = new EnumMap<>(Reminder.Trigger.class);

    private @Nullable String currentRule;

    public Assessment(Incident incident) {
        this.incident = incident;
        this.local = incident.reportedAt().toLocalDateTime();
        this.reportedLocally = new LocalTimeOfReport(local);
        this.localTime = local.format(HOUR_MINUTE);
        this.localDate = local.toLocalDate().toString();
        this.kind = incident.kind();
    }

    // ---- the incident (read only) -----------------------------------------------------------

    public Channel getChannel() {
        return incident.channel();
    }

    public String getCommunity() {
        return incident.community();
    }

    public ServiceArea getServiceArea() {
        return incident.serviceArea();
    }

    public String getIssue() {
        return incident.issue();
    }

    public String getSummary() {
        return incident.summary();
    }

    public CausedBy getCausedBy() {
        return incident.causedBy();
    }

    public boolean isWithinJurisdiction() {
        return incident.withinJurisdiction();
    }

    public ComplainantRole getRole() {
        return incident.complainant().role();
    }

    public Emotion getEmotion() {
        return incident.complainant().emotion();
    }
    /** The complainant's temperament, or {@code null} when nobody judged it. */
    public @Nullable Temperament getTemperament() {
        return incident.complainant().temperament();
    }

    public boolean isVulnerable() {
        return incident.complainant().vulnerable();
    }

    public int getPreviousComplaints() {
        return incident.complainant().previousComplaints();
    }
    /** Whether a promise was made, to the complainant or by the offender. */
    public boolean isPromiseMade() {
        return incident.promise() != null && incident.promise().made();
    }
    /** Whether a promise was made and kept; false when none was made. */
    public boolean isPromiseKept() {
        return isPromiseMade() && incident.promise().kept();
    }

    public int getOccurrences() {
        return incident.occurrences();
    }

    public boolean isSafetyRisk() {
        return incident.safetyRisk();
    }

    public int getAffectedHouseholds() {
        return incident.affectedHouseholds();
    }
    /** The owner's expectation 1..5, or {@code null} when unknown. */
    public @Nullable Integer getExpectation() {
        return incident.expectation();
    }
    /** The owner's perceived service 1..5, or {@code null} when unknown. */
    public @Nullable Integer getPerception() {
        return incident.perception();
    }
    /** The person's side of the problem: the wronged party, the offender, or a reporter. */
    public ComplainantSide getSide() {
        return incident.complainant().side();
    }
    /** The kind of contact as it was reported (see {@link #getKind()} for the kind the rules settled on). */
    public ContactKind getReportedKind() {
        return incident.kind();
    }
    /** Whether owners were told in advance of an outage or works; {@code null} when unknown. */
    public @Nullable Boolean getNoticeGiven() {
        return incident.noticeGiven();
    }
    /** Building, unit or spot; {@code null} when not given. */
    public @Nullable String getLocation() {
        return incident.location();
    }
    /** Whether the incident says "kept" for its promise, made or not (a kept promise never made is a contradiction). */
    public boolean isPromiseMarkedKept() {
        return incident.promise() != null && incident.promise().kept();
    }
    /** Whether the promise carries a due date. */
    public boolean isPromiseDueAtGiven() {
        return incident.promise() != null && incident.promise().dueAt() != null;
    }
    /** A promise made and not kept whose date has come (or that has no date): broken, not merely pending. */
    public boolean isPromiseBroken() {
        return isPromiseMade() && !isPromiseKept() && !isPromisePending();
    }
    /** A promise made and not kept whose due date lies after the report: still open, not broken yet. */
    public boolean isPromisePending() {
        return isPromiseMade()
                && !isPromiseKept()
                && incident.promise().dueAt() != null
                && incident.promise().dueAt().isAfter(incident.reportedAt());
    }
    /** A promise made, not kept, and past the due date it carries. */
    public boolean isPromiseOverdue() {
        return isPromiseBroken() && incident.promise().dueAt() != null;
    }

    // ---- the incident's local time (its own offset; a local time without offset was read in the default zone) ----

    /** When it was reported, as given. */
    public OffsetDateTime getReportedAt() {
        return incident.reportedAt();
    }
    /** Hour of the day the incident was reported (0..23), local. */
    public int getReportedHour() {
        return local.getHour();
    }
    /** Local time of day as {@code HH:mm}; compares as text in time order ({@code localTime >= "22:00"}). */
    public String getLocalTime() {
        return localTime;
    }
    /** Local date as {@code yyyy-MM-dd}; compares as text in date order, as the holiday tables do. */
    public String getLocalDate() {
        return localDate;
    }
    /** Local day of the week. */
    public Weekday getWeekday() {
        return Weekday.values()[local.getDayOfWeek().ordinal()];
    }

    /**
     * The local time of report, for windows: {@code reportedLocally.between("22:00", "06:00")} (a
     * window over midnight) or {@code reportedLocally.between("12:00", "14:00")} (a lunch break).
     */
    public LocalTimeOfReport getReportedLocally() {
        return reportedLocally;
    }

    /**
     * The kind of day the local date is ({@code REST_DAY} or {@code WORKDAY}), as the calendar rules decided it for
     * the {@link Day} of that date, or {@code null} before they have. A property of its own rather than a flag, so
     * that the quiet-hours rows reading it never re-trigger the rules that set it.
     */
    public @Nullable String getDayType() {
        return dayType;
    }

    @Modifies({"dayType"})
    public void setDayType(String dayType) {
        this.dayType = dayType;
    }

    // ---- the kind of contact ---------------------------------------------------------------

    /** The kind the rules settled on: as reported, unless a rule raised it to an emergency. */
    public ContactKind getKind() {
        return kind;
    }

    /** Treats the contact as an emergency; there is no way back, so no rule can lower an emergency. */
    @Modifies({"kind"})
    public void becomeEmergency() {
        this.kind = ContactKind.EMERGENCY;
    }

    // ---- classification -------------------------------------------------------------------

    /** Records the catalogue entry for the incident's issue key. */
    @Modifies({"classified", "catalogueArea", "kanoFactor", "qualityDimension"})
    public void classify(ServiceArea area, KanoFactor kano, QualityDimension dimension) {
        this.classified = true;
        this.catalogueArea = area;
        this.kanoFactor = kano;
        this.qualityDimension = dimension;
    }

    public boolean isClassified() {
        return classified;
    }

    public @Nullable ServiceArea getCatalogueArea() {
        return catalogueArea;
    }
    /** The catalogue's Kano factor for the service item; one owner's mood does not change it. */
    public @Nullable KanoFactor getKanoFactor() {
        return kanoFactor;
    }

    public @Nullable QualityDimension getQualityDimension() {
        return qualityDimension;
    }

    public void setQualityDimension(QualityDimension qualityDimension) {
        this.qualityDimension = qualityDimension;
    }

    // ---- fault and causes -----------------------------------------------------------------

    /** Whether we are at fault: {@code fault == OURS}. */
    public boolean isAtFault() {
        return atFault;
    }

    /** Whether our service or handling is at fault; {@code null} until a rule decides. */
    public @Nullable Fault getFault() {
        return fault;
    }

    /**
     * Raises the fault: NOT_OURS, then UNKNOWN, then OURS; never lowered, so a handling failure
     * (OURS) stands whatever a row about the root cause says, and rows can fire in any order.
     */
    @Modifies({"fault", "atFault"})
    public void raiseFault(Fault level) {
        if (fault == null || rank(level) > rank(fault)) {
            fault = level;
        }
        atFault = fault == Fault.OURS;
    }

    /** What the cause of the problem itself says about fault, apart from how we handled it; {@code null} until decided. */
    public @Nullable Fault getRootFault() {
        return rootFault;
    }

    /** Raises the fault as the cause of the problem itself gives it (and the overall fault with it). */
    @Modifies({"rootFault", "fault", "atFault"})
    public void raiseRootFault(Fault level) {
        if (rootFault == null || rank(level) > rank(rootFault)) {
            rootFault = level;
        }
        raiseFault(level);
    }

    /** The failures of our own handling found (e.g. {@code NO_NOTICE}, {@code PROMISE_BROKEN}, {@code LATE_RESPONSE}). */
    public Set<String> getFailures() {
        return Collections.unmodifiableSet(failures);
    }

    /** Records a failure of our handling: whatever caused the problem, the fault is then ours. */
    @Modifies({"failures", "fault", "atFault"})
    public void handlingFailure(String name) {
        failures.add(name);
        raiseFault(Fault.OURS);
    }

    /** Contract 1.0 rules said "at fault" with a boolean; true now means OURS and false NOT_OURS. */
    @Modifies({"fault", "atFault"})
    public void setAtFault(boolean atFault) {
        raiseFault(atFault ? Fault.OURS : Fault.NOT_OURS);
    }

    private static int rank(Fault level) {
        return switch (level) {
            case NOT_OURS -> 0;
            case UNKNOWN -> 1;
            case OURS -> 2;
        };
    }

    public Set<ComplaintCause> getCauses() {
        return Collections.unmodifiableSet(causes);
    }

    @Modifies({"causes"})
    public void addCause(ComplaintCause cause) {
        causes.add(cause);
    }

    // ---- priority, targets, escalation ----------------------------------------------------

    public @Nullable Priority getPriority() {
        return priority;
    }

    public @Nullable Escalation getEscalation() {
        return escalation;
    }

    public @Nullable Duration getRespondWithin() {
        return respondWithin;
    }

    public @Nullable Duration getResolveWithin() {
        return resolveWithin;
    }

    /** Raises the priority to at least {@code level}; never lowers it. */
    public void raisePriority(Priority level) {
        if (priority == null || level.compareTo(priority) > 0) {
            priority = level;
        }
    }

    /**
     * Raises the internal escalation to at least {@code level}; never lowers it. An outside body is a
     * referral since contract 1.1: a rule file that still says EXTERNAL_AUTHORITY here refers the case
     * to the authority instead, so the internal owner it also needs is never hidden.
     */
    public void raiseEscalation(Escalation level) {
        if (level == Escalation.EXTERNAL_AUTHORITY) {
            refer(Referral.EXTERNAL_AUTHORITY);
            level = Escalation.NONE;
        }
        if (escalation == null || level.compareTo(escalation) > 0) {
            escalation = level;
        }
    }

    public Set<Referral> getReferral() {
        return Collections.unmodifiableSet(referrals);
    }

    /** Brings an outside body in (advice only). */
    public void refer(Referral body) {
        referrals.add(body);
    }

    /** Tightens the response target to at most the ISO-8601 duration given (e.g. {@code PT30M}). */
    public void respondWithin(String isoDuration) {
        respondWithin = shorter(respondWithin, isoDuration);
    }

    /** Tightens the resolution target to at most the ISO-8601 duration given (e.g. {@code P3D}). */
    public void resolveWithin(String isoDuration) {
        resolveWithin = shorter(resolveWithin, isoDuration);
    }

    // ---- follow-up and satisfaction -------------------------------------------------------

    public @Nullable Duration getFollowUpWithin() {
        return followUpWithin;
    }

    public boolean isSurvey() {
        return survey;
    }

    /** Brings the return visit forward to at most the ISO-8601 duration given. */
    public void followUpWithin(String isoDuration) {
        followUpWithin = shorter(followUpWithin, isoDuration);
    }

    public void setSurvey(boolean survey) {
        this.survey = survey;
    }

    public @Nullable Integer getSatisfactionGap() {
        return satisfactionGap;
    }

    public void setSatisfactionGap(@Nullable Integer satisfactionGap) {
        this.satisfactionGap = satisfactionGap;
    }

    // ---- principles, steps, actions, cautions ---------------------------------------------

    public Map<Principle, Weighted> getPrinciples() {
        return Collections.unmodifiableMap(principles);
    }

    /** Brings a principle in with a weight and a reason; where it is already in, the heavier weight wins. */
    public void principle(Principle principle, int weight, String reasonCode) {
        Weighted current = principles.get(principle);
        if (current == null || weight > current.weight()) {
            principles.put(principle, new Weighted(weight, reasonCode, currentRule));
        }
    }

    public Map<HandlingStep, Set<String>> getSteps() {
        return Collections.unmodifiableMap(steps);
    }

    /** Adds a tailored action (a text code) to a handling step. */
    public void step(HandlingStep step, String actionCode) {
        steps.computeIfAbsent(step, s -> new LinkedHashSet<>()).add(actionCode);
    }

    public Map<String, Proposed> getActions() {
        return Collections.unmodifiableMap(actions);
    }

    /** Proposes a concrete action (a text code) serving a principle. */
    public void action(String actionCode, @Nullable Principle principle) {
        actions.putIfAbsent(actionCode, new Proposed(actionCode, principle, currentRule));
    }

    /** Proposes a concrete action (a text code) that serves no principle in particular. */
    public void action(String actionCode) {
        action(actionCode, null);
    }

    public Set<String> getCautions() {
        return Collections.unmodifiableSet(cautions);
    }

    /** Adds a caution (a text code): something not to do in this case. */
    public void caution(String cautionCode) {
        cautions.add(cautionCode);
    }

    public List<String> getSafetySteps() {
        return List.copyOf(safetySteps);
    }

    /**
     * Adds safety steps (text codes, comma-separated when several) in the order given; an emergency's
     * first things to do, before any of the five handling steps. A step already there keeps its place.
     */
    public void safety(String codes) {
        for (String code : codes.split(",")) {
            if (!code.isBlank()) {
                safetySteps.add(code.strip());
            }
        }
    }

    public Set<String> getMissingDetails() {
        return Collections.unmodifiableSet(missingDetails);
    }

    /** Something the supervisor should still find out: a contract field name or a {@code detail.*} text code. */
    public void missing(String detail) {
        missingDetails.add(detail);
    }

    public Set<String> getWarnings() {
        return Collections.unmodifiableSet(warnings);
    }

    /** An input that contradicts another or the catalogue (a {@code warning.*} text code); the advice still stands. */
    public void warn(String code) {
        warnings.add(code);
    }

    // ---- follow-through: reminders and breach escalations (advice only) -------------------

    /**
     * Reminds {@code recipient} of a deadline once {@code elapsed} of its target has passed (0.8: at
     * 80 %), with the text {@code code}. The share lies strictly between 0 and 1.
     */
    public void remindAt(Deadline deadline, double elapsed, Recipient recipient, String code) {
        if (!(elapsed > 0 && elapsed < 1)) {
            throw new IllegalArgumentException(
                    "a reminder goes when a share of the target has passed, between 0 and 1 such as 0.8" + " (80 %); "
                            + elapsed + " is not one");
        }
        plan(new Planned(deadline, Reminder.Trigger.BEFORE, elapsed, null, 0, recipient, code, currentRule, false));
    }

    /** Reminds {@code recipient} the ISO-8601 duration {@code before} ahead of a deadline (P1D: the day before). */
    public void remindBefore(Deadline deadline, String before, Recipient recipient, String code) {
        Duration ahead = parse(before);
        if (ahead.isNegative() || ahead.isZero()) {
            throw new IllegalArgumentException("a reminder goes some time before the deadline, such as P1D or PT2H; '"
                    + before + "' is not a time before it");
        }
        plan(new Planned(deadline, Reminder.Trigger.BEFORE, null, ahead, 0, recipient, code, currentRule, false));
    }

    /**
     * Tells {@code recipient} when the deadline passes unmet and that is the incident's {@code breach}-th
     * breach, counting every deadline (1: the first).
     */
    public void onBreach(Deadline deadline, int breach, Recipient recipient, String code) {
        if (breach < 1) {
            throw new IllegalArgumentException(
                    "which breach a message answers counts from 1 (the first breach of the incident); " + breach
                            + " is not one");
        }
        plan(new Planned(deadline, Reminder.Trigger.BREACH, null, null, breach, recipient, code, currentRule, false));
    }

    /**
     * Keeps the reminders of the {@code triggers} this rule plans to working time ({@code rules/calendar}): one that
     * would go outside it waits for the next working hours. {@code triggers} is BEFORE, BREACH or both, separated by
     * commas, as a table cell holds them; whatever column order the row has.
     */
    public void inWorkingTime(String triggers) {
        for (String trigger : triggers.split(",")) {
            Reminder.Trigger which;
            try {
                which = Reminder.Trigger.valueOf(trigger.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "'working time only' holds BEFORE (the reminders), BREACH (the breach messages) or"
                                + " both, separated by a comma; '" + trigger.strip() + "' is neither",
                        e);
            }
            inWorkingTime.computeIfAbsent(which, t -> new LinkedHashSet<>()).add(currentRule);
        }
    }

    private void plan(Planned planned) {
        for (Planned earlier : reminders) {
            if (earlier.sameAs(planned)) {
                return; // the first rule to plan a reminder keeps it; a second would only send it twice
            }
        }
        reminders.add(planned);
    }

    /**
     * The reminders planned for deadlines the advice sets a target for (a reminder about a deadline without
     * one has nothing to watch), in a stable order: by deadline, BEFORE then BREACH, then by when each goes
     * (the earlier reminder first; the first breach first), then by recipient.
     */
    public List<Planned> getReminders() {
        List<Planned> watched = new ArrayList<>(reminders.size());
        for (Planned p : reminders) {
            if (target(p.deadline()) != null) {
                boolean workingTime =
                        inWorkingTime.getOrDefault(p.trigger(), Set.of()).contains(p.rule());
                watched.add(
                        workingTime == p.workingTimeOnly()
                                ? p
                                : new Planned(
                                        p.deadline(),
                                        p.trigger(),
                                        p.elapsed(),
                                        p.before(),
                                        p.breach(),
                                        p.recipient(),
                                        p.code(),
                                        p.rule(),
                                        true));
            }
        }
        watched.sort(Comparator.comparing(Planned::deadline)
                .thenComparing(Planned::trigger)
                .thenComparing(this::goesAfterStart)
                .thenComparingInt(Planned::breach)
                .thenComparing(Planned::recipient));
        return watched;
    }

    /** How long after its clock starts a BEFORE reminder goes; zero for a breach (ordered by its number instead). */
    private Duration goesAfterStart(Planned p) {
        Duration target = target(p.deadline());
        if (p.trigger() == Reminder.Trigger.BREACH || target == null) {
            return Duration.ZERO;
        }
        if (p.elapsed() != null) {
            return Duration.ofMillis(Math.round(target.toMillis() * p.elapsed()));
        }
        Duration at = target.minus(p.before());
        return at.isNegative() ? Duration.ZERO : at;
    }

    private @Nullable Duration target(Deadline deadline) {
        return switch (deadline) {
            case RESPOND -> respondWithin;
            case RESOLVE -> resolveWithin;
            case FOLLOW_UP -> followUpWithin;
        };
    }

    public Set<String> getFlags() {
        return Collections.unmodifiableSet(flags);
    }

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
    private static final Map<String, Duration> PARSED = new ConcurrentHashMap<>();

    private static Duration shorter(@Nullable Duration current, String isoDuration) {
        Duration candidate = parse(isoDuration);
        return current == null || candidate.compareTo(current) < 0 ? candidate : current;
    }

    private static Duration parse(String isoDuration) {
        Duration candidate = PARSED.get(isoDuration);
        if (candidate == null) {
            try {
                candidate = Duration.parse(isoDuration);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "'" + isoDuration + "' is not an ISO-8601 duration such as PT30M, PT4H or P3D", e);
            }
            if (PARSED.size() < 1_000) { // literals in rule files, not caller input; bounded all the same
                PARSED.put(isoDuration, candidate);
            }
        }
        return candidate;
    }
}
