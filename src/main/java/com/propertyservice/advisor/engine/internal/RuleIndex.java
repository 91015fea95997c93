package com.propertyservice.advisor.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each rule and each text code stands in the sources: what Drools does not tell (the file
 * and line of a rule, the codes a rule passes to the advice, the issue keys a catalogue row
 * classifies). Built from the text a trainer wrote (DRL, DSLR, DSL) or the DRL a table generated.
 */
final class RuleIndex {

    /**
     * Text codes: {@code action.*}, {@code caution.*}, {@code reason.*}, {@code step.*}, and since
     * contract 1.1 {@code safety.*} (emergency first steps), {@code detail.*} (missing details) and
     * {@code warning.*} (contradicting inputs).
     */
    static final Pattern TEXT_CODE = Pattern.compile("(?<![A-Za-z0-9_.])(?:action|caution|reason|step|safety|detail|warning)\\.[a-z0-9][a-z0-9._-]*[a-z0-9]");
    private static final Pattern RULE_HEADER = Pattern.compile("(?m)^[ \\t]*rule[ \\t]+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");
    private static final Pattern RULE_END = Pattern.compile("(?m)^[ \\t]*end[ \\t]*(?://.*)?$");
    private static final Pattern ISSUE_KEY = Pattern.compile("issue\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern CLASSIFY = Pattern.compile(
            "classify\\(\\s*ServiceArea\\.(\\w+)\\s*,\\s*KanoFactor\\.(\\w+)\\s*,\\s*QualityDimension\\.(\\w+)\\s*\\)");
    private static final Pattern TABLE_ROW = Pattern.compile("// rule values at [A-Z]+(\\d+)");

    /** A rule as written: its name, file, the line (or table row) it starts on, and its text. */
    record RuleSpan(String name, String file, int line, String text) {
    }

    /** A catalogue row: the key a rule classifies and the constants it classifies it with (names, checked by the compiler). */
    record Classification(String issue, String area, String kano, String dimension, String rule) {
    }

    /** A text code used in a source, with the rule it stands in (or {@code null} in a DSL). */
    record CodeUse(String code, String file, int line, String rule) {
    }

    private final List<RuleSpan> rules = new ArrayList<>();
    private final List<CodeUse> codes = new ArrayList<>();
    private final Set<String> issueKeys = new TreeSet<>();
    private final List<Classification> classifications = new ArrayList<>();

    /** Indexes a DRL or DSLR source, or the DRL generated from a table ({@code table} true: lines become rows). */
    void addRuleSource(String file, String text, boolean table) {
        Matcher header = RULE_HEADER.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (header.find()) {
            String name = header.group(1) != null ? header.group(1) : header.group(2) != null ? header.group(2) : header.group(3);
            Matcher end = RULE_END.matcher(text);
            int stop = end.find(header.end()) ? end.end() : text.length();
            spans.add(new int[] {header.start(), stop});
            names.add(name);
        }
        for (int i = 0; i < spans.size(); i++) {
            int start = spans.get(i)[0];
            String body = text.substring(start, spans.get(i)[1]);
            int line = table ? tableRow(text, start) : Sources.lineOf(text, start);
            RuleSpan span = new RuleSpan(names.get(i), file, line, body);
            rules.add(span);
            if (body.contains("classify(")) {
                Matcher key = ISSUE_KEY.matcher(body);
                Matcher classify = CLASSIFY.matcher(body);
                boolean constants = classify.find();
                while (key.find()) {
                    issueKeys.add(key.group(1));
                    if (constants) {
                        classifications.add(new Classification(key.group(1), classify.group(1), classify.group(2), classify.group(3), span.name()));
                    }
                }
            }
            Matcher code = TEXT_CODE.matcher(body);
            while (code.find()) {
                int codeLine = table ? line : line + Sources.lineOf(body, code.start()) - 1;
                codes.add(new CodeUse(code.group(), file, codeLine, span.name()));
            }
        }
    }

    /** Indexes the codes a DSL's expansions write (a sentence may carry a fixed code). */
    void addDsl(String file, String text) {
        Matcher code = TEXT_CODE.matcher(text);
        while (code.find()) {
            codes.add(new CodeUse(code.group(), file, Sources.lineOf(text, code.start()), null));
        }
    }

    List<RuleSpan> rules() { return rules; }
    List<CodeUse> codes() { return codes; }
    Set<String> issueKeys() { return issueKeys; }
    List<Classification> classifications() { return classifications; }

    long rulesIn(String file) {
        return rules.stream().filter(r -> r.file().equals(file)).count();
    }

    RuleSpan find(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    private static int tableRow(String drl, int offset) {
        Matcher row = TABLE_ROW.matcher(drl.substring(Math.max(0, offset - 200), offset));
        int found = -1;
        while (row.find()) {
            found = Integer.parseInt(row.group(1));
        }
        return found;
    }
}
