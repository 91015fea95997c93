package com.propertyservice.advisor.engine;

/** Who a reminder or an escalation goes to; the service maps each to people and channels. */
public enum Recipient {
    /** the person the incident is assigned to (the duty supervisors while it is unassigned) */
    ASSIGNEE,
    /** the supervisors on duty */
    SUPERVISOR,
    /** the estate's project manager */
    PROJECT_MANAGER,
    /** the company's quality or customer-service department */
    COMPANY
}
