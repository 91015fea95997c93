package com.propertyservice.advisor.engine;

/** Who caused the problem at issue. */
public enum CausedBy {
    PROPERTY_SERVICE,
    OWNER,
    TENANT_OR_SHOP,
    PUBLIC,
    GOVERNMENT,
    DEVELOPER,
    NATURE,
    UNKNOWN
}
