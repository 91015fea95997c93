package com.propertyservice.advisor.engine;

/** A promise the advice implies, with its clock: the first response, the resolution, the return visit. */
public enum Deadline {
    /** recorded + the advice's {@code respondWithin} */
    RESPOND,
    /** recorded + the advice's {@code resolveWithin} */
    RESOLVE,
    /** resolved + the advice's {@code followUp.within} */
    FOLLOW_UP
}
