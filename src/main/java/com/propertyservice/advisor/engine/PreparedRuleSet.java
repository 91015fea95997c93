package com.propertyservice.advisor.engine;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Rule files put through the whole gate (compiled, checked, their scenarios run) but not active: what
 * {@link Advisor#prepare} returns and {@link Advisor#activate(PreparedRuleSet)} swaps in at once. It lets a
 * caller do the slow part ahead of the moment the rules must go live, e.g. while another instance is still
 * validating the same files before it publishes them.
 */
public final class PreparedRuleSet {

    private final @Nullable CompiledRuleSet ruleSet;
    private final ValidationResult validation;
    private final String filesHash;

    PreparedRuleSet(@Nullable CompiledRuleSet ruleSet, ValidationResult validation, String filesHash) {
        this.ruleSet = ruleSet;
        this.validation = Objects.requireNonNull(validation, "validation");
        this.filesHash = Objects.requireNonNull(filesHash, "filesHash");
    }

    /** The gate's verdict: problems and scenario results. */
    public ValidationResult validation() {
        return validation;
    }

    /** Whether the files passed the gate, so that activating them would succeed. */
    public boolean valid() {
        return ruleSet != null && validation.valid();
    }

    /** The version advice would carry. */
    public String version() {
        return validation.version();
    }

    /** The files' {@link RuleFiles#sha256()}: which files these are, to match them with a publication. */
    public String filesHash() {
        return filesHash;
    }

    /** The compiled rule set, or null when the files did not compile. */
    @Nullable
    CompiledRuleSet ruleSet() {
        return ruleSet;
    }
}
