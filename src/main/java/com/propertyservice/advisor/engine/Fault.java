package com.propertyservice.advisor.engine;

/**
 * Whether our own service or handling is at fault (contract 1.1 {@code fault}). A handling failure
 * (no notice given, a promise of ours past its date, a late response) makes it {@link #OURS}
 * whatever caused the problem itself.
 */
public enum Fault {
    /** Our service or our handling failed. */
    OURS,
    /** Someone or something else caused it and our handling did not fail. */
    NOT_OURS,
    /** Not known yet: verify before admitting or denying. */
    UNKNOWN
}
