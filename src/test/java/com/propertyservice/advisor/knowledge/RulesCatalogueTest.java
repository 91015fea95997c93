package com.propertyservice.advisor.knowledge;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rules-catalogue.md} says what {@code rules/} holds: it is rendered from the compiled
 * rules and must match them, so it cannot drift. {@code -Dcatalogue.write=true} rewrites it.
 */
class RulesCatalogueTest {

    private static final Path CATALOGUE = Path.of("docs", "rules-catalogue.md");

    @Test
    void committedCatalogueMatchesTheRules() throws IOException {
        String rendered = RulesCatalogue.render(KnowledgeBase.advisor().ruleSet());
        if (Boolean.getBoolean("catalogue.write")) {
            Files.createDirectories(CATALOGUE.getParent());
            Files.writeString(CATALOGUE, rendered, StandardCharsets.UTF_8);
        }
        if (!Files.exists(CATALOGUE)) {
            fail(CATALOGUE + " is missing; run mvn -o test -Dtest=RulesCatalogueTest -Dcatalogue.write=true");
        }
        String committed = Files.readString(CATALOGUE, StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertTrue(
                committed.equals(rendered),
                () -> CATALOGUE + " differs from the rules in rules/ " + firstDifference(committed, rendered)
                        + "; run mvn -o test -Dtest=RulesCatalogueTest -Dcatalogue.write=true and commit the result");
    }

    @Test
    void catalogueNamesEveryRuleOfTheRuleSet() {
        String rendered = RulesCatalogue.render(KnowledgeBase.advisor().ruleSet());
        KnowledgeBase.advisor()
                .ruleSet()
                .rules()
                .forEach(rule -> assertTrue(
                        rendered.contains("| " + rule.name().replace("|", "\\|") + " |"),
                        () -> "the catalogue leaves out rule " + rule.name()));
    }

    private static String firstDifference(String committed, String rendered) {
        String[] a = committed.split("\n", -1);
        String[] b = rendered.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String left = i < a.length ? a[i] : "<end of file>";
            String right = i < b.length ? b[i] : "<end of file>";
            if (!left.equals(right)) {
                return "(first difference at line " + (i + 1) + ":\n  committed: " + left + "\n  rules say: " + right
                        + "\n)";
            }
        }
        return "";
    }
}
