package com.propertyservice.advisor.engine;

/** Who must take an incident on, lowest first so that a rule can only raise it. */
public enum Escalation {
    NONE, SUPERVISOR, PROJECT_MANAGER, COMPANY, EXTERNAL_AUTHORITY
}
