package com.propertyservice.advisor.engine;

/** The complainant's relation to the estate. */
public enum ComplainantRole {
    OWNER,
    TENANT,
    SHOP,
    VISITOR
}
