package com.propertyservice.advisor.engine;

/** Kano factor of the service item at issue (必备, 期望, 魅力, 无差异, 反响). */
public enum KanoFactor {
    MUST_BE,
    EXPECTED,
    ATTRACTIVE,
    INDIFFERENT,
    REVERSE
}
