package com.propertyservice.advisor.engine;

import java.util.List;

/** Thrown when an incident names an issue key the active catalogue does not hold. */
public final class UnknownIssueException extends IllegalArgumentException {

    private final String issue;
    private final List<String> knownIssues;

    public UnknownIssueException(String issue, List<String> knownIssues) {
        super("unknown issue '" + issue + "'; known issues: " + String.join(", ", knownIssues));
        this.issue = issue;
        this.knownIssues = List.copyOf(knownIssues);
    }

    /** The key that was asked for. */
    public String issue() {
        return issue;
    }

    /** The keys the active catalogue holds, sorted. */
    public List<String> knownIssues() {
        return knownIssues;
    }
}
