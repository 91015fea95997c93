package com.propertyservice.advisor.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How much work the rules may do for one incident. The sandbox already refuses loops and
 * recursion, so each rule runs in a time bounded by its length; these limits bound the rest (rules
 * that keep re-triggering one another, a slow machine) so that no incident can hold a caller's
 * thread for long. An evaluation past either limit ends with an {@link AdviceTimeoutException}.
 *
 * @param timeBudget the longest one advice may take, from the start of its evaluation
 * @param maxFirings the most rule firings one advice may take
 */
public record AdviceLimits(Duration timeBudget, int maxFirings) {

    /** Two seconds and 5,000 firings: some thousand times what an advice takes on the knowledge base. */
    public static final AdviceLimits DEFAULT = new AdviceLimits(Duration.ofSeconds(2), 5_000);

    public AdviceLimits {
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive, was " + timeBudget);
        }
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1, was " + maxFirings);
        }
    }
}
