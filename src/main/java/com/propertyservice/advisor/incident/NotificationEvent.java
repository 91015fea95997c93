package com.propertyservice.advisor.incident;

/** What happened that someone must hear about; each has a label in both languages (notify-messages*.properties). */
public enum NotificationEvent {
    /** a deadline is near: the rules' reminder fired */
    REMINDED,
    /** a deadline passed unmet */
    BREACHED,
    /** a breach was passed up to someone above the assignee */
    ESCALATED,
    /** the incident was given to someone */
    ASSIGNED
}
