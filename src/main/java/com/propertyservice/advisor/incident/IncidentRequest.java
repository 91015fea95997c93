package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.CausedBy;
import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.ComplainantSide;
import com.propertyservice.advisor.engine.ContactKind;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Promise;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.engine.Temperament;
import com.propertyservice.advisor.system.KebabCase;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The incident as the contract receives it over HTTP. Every field is boxed so that a missing one is
 * the contract's default or a named validation error, never a parse failure; the checks here mirror
 * {@link Incident}'s so a caller hears about every bad field at once.
 */
record IncidentRequest(
        @Size(max = 64) String externalId,
        @PastOrPresent OffsetDateTime reportedAt,
        @NotNull Channel channel,
        @NotBlank @Size(max = 100) String community,
        @NotNull ServiceArea serviceArea,
        @NotBlank @KebabCase(max = 100) String issue,
        @NotBlank @Size(max = 2000) String summary,
        CausedBy causedBy,
        Boolean withinJurisdiction,
        @NotNull @Valid ComplainantRequest complainant,
        @Valid PromiseRequest promise,
        @Min(1) Integer occurrences,
        Boolean safetyRisk,
        @Min(1) Integer affectedHouseholds,
        @Min(1) @Max(5) Integer expectation,
        @Min(1) @Max(5) Integer perception,
        ContactKind kind,
        Boolean noticeGiven,
        @Size(max = 200) String location) {

    record ComplainantRequest(
            @NotNull ComplainantRole role,
            @NotNull Emotion emotion,
            Temperament temperament,
            Boolean vulnerable,
            @Min(0) Integer previousComplaints,
            ComplainantSide side) {

        Complainant toComplainant() {
            return new Complainant(
                    role,
                    emotion,
                    temperament,
                    Boolean.TRUE.equals(vulnerable),
                    previousComplaints == null ? 0 : previousComplaints,
                    side);
        }
    }

    record PromiseRequest(Boolean made, Boolean kept, OffsetDateTime dueAt) {

        Promise toPromise() {
            return new Promise(Boolean.TRUE.equals(made), Boolean.TRUE.equals(kept), dueAt);
        }
    }

    /** The incident; without {@code reportedAt} it was reported now on {@code clock} (the service's, in the default zone). */
    Incident toIncident(Clock clock) {
        OffsetDateTime at = reportedAt != null ? reportedAt : OffsetDateTime.now(clock);
        return new Incident(
                externalId,
                at,
                channel,
                community,
                serviceArea,
                issue,
                summary,
                causedBy,
                withinJurisdiction,
                complainant.toComplainant(),
                promise == null ? null : promise.toPromise(),
                occurrences,
                safetyRisk,
                affectedHouseholds,
                expectation,
                perception,
                kind,
                noticeGiven,
                location);
    }
}
