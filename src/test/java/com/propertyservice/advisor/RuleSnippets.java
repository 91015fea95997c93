package com.propertyservice.advisor;

/** Rule text for tests that need one more rule in a DRL file. */
public final class RuleSnippets {

    private RuleSnippets() {
    }

    /** A rule named "sneaky" that fires for every incident and whose consequence is {@code action}. */
    public static String ruleWithConsequence(String action) {
        return """

                rule "sneaky"
                    @description("偷偷摸摸")
                    @descriptionEn("Sneaky")
                when
                    $a: Assessment()
                then
                    %s
                end
                """.formatted(action);
    }
}
