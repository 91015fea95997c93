package com.propertyservice.advisor.engine;

/** The complainant's emotion when the incident is taken. */
public enum Emotion {
    CALM,
    UPSET,
    ANGRY
}
