package com.propertyservice.advisor.engine;

/** Why the property service is at fault (失职, 失误, 失度, 失控). */
public enum ComplaintCause {
    DERELICTION,
    MISTAKE,
    EXCESS,
    LOSS_OF_CONTROL
}
