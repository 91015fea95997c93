package com.propertyservice.advisor.engine;

/** Handling priority, lowest first so that a rule can only raise it. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
