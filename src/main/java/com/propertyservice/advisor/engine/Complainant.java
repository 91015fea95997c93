package com.propertyservice.advisor.engine;

import java.util.Objects;

/**
 * The person who complains.
 *
 * @param role               relation to the estate
 * @param emotion            emotion when the incident is taken
 * @param temperament        kind of complaining owner, or {@code null} when not judged
 * @param vulnerable         elderly, disabled or ill
 * @param previousComplaints complaints this person made before, at least 0
 */
public record Complainant(ComplainantRole role, Emotion emotion, Temperament temperament,
                          boolean vulnerable, int previousComplaints) {

    public Complainant {
        Objects.requireNonNull(role, "complainant.role is required");
        Objects.requireNonNull(emotion, "complainant.emotion is required");
        if (previousComplaints < 0) {
            throw new IllegalArgumentException("complainant.previousComplaints must be at least 0, was " + previousComplaints);
        }
    }

    /** A complainant with no temperament judged, not vulnerable, with no earlier complaint. */
    public static Complainant of(ComplainantRole role, Emotion emotion) {
        return new Complainant(role, emotion, null, false, 0);
    }
}
