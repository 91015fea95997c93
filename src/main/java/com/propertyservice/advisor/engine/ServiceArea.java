package com.propertyservice.advisor.engine;

/** The basic-service line an incident touches. */
public enum ServiceArea {
    SECURITY,
    ENGINEERING,
    ENVIRONMENT,
    CUSTOMER_SERVICE,
    PARKING,
    COMMUNITY_LIFE
}
