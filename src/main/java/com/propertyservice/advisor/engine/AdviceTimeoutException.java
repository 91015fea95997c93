package com.propertyservice.advisor.engine;

import java.util.List;

/**
 * The rules did more work on one incident than the {@link AdviceLimits} allow, and were stopped.
 * A fault of the rule set, not of the incident: the rules that fired last say where to look.
 */
public final class AdviceTimeoutException extends RuntimeException {

    private final transient List<String> lastFired;

    public AdviceTimeoutException(String message, List<String> lastFired) {
        super(message);
        this.lastFired = List.copyOf(lastFired);
    }

    /** The last rules that fired before the rules were stopped, oldest first. */
    public List<String> lastFired() {
        return lastFired;
    }
}
