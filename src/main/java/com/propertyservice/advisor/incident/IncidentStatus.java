package com.propertyservice.advisor.incident;

/**
 * Where an incident stands (contract 1.2): recorded with its advice (OPEN), the first response made to the
 * complainant (ACKNOWLEDGED), resolved, then visited again. ADVISED is what incidents recorded before contract 1.2
 * say; they read as open.
 */
public enum IncidentStatus {
    OPEN,
    /** Read only: incidents recorded before contract 1.2; open, with no deadlines kept. */
    ADVISED,
    ACKNOWLEDGED,
    RESOLVED,
    FOLLOWED_UP;

    /** Whether the incident still waits for its resolution. */
    public boolean open() {
        return this == OPEN || this == ADVISED || this == ACKNOWLEDGED;
    }
}
