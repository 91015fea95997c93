package com.propertyservice.advisor.engine;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of an attempt to activate a candidate rule set.
 *
 * @param activated      whether the candidate replaced the running rule set
 * @param activeVersion  the version running after the attempt (the old one when it failed)
 * @param validation     the candidate's problems and scenario results
 */
public record ReloadResult(boolean activated, @Nullable String activeVersion, ValidationResult validation) {}
