package com.propertyservice.advisor.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.jspecify.annotations.NullUnmarked;

/**
 * Where each rule and each text code stands in the sources: what Drools does not tell (the file
 * and line of a rule, the codes a rule passes to the advice, the issue keys a catalogue row
 * classifies). The rules are those Drools' own parser finds in what Drools compiles; their text
 * is the trainer's (DRL, DSLR, DSL) or the DRL a table generated.
 */
@NullUnmarked // nullness not yet spelled out here: null is a value in places (see the Javadoc)
final class RuleIndex {

    /**
     * Text codes: {@code action.*}, {@code caution.*}, {@code reason.*}, {@code step.*}, and since
     * contract 1.1 {@code safety.*} (emergency first steps), {@code detail.*} (missing details) and
     * {@code warning.*} (contradicting inputs).
     */
    static final Pattern TEXT_CODE = Pattern.compile(
            "(?<![A-Za-z0-9_.])(?:action|caution|reason|step|safety|detail|warning|remind)\\.[a-z0-9][a-z0-9._-]*[a-z0-9]");

    private static final Pattern ISSUE_KEY = Pattern.compile("issue\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern CLASSIFY = Pattern.compile(
            "classify\\(\\s*ServiceArea\\.(\\w+)\\s*,\\s*KanoFactor\\.(\\w+)\\s*,\\s*QualityDimension\\.(\\w+)\\s*\\)");
    private static final Pattern TABLE_ROW = Pattern.compile("// rule values at [A-Z]+(\\d+)");

    /** A rule as written: its name, file, the line (or table row) it starts on, and its text. */
    record RuleSpan(String name, String file, int line, String text) {}

    /** A catalogue row: the key a rule classifies and the constants it classifies it with (names, checked by the compiler). */
    record Classification(String issue, String area, String kano, String dimension, String rule) {}

    /** A text code used in a source, with the rule it stands in (or {@code null} in a DSL). */
    record CodeUse(String code, String file, int line, String rule) {}

    private final List<RuleSpan> rules = new ArrayList<>();
    private final List<CodeUse> codes = new ArrayList<>();
    private final Set<String> issueKeys = new TreeSet<>();
    private final List<Classification> classifications = new ArrayList<>();

    /**
     * Indexes the rules Drools' parser found in a file: {@code text} is the trainer's file (DRL or
     * DSLR as written, or the DRL generated from a table), {@code pkg} the parse of what Drools
     * compiles, {@code toFileLine} the way from its lines to the file's, and {@code table} the table
     * when the file is one (lines become rows).
     */
    void addRules(String file, String text, PackageDescr pkg, IntUnaryOperator toFileLine, DecisionTable table) {
        String[] lines = text.split("\n", -1);
        List<RuleDescr> found = pkg.getRules();
        for (int r = 0; r < found.size(); r++) {
            RuleDescr rule = found.get(r);
            int first = toFileLine.applyAsInt(rule.getLine());
            int last = rule.getEndLine() > 0
                    ? toFileLine.applyAsInt(rule.getEndLine())
                    : r + 1 < found.size()
                            ? toFileLine.applyAsInt(found.get(r + 1).getLine()) - 1
                            : lines.length;
            first = Math.max(1, Math.min(first, lines.length));
            last = Math.max(first, Math.min(last, lines.length));
            String body = String.join("\n", Arrays.copyOfRange(lines, first - 1, last));
            int line = table == null ? first : tableRow(text, rule.getName(), first, table);
            RuleSpan span = new RuleSpan(rule.getName(), file, line, body);
            rules.add(span);
            if (body.contains("classify(")) {
                Matcher key = ISSUE_KEY.matcher(body);
                Matcher classify = CLASSIFY.matcher(body);
                boolean constants = classify.find();
                while (key.find()) {
                    issueKeys.add(key.group(1));
                    if (constants) {
                        classifications.add(new Classification(
                                key.group(1), classify.group(1), classify.group(2), classify.group(3), span.name()));
                    }
                }
            }
            Matcher code = TEXT_CODE.matcher(body);
            while (code.find()) {
                int codeLine = table != null ? line : line + Sources.lineOf(body, code.start()) - 1;
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

    List<RuleSpan> rules() {
        return rules;
    }

    List<CodeUse> codes() {
        return codes;
    }

    Set<String> issueKeys() {
        return issueKeys;
    }

    List<Classification> classifications() {
        return classifications;
    }

    long rulesIn(String file) {
        return rules.stream().filter(r -> r.file().equals(file)).count();
    }

    RuleSpan find(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * The sheet row of a table rule: the row its "rule values" comment names, or, for a rule that
     * stands anywhere else in the generated DRL (in a cell that is pasted in as it is), the row of the
     * cell that holds it.
     */
    private static int tableRow(String drl, String name, int generatedLine, DecisionTable table) {
        String[] lines = drl.split("\n", -1);
        for (int i = generatedLine - 1; i >= 0 && i >= generatedLine - 3; i--) {
            Matcher row = TABLE_ROW.matcher(lines[i]);
            if (row.find()) {
                return Integer.parseInt(row.group(1));
            }
        }
        return table.cells().stream()
                .filter(c -> c.value().contains("\"" + name + "\""))
                .mapToInt(DecisionTable.CellAt::row)
                .findFirst()
                .orElse(-1);
    }
}
