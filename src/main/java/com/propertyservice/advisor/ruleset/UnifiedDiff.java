package com.propertyservice.advisor.ruleset;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified line diff ({@code diff -u} style, three lines of context) between two versions of a
 * rule file, made by java-diff-utils (Myers' algorithm: linear space, no size at which a file is
 * shown as wholly replaced).
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    static String of(String path, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, a, patch, CONTEXT);
        if (unified.isEmpty()) {
            return "--- a/" + path + "\n+++ b/" + path + "\n";
        }
        return String.join("\n", unified) + "\n";
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
