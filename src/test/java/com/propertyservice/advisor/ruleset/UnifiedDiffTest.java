package com.propertyservice.advisor.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rule-version diff shows what changed, however long the file. */
class UnifiedDiffTest {

    @Test
    void oneChangedLineInALongFileIsOneSmallHunk() {
        String before =
                IntStream.rangeClosed(1, 5_000).mapToObj(i -> "row " + i).collect(Collectors.joining("\n", "", "\n"));
        String after = before.replace("row 2500\n", "row 2500 changed\n");

        String diff = UnifiedDiff.of("catalogue/issues.drl.csv", before, after);

        assertThat(diff)
                .startsWith("--- a/catalogue/issues.drl.csv\n+++ b/catalogue/issues.drl.csv\n")
                .contains("@@ -2497,7 +2497,7 @@", "-row 2500\n", "+row 2500 changed\n", " row 2497\n", " row 2503\n");
        assertThat(diff.lines().filter(line -> line.startsWith("-") || line.startsWith("+")))
                .hasSize(4); // the two headers and one line each way
    }

    @Test
    void identicalTextsHaveOnlyTheHeaders() {
        assertThat(UnifiedDiff.of("a.drl", "x\n", "x\n")).isEqualTo("--- a/a.drl\n+++ b/a.drl\n");
    }
}
