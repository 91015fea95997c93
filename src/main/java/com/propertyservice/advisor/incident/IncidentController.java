package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.Priority;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.system.ApiProblemException;
import com.propertyservice.advisor.system.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** Incidents: record with advice, read, list, follow up, resolve. */
@RestController
@RequestMapping("/api/incidents")
class IncidentController {

    /** Set on the answer that repeats an earlier recording instead of making one. */
    static final String REPLAYED = "Idempotent-Replayed";

    /** The list and the due list are one operation in OpenAPI (GET /api/incidents), so both say the same of it. */
    private static final String LIST_SUMMARY =
            "Recorded incidents, newest first, filtered and paged; with due (overdue or soon) the open deadlines, soonest first";

    private static final String LIST_ANSWER = "One page of incidents; with due, the open deadlines";
    private static final String LIST_PROBLEM =
            "A bad filter, date range, page, size, due or assignee (`invalid-request`)";

    /** Answers several operations document (OpenAPI). */
    private static final String NO_INCIDENT = "No such incident (`not-found`)";

    private static final String ID_NOT_A_NUMBER = "The id is not a number (`invalid-request`)";
    private static final String NOT_JSON = "The body is not application/json (`unsupported-media-type`)";
    private static final String RESOLVED = "The incident, resolved";
    private static final String RESOLVED_BEFORE = "Resolved or followed up already (`conflict`)";

    private final IncidentService incidents;
    private final FollowThroughService followThrough;
    private final JsonMapper json;
    private final Clock clock;

    IncidentController(IncidentService incidents, FollowThroughService followThrough, JsonMapper json, Clock clock) {
        this.incidents = incidents;
        this.followThrough = followThrough;
        this.json = json;
        this.clock = clock;
    }

    @Operation(
            summary = "Record an incident with the advice it gets now",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "lift outage, angry owner",
                                                            ref = "#/components/examples/incident"))))
    @ApiResponse(
            responseCode = "200",
            description =
                    "Already recorded with this externalId and the same content: the first record (Idempotent-Replayed)",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "201",
            description = "Recorded; Location names the incident",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "400",
            description =
                    "A bad or missing field, or a body that is not JSON (`invalid-request`, `malformed-body`, `unknown-issue`)")
    @ApiResponse(responseCode = "415", description = NOT_JSON)
    @ApiResponse(
            responseCode = "422",
            description = "This caller recorded another incident with this externalId (`external-id-reused`)")
    @PostMapping(consumes = "application/json")
    ResponseEntity<IncidentView> record(
            @Valid @RequestBody IncidentRequest request,
            Locale locale,
            Authentication caller,
            UriComponentsBuilder uri) {
        IncidentService.Recording recording = incidents.recordOnce(
                request.toIncident(incidents.reportingClock()),
                Language.of(locale),
                caller.getName(),
                Callers.id(caller),
                fingerprint(request));
        IncidentView recorded = recording.incident();
        URI location =
                uri.path("/api/incidents/{id}").buildAndExpand(recorded.id()).toUri();
        // a repeat of an externalId already recorded: 200 with the first record, nothing new stored
        return (recording.replayed()
                        ? ResponseEntity.ok().location(location).header(REPLAYED, "true")
                        : ResponseEntity.created(location))
                .header(AdviceController.RULE_SET_VERSION, recorded.ruleSetVersion())
                .body(recorded);
    }

    /** The request as parsed (so spacing and field order do not count), hashed. */
    private String fingerprint(IncidentRequest request) {
        try {
            byte[] canonical = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Operation(summary = "A recorded incident with its advice and follow-ups")
    @ApiResponse(responseCode = "200", description = "The incident", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = ID_NOT_A_NUMBER)
    @ApiResponse(responseCode = "404", description = NO_INCIDENT)
    @GetMapping("/{id}")
    IncidentView get(@PathVariable long id) {
        return incidents.get(id);
    }

    @Operation(summary = LIST_SUMMARY)
    @ApiResponse(responseCode = "200", description = LIST_ANSWER, useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = LIST_PROBLEM)
    @GetMapping
    IncidentPage list(
            @RequestParam(required = false) @Size(max = 100) String community,
            @RequestParam(required = false) IncidentStatus status,
            @RequestParam(required = false) ServiceArea area,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(IncidentService.MAX_PAGE_SIZE) int size) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblemException.invalidField("to", "incident.range", from, to);
        }
        return incidents.list(new IncidentQuery(community, status, area, priority, from, to), page, size);
    }

    @Operation(
            summary = "Record a return visit; updates the satisfaction gap and the status",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "satisfied owner",
                                                            ref = "#/components/examples/follow-up"))))
    @ApiResponse(
            responseCode = "201",
            description = "Recorded; Location names the incident",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "400",
            description = "A bad or missing field, or a body that is not JSON (`invalid-request`, `malformed-body`)")
    @ApiResponse(responseCode = "404", description = NO_INCIDENT)
    @ApiResponse(responseCode = "415", description = NOT_JSON)
    @PostMapping(path = "/{id}/follow-ups", consumes = "application/json")
    ResponseEntity<IncidentView> followUp(
            @PathVariable long id,
            @Valid @RequestBody FollowUpRequest request,
            Authentication caller,
            UriComponentsBuilder uri) {
        IncidentView view = incidents.followUp(id, request.toCommand(), caller.getName());
        return ResponseEntity.created(
                        uri.path("/api/incidents/{id}").buildAndExpand(id).toUri())
                .body(view);
    }

    @Operation(summary = LIST_SUMMARY)
    @ApiResponse(responseCode = "200", description = LIST_ANSWER, useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = LIST_PROBLEM)
    @GetMapping(params = "due")
    DueList due(@RequestParam String due, @RequestParam(required = false) @Size(max = 50) String assignee) {
        return new DueList(OffsetDateTime.now(clock), followThrough.due(FollowThroughService.Due.of(due), assignee));
    }

    @Operation(summary = "The first response to the complainant was made (OPEN → ACKNOWLEDGED)")
    @ApiResponse(responseCode = "200", description = "The incident, acknowledged", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = ID_NOT_A_NUMBER)
    @ApiResponse(responseCode = "404", description = NO_INCIDENT)
    @ApiResponse(responseCode = "409", description = "Acknowledged or resolved before (`conflict`)")
    @PostMapping("/{id}/acknowledge")
    IncidentView acknowledge(@PathVariable long id, Authentication caller) {
        return followThrough.acknowledge(id, caller.getName());
    }

    @Operation(summary = "Give the incident to a user")
    @ApiResponse(responseCode = "200", description = "The incident, assigned", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "400",
            description = "No such user who may log in, or a bad body (`invalid-request`, `malformed-body`)")
    @ApiResponse(responseCode = "404", description = NO_INCIDENT)
    @ApiResponse(responseCode = "409", description = "Followed up already (`conflict`)")
    @ApiResponse(responseCode = "415", description = NOT_JSON)
    @PostMapping(path = "/{id}/assign", consumes = "application/json")
    IncidentView assign(@PathVariable long id, @Valid @RequestBody AssignRequest request, Authentication caller) {
        return followThrough.assign(id, request.assignee().strip(), caller.getName());
    }

    @Operation(summary = "Mark the incident resolved, with a note; the return visit falls due")
    @ApiResponse(responseCode = "200", description = RESOLVED, useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "400",
            description = "The note is too long, or the id not a number (`invalid-request`, `malformed-body`)")
    @ApiResponse(responseCode = "404", description = NO_INCIDENT)
    @ApiResponse(responseCode = "409", description = RESOLVED_BEFORE)
    @ApiResponse(responseCode = "415", description = "A body that is not application/json (`unsupported-media-type`)")
    @PostMapping("/{id}/resolve")
    IncidentView resolveWithNote(
            @PathVariable long id,
            @Valid @RequestBody(required = false) ResolveRequest request,
            Authentication caller) {
        return followThrough.resolve(id, request == null ? null : request.note(), caller.getName());
    }

    @Operation(
            summary =
                    "Reopen a resolved or followed-up incident whose problem is not solved; a new resolution deadline runs")
    @ApiResponse(
            responseCode = "200",
            description = "The incident, ACKNOWLEDGED again with its new resolution deadline",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "400",
            description = "The note is too long, or the id not a number (`invalid-request`, `malformed-body`)")
    @ApiResponse(responseCode = "404", description = NO_INCIDENT)
    @ApiResponse(
            responseCode = "409",
            description = "Not resolved or followed up: still open (`conflict`, naming its status)")
    @ApiResponse(responseCode = "415", description = "A body that is not application/json (`unsupported-media-type`)")
    @PostMapping("/{id}/reopen")
    IncidentView reopen(
            @PathVariable long id,
            @Valid @RequestBody(required = false) ResolveRequest request,
            Authentication caller) {
        return followThrough.reopen(id, request == null ? null : request.note(), caller.getName());
    }

    @Operation(summary = "Mark an incident resolved without a note (kept from before contract 1.2; see /resolve)")
    @ApiResponse(responseCode = "200", description = RESOLVED, useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = ID_NOT_A_NUMBER)
    @ApiResponse(responseCode = "404", description = NO_INCIDENT)
    @ApiResponse(responseCode = "409", description = RESOLVED_BEFORE)
    @PostMapping("/{id}/resolution")
    IncidentView resolve(@PathVariable long id, Authentication caller) {
        return followThrough.resolve(id, null, caller.getName());
    }

    @Operation(summary = "Every event of the incident with who and when, oldest first")
    @ApiResponse(responseCode = "200", description = "The events", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = ID_NOT_A_NUMBER)
    @ApiResponse(responseCode = "404", description = NO_INCIDENT)
    @GetMapping("/{id}/timeline")
    List<TimelineEvent> timeline(@PathVariable long id) {
        return followThrough.timeline(id);
    }
}
