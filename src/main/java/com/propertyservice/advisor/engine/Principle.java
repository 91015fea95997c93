package com.propertyservice.advisor.engine;

/** The twelve principles for raising owner satisfaction, in the deck's order. */
public enum Principle {
    KEEP_PROMISES,
    ATTENTION_TO_DETAIL,
    VALUE_ADDED_SERVICE,
    DIFFERENTIATED_TREATMENT,
    GOOD_COMMUNICATION,
    CUSTOMER_CONVENIENCE,
    CUSTOMER_CONTROL,
    RICH_EXPERIENCE,
    TANGIBLE_SERVICE,
    DISTINCTIVE_FEATURES,
    BUILD_IMAGE,
    TIMELY_REMEDIATION
}
