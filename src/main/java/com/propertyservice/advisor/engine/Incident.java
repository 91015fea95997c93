package com.propertyservice.advisor.engine;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A service incident or owner complaint, as the contract defines it. Optional fields take the
 * contract's defaults; the constructor fails fast on a missing required field or a value out of range.
 *
 * @param externalId         the caller's own id, at most 64 characters, or {@code null}
 * @param reportedAt         when it was reported; {@code null} means now
 * @param channel            how it reached us
 * @param community          estate or building name
 * @param serviceArea        the basic-service line it touches (may differ from the catalogue's area)
 * @param issue              catalogue key, kebab-case
 * @param summary            the complaint in the owner's words
 * @param causedBy           who caused the problem; {@code null} means {@link CausedBy#UNKNOWN}
 * @param withinJurisdiction whether the property company can act on it itself; {@code null} means true
 * @param complainant        who complains
 * @param promise            a promise made to the complainant or by the offender, or {@code null}
 * @param occurrences        how many times this same problem has happened; {@code null} means 1
 * @param safetyRisk         a risk to people or property; {@code null} means false
 * @param affectedHouseholds households affected; {@code null} means 1
 * @param expectation        the owner's expectation 1..5, or {@code null}
 * @param perception         the owner's perceived service 1..5, or {@code null}
 * @param kind               what the contact is; {@code null} means {@link ContactKind#COMPLAINT}
 * @param noticeGiven        for outages and works, whether owners were told in advance; {@code null} when unknown
 * @param location           building, unit or spot, at most 200 characters; {@code null} (or blank) when not given
 */
public record Incident(
        @Nullable String externalId,
        OffsetDateTime reportedAt,
        Channel channel,
        String community,
        ServiceArea serviceArea,
        String issue,
        String summary,
        CausedBy causedBy,
        Boolean withinJurisdiction,
        Complainant complainant,
        @Nullable Promise promise,
        Integer occurrences,
        Boolean safetyRisk,
        Integer affectedHouseholds,
        @Nullable Integer expectation,
        @Nullable Integer perception,
        ContactKind kind,
        @Nullable Boolean noticeGiven,
        @Nullable String location) {

    /**
     * The zone of an incident reported without a time ({@code reportedAt} is then "now" there) or
     * with a local time only: the contract's default, mainland China. The service replaces it with
     * its {@code advisor.default-zone}; time rules always read the incident's own local time.
     */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public Incident {
        Objects.requireNonNull(channel, "channel is required");
        Objects.requireNonNull(serviceArea, "serviceArea is required");
        Objects.requireNonNull(complainant, "complainant is required");
        requireText(community, "community", 100);
        requireText(issue, "issue", 100);
        requireText(summary, "summary", 2000);
        if (externalId != null && externalId.length() > 64) {
            throw new IllegalArgumentException("externalId must be at most 64 characters");
        }
        if (location != null && location.length() > 200) {
            throw new IllegalArgumentException("location must be at most 200 characters");
        }
        location = location == null || location.isBlank() ? null : location.strip();
        reportedAt = reportedAt == null ? OffsetDateTime.now(DEFAULT_ZONE) : reportedAt;
        kind = kind == null ? ContactKind.COMPLAINT : kind;
        causedBy = causedBy == null ? CausedBy.UNKNOWN : causedBy;
        withinJurisdiction = withinJurisdiction == null ? Boolean.TRUE : withinJurisdiction;
        occurrences = atLeastOne(occurrences, "occurrences");
        safetyRisk = safetyRisk == null ? Boolean.FALSE : safetyRisk;
        affectedHouseholds = atLeastOne(affectedHouseholds, "affectedHouseholds");
        requireScore(expectation, "expectation");
        requireScore(perception, "perception");
    }

    /** A builder with the contract's defaults, for callers that set a few fields. */
    public static Builder builder() {
        return new Builder();
    }

    private static void requireText(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters");
        }
    }

    private static Integer atLeastOne(@Nullable Integer value, String field) {
        if (value == null) {
            return 1;
        }
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be at least 1, was " + value);
        }
        return value;
    }

    private static void requireScore(@Nullable Integer value, String field) {
        if (value != null && (value < 1 || value > 5)) {
            throw new IllegalArgumentException(field + " must be between 1 and 5, was " + value);
        }
    }

    /** Builds an {@link Incident}; unset optional fields take the contract's defaults. */
    public static final class Builder {
        private @Nullable String externalId;
        private @Nullable OffsetDateTime reportedAt;
        private @Nullable Channel channel;
        private @Nullable String community;
        private @Nullable ServiceArea serviceArea;
        private @Nullable String issue;
        private @Nullable String summary;
        private @Nullable CausedBy causedBy;
        private @Nullable Boolean withinJurisdiction;
        private @Nullable Complainant complainant;
        private @Nullable Promise promise;
        private @Nullable Integer occurrences;
        private @Nullable Boolean safetyRisk;
        private @Nullable Integer affectedHouseholds;
        private @Nullable Integer expectation;
        private @Nullable Integer perception;
        private @Nullable ContactKind kind;
        private @Nullable Boolean noticeGiven;
        private @Nullable String location;

        private Builder() {}

        public Builder externalId(@Nullable String value) {
            this.externalId = value;
            return this;
        }

        public Builder reportedAt(@Nullable OffsetDateTime value) {
            this.reportedAt = value;
            return this;
        }

        public Builder channel(@Nullable Channel value) {
            this.channel = value;
            return this;
        }

        public Builder community(@Nullable String value) {
            this.community = value;
            return this;
        }

        public Builder serviceArea(@Nullable ServiceArea value) {
            this.serviceArea = value;
            return this;
        }

        public Builder issue(@Nullable String value) {
            this.issue = value;
            return this;
        }

        public Builder summary(@Nullable String value) {
            this.summary = value;
            return this;
        }

        public Builder causedBy(@Nullable CausedBy value) {
            this.causedBy = value;
            return this;
        }

        public Builder withinJurisdiction(@Nullable Boolean value) {
            this.withinJurisdiction = value;
            return this;
        }

        public Builder complainant(@Nullable Complainant value) {
            this.complainant = value;
            return this;
        }

        public Builder promise(@Nullable Promise value) {
            this.promise = value;
            return this;
        }

        public Builder occurrences(@Nullable Integer value) {
            this.occurrences = value;
            return this;
        }

        public Builder safetyRisk(@Nullable Boolean value) {
            this.safetyRisk = value;
            return this;
        }

        public Builder affectedHouseholds(@Nullable Integer value) {
            this.affectedHouseholds = value;
            return this;
        }

        public Builder expectation(@Nullable Integer value) {
            this.expectation = value;
            return this;
        }

        public Builder perception(@Nullable Integer value) {
            this.perception = value;
            return this;
        }

        public Builder kind(@Nullable ContactKind value) {
            this.kind = value;
            return this;
        }

        public Builder noticeGiven(@Nullable Boolean value) {
            this.noticeGiven = value;
            return this;
        }

        public Builder location(@Nullable String value) {
            this.location = value;
            return this;
        }

        /** The incident; fails on a missing required field or a value out of range. */
        public Incident build() {
            return new Incident(
                    externalId,
                    reportedAt,
                    channel,
                    community,
                    serviceArea,
                    issue,
                    summary,
                    causedBy,
                    withinJurisdiction,
                    complainant,
                    promise,
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
}
