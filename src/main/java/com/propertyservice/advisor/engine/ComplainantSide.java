package com.propertyservice.advisor.engine;

/** Which side of the problem the person in contact is on (contract 1.1 {@code complainant.side}). */
public enum ComplainantSide {
    /** The wronged party: the owner whose space is taken, who cannot sleep. */
    AFFECTED,
    /** The one whose conduct is at issue: the two-car owner, the shop that pours waste. */
    OFFENDER,
    /** A third party passing it on: a neighbour, a passer-by, a member of staff. */
    REPORTER
}
