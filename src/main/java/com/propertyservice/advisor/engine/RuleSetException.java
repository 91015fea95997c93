package com.propertyservice.advisor.engine;

/** Thrown when an advisor cannot be created because its first rule set does not validate. */
public final class RuleSetException extends RuntimeException {

    private final transient ValidationResult validation;

    RuleSetException(ValidationResult validation) {
        super("the rule set does not validate:\n" + validation.report());
        this.validation = validation;
    }

    /** The problems and scenario results. */
    public ValidationResult validation() {
        return validation;
    }
}
