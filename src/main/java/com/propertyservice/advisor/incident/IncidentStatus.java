package com.propertyservice.advisor.incident;

/** Where an incident stands: recorded, advised, resolved, then visited again. */
public enum IncidentStatus {
    OPEN,
    ADVISED,
    RESOLVED,
    FOLLOWED_UP
}
