package com.propertyservice.advisor.ruleset;

import java.util.ArrayList;
import java.util.List;

/** A unified line diff ({@code diff -u} style, three lines of context) between two texts. */
final class UnifiedDiff {

    private static final int CONTEXT = 3;
    /** Beyond this many line pairs the texts are shown as wholly replaced, to bound time and memory. */
    private static final long MAX_CELLS = 4_000_000L;

    private enum Kind { SAME, REMOVED, ADDED }

    private record Op(Kind kind, String line, int oldLine, int newLine) {
    }

    private UnifiedDiff() {
    }

    static String of(String path, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Op> ops = ops(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- a/").append(path).append('\n').append("+++ b/").append(path).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind() == Kind.SAME) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < ops.size() && end - lastChange <= 2 * CONTEXT) {
                if (ops.get(end).kind() != Kind.SAME) {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            hunk(out, ops.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Op> ops) {
        int oldStart = 0;
        int newStart = 0;
        int oldCount = 0;
        int newCount = 0;
        for (Op op : ops) {
            if (op.kind() != Kind.ADDED) {
                if (oldCount++ == 0) {
                    oldStart = op.oldLine();
                }
            }
            if (op.kind() != Kind.REMOVED) {
                if (newCount++ == 0) {
                    newStart = op.newLine();
                }
            }
        }
        if (oldCount == 0) {
            oldStart = ops.get(0).oldLine() - 1;
        }
        if (newCount == 0) {
            newStart = ops.get(0).newLine() - 1;
        }
        out.append("@@ -").append(oldStart).append(',').append(oldCount)
                .append(" +").append(newStart).append(',').append(newCount).append(" @@\n");
        for (Op op : ops) {
            out.append(switch (op.kind()) {
                case SAME -> ' ';
                case REMOVED -> '-';
                case ADDED -> '+';
            }).append(op.line()).append('\n');
        }
    }

    /** The edit script from a longest common subsequence of lines; line numbers are 1-based. */
    private static List<Op> ops(List<String> a, List<String> b) {
        List<Op> ops = new ArrayList<>();
        int n = a.size();
        int m = b.size();
        if ((long) n * m > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                ops.add(new Op(Kind.REMOVED, a.get(i), i + 1, 1));
            }
            for (int j = 0; j < m; j++) {
                ops.add(new Op(Kind.ADDED, b.get(j), n + 1, j + 1));
            }
            return ops;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add(new Op(Kind.SAME, a.get(i), i + 1, j + 1));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                ops.add(new Op(Kind.ADDED, b.get(j), i + 1, j + 1));
                j++;
            } else {
                ops.add(new Op(Kind.REMOVED, a.get(i), i + 1, j + 1));
                i++;
            }
        }
        return ops;
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
