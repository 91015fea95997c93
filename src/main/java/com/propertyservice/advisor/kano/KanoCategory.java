package com.propertyservice.advisor.kano;

import com.propertyservice.advisor.engine.KanoFactor;
import java.util.Optional;

/**
 * A Kano category as the evaluation table gives it for one answer pair. Declared in the order that
 * breaks a tie between equally frequent categories (M &gt; O &gt; A &gt; I, then R and Q): a must-be
 * reading is the safer one for a service item, since neglecting a must-be item costs most.
 */
public enum KanoCategory {
    /** Must-be (必备): expected as a matter of course. */
    M(KanoFactor.MUST_BE),
    /** One-dimensional (期望): the more, the better. */
    O(KanoFactor.EXPECTED),
    /** Attractive (魅力): delights when present, not missed when absent. */
    A(KanoFactor.ATTRACTIVE),
    /** Indifferent (无差异). */
    I(KanoFactor.INDIFFERENT),
    /** Reverse (反响): its presence annoys. */
    R(KanoFactor.REVERSE),
    /** Questionable: the two answers contradict each other, no category. */
    Q(null);

    private final KanoFactor factor;

    KanoCategory(KanoFactor factor) {
        this.factor = factor;
    }

    /** The catalogue's Kano factor for this category; empty for {@link #Q}. */
    public Optional<KanoFactor> factor() {
        return Optional.ofNullable(factor);
    }
}
