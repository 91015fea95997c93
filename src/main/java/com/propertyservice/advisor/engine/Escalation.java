package com.propertyservice.advisor.engine;

/**
 * Who inside the company must take an incident on, lowest first so that a rule can only raise it.
 * Outside bodies are a {@link Referral} since contract 1.1; {@link #EXTERNAL_AUTHORITY} stays so
 * that advice stored before can still be read, and no rule sets it any more.
 */
public enum Escalation {
    NONE,
    SUPERVISOR,
    PROJECT_MANAGER,
    COMPANY,
    /** Read only: advice stored before contract 1.1 put outside bodies here. */
    EXTERNAL_AUTHORITY
}
