package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.Advice;
import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.Escalation;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.Priority;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.engine.UnknownIssueException;
import com.propertyservice.advisor.system.AdvisorProperties;
import com.propertyservice.advisor.system.ApiProblemException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Advice, incidents and follow-ups, for the REST API and the pages alike. Advice comes from the
 * one {@link Advisor}; a recorded incident keeps the advice exactly as it was given, with the
 * rule-set version and the fired rules, whatever the rules say later.
 */
@Service
public class IncidentService {

    /** The largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    /**
     * A recorded incident, and whether it was recorded by an earlier request with the same externalId
     * ({@code replayed}) rather than by this one.
     */
    public record Recording(IncidentView incident, boolean replayed) {}

    private final Advisor advisor;
    private final IncidentRepository incidents;
    private final ExternalIdRepository externalIds;
    private final TransactionTemplate transaction;
    private final FollowUpRepository followUps;
    private final IncidentStatistics statistics;
    private final AdviceMetrics metrics;
    private final JsonMapper json;
    // stored JSON was written by an earlier version: tolerate fields this one does not know
    private final ObjectReader storedAdvice;
    private final ObjectReader storedIncident;
    private final ZoneId defaultZone;

    private final FollowThroughRepository progress;
    private final FollowThrough followThrough;
    private final Clock clock;

    IncidentService(
            Advisor advisor,
            IncidentRepository incidents,
            ExternalIdRepository externalIds,
            FollowUpRepository followUps,
            IncidentStatistics statistics,
            AdviceMetrics metrics,
            JsonMapper json,
            PlatformTransactionManager transactions,
            AdvisorProperties properties,
            FollowThroughRepository progress,
            FollowThrough followThrough,
            Clock clock) {
        this.progress = progress;
        this.followThrough = followThrough;
        this.clock = clock;
        this.defaultZone = properties.defaultZone();
        this.advisor = advisor;
        this.incidents = incidents;
        this.externalIds = externalIds;
        this.transaction = new TransactionTemplate(transactions);
        this.followUps = followUps;
        this.statistics = statistics;
        this.metrics = metrics;
        this.json = json;
        this.storedAdvice = storedAdvice(json);
        this.storedIncident = json.readerFor(Incident.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Reads advice as stored: written by an earlier version, it may have fields this one does not know. */
    static ObjectReader storedAdvice(JsonMapper json) {
        return json.readerFor(Advice.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * The clock an incident reported without a time is dated by: the service's clock, in the zone of an incident
     * reported without an offset ({@code advisor.default-zone}).
     */
    public Clock reportingClock() {
        return clock.withZone(defaultZone);
    }

    /**
     * Advice for an incident, recording nothing.
     *
     * @throws UnknownIssueException when the issue key is not in the active catalogue
     */
    public Advice advise(Incident incident, Language language) {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(language, "language");
        return metrics.timed(() -> advisor.advise(incident, language));
    }

    /**
     * Records an incident with the advice it gets now.
     *
     * @param actor who records it: a username or {@code api-key:xxxx}
     * @throws UnknownIssueException when the issue key is not in the active catalogue (nothing is stored)
     */
    @Transactional
    public IncidentView record(Incident incident, Language language, String actor) {
        Objects.requireNonNull(actor, "actor");
        Advice advice = advise(incident, language);
        // microseconds, what both databases keep: the answer shows the times a later read (or a replay) gives
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        StoredIncident row = new StoredIncident(
                null,
                incident.externalId(),
                incident.reportedAt(),
                incident.channel().name(),
                incident.community(),
                incident.serviceArea().name(),
                incident.issue(),
                incident.summary(),
                incident.expectation(),
                incident.perception(),
                advice.satisfactionGap(),
                nameOf(advice.kanoFactor()),
                nameOf(advice.priority()),
                nameOf(advice.escalation()),
                language.tag(),
                json.writeValueAsString(incident),
                json.writeValueAsString(advice),
                advice.ruleSetVersion(),
                json.writeValueAsString(advice.firedRules()),
                IncidentStatus.OPEN.name(), // advised in the same step; open until the first response
                actor,
                now,
                now,
                null,
                null,
                null);
        OffsetDateTime resolveBy = advice.resolveWithin() == null ? null : now.plus(advice.resolveWithin());
        List<String> causes = advice.complaintCauses() == null
                ? List.of()
                : advice.complaintCauses().stream().map(Enum::name).toList();
        StoredIncident inserted = incidents.insert(row, resolveBy, causes);
        progress.deadlines(
                inserted.id(), advice.respondWithin() == null ? null : now.plus(advice.respondWithin()), resolveBy);
        progress.event(inserted.id(), TimelineEvent.Kind.RECORDED, actor, now, null, null, null);
        followThrough.planRecorded(inserted.id(), advice);
        return view(inserted);
    }

    /**
     * Records an incident once per caller and externalId: a request repeating an externalId the caller already
     * used gets the incident recorded first (nothing new is stored), however many instances the requests reach
     * and however they race: the database's key on (caller, externalId) decides, and the request that loses
     * reads the winner's incident. Without an externalId every request records a new incident.
     *
     * @param caller      who is asking, as {@link com.propertyservice.advisor.system.Callers#id} names them
     * @param fingerprint a hash of the request as sent; a repeat with another fingerprint is refused
     * @throws ApiProblemException 422 when the externalId was used before for a request with other content
     * @throws UnknownIssueException when the issue key is not in the active catalogue (a retry of the very
     *                               request recorded first still gets that record)
     */
    public Recording recordOnce(Incident incident, Language language, String actor, String caller, String fingerprint) {
        String externalId = incident.externalId();
        if (externalId == null || externalId.isEmpty()) {
            return new Recording(record(incident, language, actor), false);
        }
        for (int attempt = 1; ; attempt++) {
            Optional<Recording> earlier = earlier(incident, caller, externalId, fingerprint);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            try {
                IncidentView recorded = transaction.execute(status -> {
                    IncidentView view = record(incident, language, actor);
                    externalIds.insert(caller, externalId, view.id(), fingerprint);
                    return view;
                });
                return new Recording(recorded, false);
            } catch (DuplicateKeyException raced) {
                // another request of this caller with this externalId committed first (or still holds the key
                // and rolled back): read what it recorded
                if (attempt >= 5) {
                    throw raced;
                }
            }
        }
    }

    private Optional<Recording> earlier(Incident incident, String caller, String externalId, String fingerprint) {
        return transaction.execute(status -> externalIds
                .find(caller, externalId)
                .map(claim -> {
                    if (!claim.requestHash().equals(fingerprint)) {
                        // a request that could never be recorded says so first: the caller has that to fix either way
                        List<String> known = advisor.knownIssues();
                        if (!known.contains(incident.issue())) {
                            throw new UnknownIssueException(incident.issue(), known);
                        }
                        throw new ApiProblemException(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "external-id-reused",
                                "incident.external-id-reused",
                                externalId,
                                claim.incidentId());
                    }
                    return new Recording(view(find(claim.incidentId())), true);
                }));
    }

    /**
     * A recorded incident with its advice and follow-ups.
     *
     * @throws ApiProblemException 404 when there is none with this id
     */
    @Transactional(readOnly = true)
    public IncidentView get(long id) {
        return view(find(id));
    }

    /** Incidents matching the query, newest reported first. */
    @Transactional(readOnly = true)
    public IncidentPage list(IncidentQuery query, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be ≥ 0 and size 1.." + MAX_PAGE_SIZE);
        }
        long offset = (long) page * size;
        List<StoredIncident> found = incidents.find(query, offset, size);
        // a page that is not full tells the total (an empty one only when it is the first), so the
        // count runs only when it is needed, as it did with Spring Data's pages
        long total = found.size() < size && (offset == 0 || !found.isEmpty())
                ? offset + found.size()
                : incidents.count(query);
        return new IncidentPage(found.stream().map(IncidentService::summary).toList(), page, size, total, (int)
                Math.ceil((double) total / size));
    }

    /**
     * Records a return visit: the satisfaction gap becomes perception − expectation (the one given
     * on the visit, else the incident's own), and the incident becomes {@link IncidentStatus#FOLLOWED_UP}.
     *
     * @throws ApiProblemException 404 when there is no incident with this id
     */
    @Transactional
    public IncidentView followUp(long id, FollowUpCommand visit, String actor) {
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(actor, "actor");
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime visitedAt = visit.visitedAt() == null ? now : visit.visitedAt();
        if (!incidents.recordVisit(id, visit.perception(), visit.expectation(), visitedAt)) {
            throw notFound(id);
        }
        // the row is locked by the update until commit: the expectation and gap read here are the ones it applied
        StoredIncident visited = find(id);
        followUps.insert(new StoredFollowUp(
                null,
                id,
                visit.perception(),
                visited.expectation(),
                visited.satisfactionGap(),
                visit.comment(),
                actor,
                visitedAt));
        progress.event(id, TimelineEvent.Kind.FOLLOWED_UP, actor, now, null, null, visit.comment());
        return view(visited);
    }

    /**
     * The dashboard's figures for the incidents reported since {@code since}, all of them, counted by the
     * database from the columns recorded beside the advice (so they reflect the advice as given).
     *
     * @param weeks     week boundaries for the complaint causes: week {@code i} is {@code [weeks[i], weeks[i+1])}
     * @param now       what "overdue" is measured against
     * @param overdueAt most overdue incidents to list (all are counted)
     */
    @Transactional(readOnly = true)
    public IncidentFigures figures(
            OffsetDateTime since, List<OffsetDateTime> weeks, OffsetDateTime now, int overdueAt) {
        Objects.requireNonNull(since, "since");
        if (weeks.size() < 2 || overdueAt < 0) {
            throw new IllegalArgumentException("at least one week, and a list size ≥ 0");
        }
        return new IncidentFigures(
                statistics.count(since),
                statistics.meanGap("kano_factor", since),
                statistics.meanGap("service_area", since),
                statistics.meanGap("issue", since),
                statistics.countByIssue(since),
                statistics.causesByWeek(since, weeks),
                statistics.overdueCount(since, now),
                statistics.overdue(since, now, overdueAt));
    }

    private StoredIncident find(long id) {
        return incidents.findById(id).orElseThrow(() -> notFound(id));
    }

    private static ApiProblemException notFound(long id) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "incident.not-found", id);
    }

    private IncidentView view(StoredIncident row) {
        List<FollowUpView> visits = followUps.findByIncident(row.id()).stream()
                .map(StoredFollowUp::view)
                .toList();
        Optional<FollowThroughRepository.Progress> kept = progress.progress(row.id());
        return new IncidentView(
                row.id(),
                row.incidentStatus(),
                storedIncident.readValue(row.incidentJson()),
                storedAdvice.readValue(row.adviceJson()),
                row.ruleSetVersion(),
                json.readValue(row.firedRules(), STRINGS),
                row.expectation(),
                row.perception(),
                row.satisfactionGap(),
                row.recordedBy(),
                row.recordedAt(),
                row.advisedAt(),
                row.resolvedAt(),
                row.resolvedBy(),
                row.followedUpAt(),
                visits,
                kept.map(FollowThroughRepository.Progress::assignee).orElse(null),
                kept.filter(p -> p.respondBy() != null || p.resolveBy() != null || p.followUpBy() != null)
                        .map(p -> new IncidentView.Deadlines(p.respondBy(), p.resolveBy(), p.followUpBy()))
                        .orElse(null),
                kept.map(FollowThroughRepository.Progress::respondedAt).orElse(null),
                kept.map(FollowThroughRepository.Progress::resolutionNote).orElse(null),
                progress.breaches(row.id()));
    }

    private static IncidentSummary summary(StoredIncident row) {
        return new IncidentSummary(
                row.id(),
                row.externalId(),
                row.incidentStatus(),
                row.reportedAt(),
                row.community(),
                ServiceArea.valueOf(row.serviceArea()),
                row.issue(),
                row.summary(),
                row.kanoFactor() == null ? null : KanoFactor.valueOf(row.kanoFactor()),
                row.priority() == null ? null : Priority.valueOf(row.priority()),
                row.escalation() == null ? null : Escalation.valueOf(row.escalation()),
                row.satisfactionGap(),
                row.recordedBy(),
                row.recordedAt());
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
