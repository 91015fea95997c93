package com.propertyservice.advisor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;
import org.jspecify.annotations.NullUnmarked;

/**
 * The DRL Drools was given for each rule file (as written, generated from a table, or expanded from
 * a DSLR), with the way back from a line of it to the trainer's file: the line itself, the DSLR
 * line it was expanded from, or the table's sheet, row and column. Drools and the sandbox speak of
 * what they compiled; trainers need their own file.
 */
@NullUnmarked // nullness not yet spelled out here: null is a value in places (see the Javadoc)
final class SourceMap {

    private record Entry(String file, String drl, IntUnaryOperator toFileLine, DecisionTable table) {}

    /** A rule's header or a comment: words there are names, not code. */
    private static final Pattern NOT_CODE = Pattern.compile("^\\s*(?:rule\\s|//|#)");

    private final List<Entry> entries = new ArrayList<>();
    private final RuleIndex index;

    SourceMap(RuleIndex index) {
        this.index = index;
    }

    void add(String file, String drl, IntUnaryOperator toFileLine, DecisionTable table) {
        entries.add(new Entry(file, drl, toFileLine, table));
    }

    /**
     * A problem at the first line (within {@code rule}, when given) of the compiled DRL that holds
     * {@code snippet}, white space aside; {@code null} when no line holds it.
     */
    Problem problemAt(String snippet, String rule, Text message) {
        String wanted = squeeze(snippet);
        if (wanted.length() < 2) {
            return null;
        }
        for (Entry entry : entries) {
            String[] lines = entry.drl().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (squeeze(lines[i]).contains(wanted)) {
                    Problem problem = problem(entry, i + 1, message);
                    if (rule == null || rule.equals(problem.rule())) {
                        return problem;
                    }
                }
            }
        }
        return null;
    }

    /** A problem at the first line of code naming {@code word} (as a whole word) in the compiled DRL of a rule. */
    Problem problemNaming(String word, String rule, Text message) {
        Pattern whole = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])");
        for (Entry entry : entries) {
            String[] lines = entry.drl().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (whole.matcher(lines[i]).find()
                        && !NOT_CODE.matcher(lines[i]).find()) {
                    Problem problem = problem(entry, i + 1, message);
                    if (rule == null || rule.equals(problem.rule())) {
                        return problem;
                    }
                }
            }
        }
        return null;
    }

    private Problem problem(Entry entry, int drlLine, Text message) {
        if (entry.table() != null) {
            return entry.table().locate(drlLine, DroolsMessages.tableRuleAt(entry.table(), drlLine), message);
        }
        int line = entry.toFileLine().applyAsInt(drlLine);
        return message.at(entry.file(), line, null, DroolsMessages.ruleAtLine(index, entry.file(), line));
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }
}
