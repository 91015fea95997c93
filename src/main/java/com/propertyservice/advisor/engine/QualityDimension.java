package com.propertyservice.advisor.engine;

/** SERVQUAL dimension most at stake. */
public enum QualityDimension {
    TANGIBLES,
    RELIABILITY,
    RESPONSIVENESS,
    ASSURANCE,
    EMPATHY
}
