package com.propertyservice.advisor.engine.internal;

import com.propertyservice.advisor.RuleSnippets;
import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.Problem;
import com.propertyservice.advisor.engine.RuleFiles;
import com.propertyservice.advisor.engine.ValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule files are code: calls outside the fact model are refused before anything is compiled. */
class SafetyCheckTest {

    static final RuleFiles SAMPLE = RuleFiles.fromDirectory(Path.of("src/test/resources/rulesets/sample"));
    static final String DRL = "principles/remediation.drl";
    private static final Advisor ADVISOR = Advisor.fromFiles(SAMPLE);

    /** The sample's DRL with one more rule whose consequence is {@code action}. */
    static RuleFiles withConsequence(String action) {
        String drl = new String(SAMPLE.get(DRL), StandardCharsets.UTF_8) + RuleSnippets.ruleWithConsequence(action);
        return SAMPLE.with(DRL, drl.getBytes(StandardCharsets.UTF_8));
    }

    static int lineOf(RuleFiles files, String path, String needle) {
        String text = new String(files.get(path), StandardCharsets.UTF_8);
        return Sources.lineOf(text, text.indexOf(needle));
    }

    @ParameterizedTest
    @ValueSource(strings = {"System.exit(0);", "Runtime.getRuntime();", "Class.forName(\"x\");", "new java.io.File(\"x\");",
            "java.lang.System.exit(0);", "Object o = $a.getClass();", "Thread t = new Thread();", "java.nio.file.Files.delete(null);",
            "Object o = Assessment.class;", "Object o = new java.net.Socket();"})
    void forbiddenCallInADrlConsequenceIsRejectedWithFileAndLine(String action) {
        RuleFiles files = withConsequence(action);
        ValidationResult result = ADVISOR.validate(files);

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(DRL);
            assertThat(p.line()).isEqualTo(lineOf(files, DRL, action));
            assertThat(p.rule()).isEqualTo("sneaky");
            assertThat(p.message()).startsWith("forbidden");
        });
    }

    @Test
    void forbiddenImportIsRejectedNamingTheImport() {
        String drl = new String(SAMPLE.get(DRL), StandardCharsets.UTF_8).replace("import com.propertyservice.advisor.engine.*;",
                "import com.propertyservice.advisor.engine.*;\nimport java.io.File;");
        ValidationResult result = ADVISOR.validate(SAMPLE.with(DRL, drl.getBytes(StandardCharsets.UTF_8)));

        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("java.io.File");
        });
    }

    @Test
    void forbiddenCodeInADslExpansionIsRejectedAtItsLine() {
        String dsl = new String(SAMPLE.get("handling/handling.dsl"), StandardCharsets.UTF_8) + "[then]收工=System.exit(0);\n";
        RuleFiles files = SAMPLE.with("handling/handling.dsl", dsl.getBytes(StandardCharsets.UTF_8));
        ValidationResult result = ADVISOR.validate(files);

        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("handling/handling.dsl");
            assertThat(p.line()).isEqualTo(lineOf(files, "handling/handling.dsl", "[then]收工"));
            assertThat(p.message()).contains("System");
        });
    }

    @Test
    void forbiddenCodeInADecisionTableCellIsRejectedAtItsCell() {
        String csv = new String(SAMPLE.get("catalogue/issues.drl.csv"), StandardCharsets.UTF_8)
                .replace("\"ENGINEERING, MUST_BE, RELIABILITY\"", "\"ENGINEERING, MUST_BE, RELIABILITY); Runtime.getRuntime().exec(\"\"rm\"\"); (\"");
        ValidationResult result = ADVISOR.validate(SAMPLE.with("catalogue/issues.drl.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("catalogue/issues.drl.csv");
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.column()).isEqualTo("B");
            assertThat(p.message()).contains("Runtime");
        });
    }

    @Test
    void unicodeEscapesCannotSmuggleAForbiddenName() {
        ValidationResult result = ADVISOR.validate(withConsequence("\\u0053ystem.exit(0);"));

        assertThat(result.problems()).extracting(Problem::message).anyMatch(m -> m.contains("unicode escape"));
    }

    @Test
    void theFactModelAndTheAllowListPass() {
        ValidationResult result = ADVISOR.validate(withConsequence(
                "java.util.List<String> l = new java.util.ArrayList<>(); l.add(String.valueOf(Math.max(1, Integer.parseInt(\"2\"))));"
                        + " modify($a) { raisePriority(Priority.valueOf(\"LOW\")) }"));

        assertThat(result.problems()).isEmpty();
    }

    @Test
    void wordsInsideDescriptionsAndStringsAreNotCode() {
        ValidationResult result = ADVISOR.validate(withConsequence("modify($a) { caution(\"caution.do-not-interrupt\") } // System.exit is only a comment"));

        assertThat(result.problems()).isEmpty();
    }
}
