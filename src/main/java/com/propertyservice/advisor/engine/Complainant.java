package com.propertyservice.advisor.engine;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The person in contact.
 *
 * @param role               relation to the estate
 * @param emotion            emotion when the incident is taken
 * @param temperament        kind of complaining owner, or {@code null} when not judged
 * @param vulnerable         elderly, disabled or ill
 * @param previousComplaints complaints this person made before, at least 0
 * @param side               which side of the problem they are on; {@code null} means {@link ComplainantSide#AFFECTED}
 */
public record Complainant(
        ComplainantRole role,
        Emotion emotion,
        @Nullable Temperament temperament,
        boolean vulnerable,
        int previousComplaints,
        ComplainantSide side) {

    public Complainant {
        Objects.requireNonNull(role, "complainant.role is required");
        Objects.requireNonNull(emotion, "complainant.emotion is required");
        if (previousComplaints < 0) {
            throw new IllegalArgumentException(
                    "complainant.previousComplaints must be at least 0, was " + previousComplaints);
        }
        side = side == null ? ComplainantSide.AFFECTED : side;
    }

    /** A complainant with no temperament judged, not vulnerable, with no earlier complaint, the wronged party. */
    public static Complainant of(ComplainantRole role, Emotion emotion) {
        return new Complainant(role, emotion, null, false, 0, ComplainantSide.AFFECTED);
    }

    /** The same person on another side of the problem. */
    public Complainant withSide(ComplainantSide newSide) {
        return new Complainant(role, emotion, temperament, vulnerable, previousComplaints, newSide);
    }
}
