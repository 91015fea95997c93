package com.propertyservice.advisor.engine;

/** The kind of complaining owner (the deck's figure is missing; this set follows service-quality practice). */
public enum Temperament {
    RATIONAL,
    EMOTIONAL,
    DEMANDING,
    HABITUAL
}
