package com.propertyservice.advisor.engine;

import com.propertyservice.advisor.engine.fact.Assessment;
import java.util.List;

/**
 * What one incident came to under one rule set, before its texts are put into a language:
 * kept with its codes so that trainer scenarios can check codes rather than wording.
 */
record Evaluation(Assessment assessment, List<String> firedRules, String ruleSetVersion) {
    Evaluation {
        firedRules = List.copyOf(firedRules);
    }
}
