package com.propertyservice.advisor.user;

/** What a person may do: SUPERVISOR handles incidents, TRAINER also changes rules, ADMIN does everything. */
public enum Role {
    SUPERVISOR,
    TRAINER,
    ADMIN
}
