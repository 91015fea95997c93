package com.propertyservice.advisor.engine;

/**
 * An outside body that must be brought in (contract 1.1 {@code referral}); separate from the
 * internal {@link Escalation}, so that neither hides the other.
 */
public enum Referral {
    /** A government body with the power to act (street office, urban management, housing authority). */
    EXTERNAL_AUTHORITY,
    /** The water, power or gas company. */
    UTILITY,
    /** The police (110). */
    POLICE,
    /** The fire and rescue service (119). */
    FIRE_SERVICE,
    /** Emergency medical services (120) or a clinic. */
    MEDICAL,
    /** The lift maintenance contractor. */
    LIFT_CONTRACTOR,
    /** The developer (construction defects under warranty). */
    DEVELOPER,
    /** The owner who lets the home to the tenant. */
    LANDLORD,
    /** The public hotline (12345) that passed on a work order and waits for our reply. */
    PUBLIC_HOTLINE
}
