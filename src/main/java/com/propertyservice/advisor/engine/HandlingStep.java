package com.propertyservice.advisor.engine;

/** The complaint-handling steps, in handling order. */
public enum HandlingStep {
    LET_OWNER_VENT,
    ACKNOWLEDGE_FEELINGS,
    OFFER_HELP,
    RESOLVE,
    FOLLOW_UP
}
