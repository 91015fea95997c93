package com.propertyservice.advisor.engine;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A promise made to the complainant, or by the party who causes the problem.
 *
 * @param made  whether a promise was made
 * @param kept  whether it was kept
 * @param dueAt when it fell or falls due, or {@code null}
 */
public record Promise(boolean made, boolean kept, @Nullable OffsetDateTime dueAt) {

    /** A promise that was made and broken. */
    public static Promise broken() {
        return new Promise(true, false, null);
    }
}
