package com.propertyservice.advisor.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.NullUnmarked;
import org.kie.api.builder.Message;

/**
 * Puts what Drools and the sandbox report into a trainer's terms: the file, the line (or sheet,
 * row and column) and the rule. Drools leaves much of that out: decision-table errors come with
 * line -1 and no cell, an unknown field in a condition names only the rule, and the executable
 * model reports an error in a rule's action at a line of generated Java.
 */
@NullUnmarked // nullness not yet spelled out here: null is a value in places (see the Javadoc)
final class DroolsMessages {

    private static final Pattern UNABLE_TO_EXPAND = Pattern.compile("Unable to expand:\\s*(.*)", Pattern.DOTALL);
    private static final Pattern RULE_NAMED = Pattern.compile("Rule name='([^']+)'");
    private static final Pattern LINE_IN_TEXT = Pattern.compile("[Ll]ine (\\d+)");
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern GENERATED_SOURCE = Pattern.compile("(?s)Java source of (\\S+) in error:\\s*(.*)");
    /** The bit mask of a modify that changes "every property" (BitMask's own, not on the sandbox's allow list). */
    private static final String MASK_OF_EVERYTHING = "org.drools.model.bitmask.AllSetButLastBitMask.";

    private static final Pattern RULE_METHOD = Pattern.compile("\\brule_\\w*\\s*\\(");
    private static final Pattern RULE_DEFINITION =
            Pattern.compile("D\\.rule\\(\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern UNRESOLVED = Pattern.compile(
            "unable to resolve method using strict-mode: [\\w.$]*?(\\w+)\\.(\\w+)\\(\\)|Unable to resolve ObjectType '(\\w+)'"
                    + "|Field Reader does not exist for declaration '(\\w+)'|Unknown property '(\\w+)'|Unknown field (\\w+) on|"
                    + "[Cc]annot find property (\\w+) on");
    private static final Pattern EXPRESSION = Pattern.compile("expression:\\s*(.+)$");

    private DroolsMessages() {}

    /** Drools' build errors, one problem each, in the trainer's files. */
    static List<Problem> translate(
            List<Message> errors,
            Map<String, DecisionTable> tables,
            DslExpansion expansion,
            RuleIndex index,
            SourceMap sources) {
        Map<String, String> generated = new HashMap<>();
        for (Message message : errors) {
            Matcher source = GENERATED_SOURCE.matcher(message.getText() == null ? "" : message.getText());
            if (source.find()) {
                generated.put(source.group(1), source.group(2));
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Problem> problems = new ArrayList<>();
        for (Message message : errors) {
            String text = message.getText() == null ? "" : message.getText();
            if (text.contains("No mapping entries for expanding")
                    || GENERATED_SOURCE.matcher(text).find()) {
                continue; // said twice by Drools, or the whole generated class (each of its errors is reported)
            }
            Problem problem = translate(message, tables, expansion, index, sources, generated);
            if (seen.add(problem.toString())) {
                problems.add(problem);
            }
        }
        return problems;
    }

    private static Problem translate(
            Message message,
            Map<String, DecisionTable> tables,
            DslExpansion expansion,
            RuleIndex index,
            SourceMap sources,
            Map<String, String> generated) {
        String path =
                message.getPath() == null ? null : message.getPath().replaceFirst("^" + RuleSetCompiler.RESOURCES, "");
        String text = clean(message.getText());
        int line = message.getLine();
        if (path != null && path.endsWith(".java")) {
            return inGeneratedJava(message, text, index, tables, sources, generated);
        }
        Matcher expression = EXPRESSION.matcher(text);
        if (line <= 0 && expression.find()) {
            Problem located = sources.problemAt(expression.group(1), null, Text.of("drools.says", text));
            if (located != null) {
                return located;
            }
        }
        if (line <= 0) {
            Matcher m = LINE_IN_TEXT.matcher(text);
            if (m.find()) {
                line = Integer.parseInt(m.group(1));
            }
        }
        Text said = Text.of("drools.says", text);
        if (path == null || line <= 0) {
            // some errors (an unknown field) name only the rule: find it, and the line naming what is wrong
            Matcher named = RULE_NAMED.matcher(text);
            RuleIndex.RuleSpan span = named.find() ? index.find(named.group(1)) : null;
            if (span != null) {
                return inRule(span, text, tables, index);
            }
        }
        if (path != null && line <= 0 && !path.endsWith(RuleSetCompiler.TABLE_SUFFIX)) {
            Problem located = locateUnresolved(index, path, text);
            if (located != null) {
                return located;
            }
            Set<String> needles = Sources.needles(text);
            for (RuleIndex.RuleSpan span : index.rules()) {
                int inRule = span.file().equals(path) ? lineNaming(span.text(), needles) : 0;
                if (inRule > 0) {
                    return said.at(path, span.line() + inRule, null, span.name());
                }
            }
        }
        if (path != null && path.endsWith(RuleSetCompiler.TABLE_SUFFIX)) {
            String table = path.substring(0, path.length() - RuleSetCompiler.TABLE_SUFFIX.length());
            return tables.get(table).locate(line, tableRuleAt(tables.get(table), line), said);
        }
        if (path != null && path.equals(DslExpansion.JOINED_PATH) || path == null && text.startsWith("DSL")) {
            DslExpansion.DslError at = expansion.locate(line, text);
            return dslLine(at.file(), at.line(), text);
        }
        Matcher unexpanded = UNABLE_TO_EXPAND.matcher(text);
        if (unexpanded.find()) {
            return unexpanded(path, "", line, text, expansion);
        }
        String rule = ruleAtLine(index, path, line);
        RuleIndex.RuleSpan span = rule == null ? null : index.find(rule);
        if (span != null && span.line() == line) {
            // an error in a rule's action is reported at the rule's first line: find the line naming what is wrong
            int inRule = lineNaming(span.text(), Sources.needles(text));
            return said.at(path, line + Math.max(inRule, 0), null, rule);
        }
        return said.at(
                path,
                line > 0 ? line : null,
                message.getColumn() > 0 ? String.valueOf(message.getColumn()) : null,
                rule);
    }

    /**
     * An error in the Java the executable model generated (a consequence or a constraint): the
     * generated source, which Drools attaches to its report, gives the line in error; that line, or
     * the names the message gives, is found in the DRL Drools was given, and so in the trainer's file.
     */
    private static Problem inGeneratedJava(
            Message message,
            String text,
            RuleIndex index,
            Map<String, DecisionTable> tables,
            SourceMap sources,
            Map<String, String> generated) {
        String source = generated.get(message.getPath());
        String[] lines = source == null ? new String[0] : source.split("\n", -1);
        String failing =
                message.getLine() >= 1 && message.getLine() <= lines.length ? lines[message.getLine() - 1].strip() : "";
        String rule = source == null ? null : ruleAround(source, message.getLine());
        Text said = Text.of("drools.says", text);
        Problem located = failing.isEmpty() ? null : sources.problemAt(failing, rule, said);
        for (String needle : Sources.needles(text)) {
            if (located == null) {
                located = sources.problemNaming(needle, rule, said);
            }
        }
        if (located != null) {
            return located;
        }
        RuleIndex.RuleSpan span = rule == null ? null : index.find(rule);
        return span == null
                ? Text.of("drools.does-not-compile", text).at(null, null, null, rule)
                : inRule(span, text, tables, index);
    }

    /** The rule whose generated method holds a line: the nearest {@code rule_...()} method above it and its {@code D.rule(pkg, name)}. */
    static String ruleAround(String javaSource, int line) {
        String[] lines = javaSource.split("\n", -1);
        if (lines.length <= 1) {
            lines = javaSource.split("(?<=[;{}])\\s*", -1); // the source came folded onto one line
        }
        int start = Math.min(Math.max(line, 1), lines.length) - 1;
        for (int i = start; i >= 0; i--) {
            if (RULE_METHOD.matcher(lines[i]).find()) {
                for (int j = i; j < lines.length && j < i + 40; j++) {
                    Matcher defined = RULE_DEFINITION.matcher(lines[j]);
                    if (defined.find()) {
                        return defined.group(1).replace("\\\"", "\"");
                    }
                }
                return null;
            }
        }
        return null;
    }

    private static Problem inRule(
            RuleIndex.RuleSpan span, String text, Map<String, DecisionTable> tables, RuleIndex index) {
        if (FileKind.of(span.file()) == FileKind.DECISION_TABLE) {
            DecisionTable table = tables.get(span.file());
            return table.locate(
                    generatedLineOf(table, span.name(), Sources.needles(text)),
                    span.name(),
                    Text.of("drools.says", text));
        }
        Problem unresolved = locateUnresolved(index, span.file(), text);
        if (unresolved != null && span.name().equals(unresolved.rule())) {
            return unresolved;
        }
        int inRule = lineNaming(span.text(), Sources.needles(text));
        return Text.of("drools.says", text).at(span.file(), span.line() + Math.max(inRule, 0), null, span.name());
    }

    /** Sandbox refusals of generated code, at the rule (and the line of it, or of the DSL sentence) that wrote it. */
    static List<Problem> violations(
            List<BytecodePolicy.Violation> violations,
            RuleIndex index,
            SourceMap sources,
            DslExpansion expansion,
            RuleFiles files) {
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (BytecodePolicy.Violation violation : violations) {
            Text message = modifiesEverything(violation)
                    ? Text.of("sandbox.modify-of-everything")
                    : Text.of("sandbox.rule-code", violation.what(), why(violation.kind()));
            if (violation.rules().isEmpty()) {
                add(
                        problems,
                        seen,
                        Text.of("sandbox.generated-class", message, violation.className())
                                .at(null, null, null, null));
            }
            for (String rule : violation.rules()) {
                RuleIndex.RuleSpan span = index.find(rule);
                List<String> words = words(violation);
                Problem inRule = span == null ? null : sentenceWriting(span, words, expansion, message);
                for (String word : words) {
                    inRule = inRule != null ? inRule : sources.problemNaming(word, span == null ? null : rule, message);
                }
                Problem inDsl = inRule != null
                        ? null
                        : words.stream()
                                .map(word -> dslNaming(word, expansion, files, rule, message))
                                .filter(Objects::nonNull)
                                .findFirst()
                                .orElse(null);
                add(
                        problems,
                        seen,
                        inRule != null
                                ? inRule
                                : inDsl != null
                                        ? inDsl
                                        : message.at(
                                                span == null ? null : span.file(),
                                                span == null ? null : span.line(),
                                                null,
                                                rule));
            }
        }
        return problems;
    }

    /**
     * Whether the violation is the mask the executable model gives a {@code modify} whose changed properties it cannot
     * tell: a call inside the block to a method without {@code @Modifies} (an advice-only one, written without modify).
     * Allowed, it would wake every rule again; refused, it gets words that say what to write instead.
     */
    private static boolean modifiesEverything(BytecodePolicy.Violation violation) {
        return violation.kind() == BytecodePolicy.Kind.CALL
                && violation.subject().startsWith(MASK_OF_EVERYTHING);
    }

    private static void add(List<Problem> problems, Set<String> seen, Problem problem) {
        if (seen.add(problem.toString())) {
            problems.add(problem);
        }
    }

    private static Text why(BytecodePolicy.Kind kind) {
        return switch (kind) {
            case LOOP -> Text.of("sandbox.why.loop");
            case RECURSION -> Text.of("sandbox.why.recursion");
            case ARRAY_SIZE, MULTI_ARRAY -> Text.of("sandbox.why.array");
            default -> Text.of("sandbox.why.reach");
        };
    }

    /**
     * The words to look for in the rule's text to find the line a violation comes from: the member
     * it names ({@code java.lang.Runtime.exec} gives {@code exec}, a constructor its class), a type's
     * simple name, the keywords of a loop, or {@code new} for an array.
     */
    private static List<String> words(BytecodePolicy.Violation violation) {
        if (modifiesEverything(violation)) {
            return List.of("modify");
        }
        String subject = violation.subject();
        String last = subject.substring(subject.lastIndexOf('.') + 1);
        return switch (violation.kind()) {
            case LOOP -> List.of("while", "for", "do");
            case ARRAY_SIZE, MULTI_ARRAY -> List.of("new");
            case CALL, METHOD_REFERENCE ->
                List.of(
                        last.equals("<init>")
                                ? subject.substring(0, subject.lastIndexOf('.')).replaceAll(".*[.$]", "")
                                : last);
            case FINALIZER -> List.of("finalize");
            case SYNCHRONIZED, MONITOR -> List.of("synchronized");
            default -> last.isEmpty() ? List.of() : List.of(last.replaceAll(".*\\$", ""));
        };
    }

    /**
     * In a DSLR rule, the line of the sentence whose DSL code wrote the forbidden word: several
     * condition sentences expand to one pattern, so the expanded line alone points at the first.
     */
    private static Problem sentenceWriting(
            RuleIndex.RuleSpan span, List<String> words, DslExpansion expansion, Text message) {
        if (FileKind.of(span.file()) != FileKind.DSLR) {
            return null;
        }
        String[] lines = span.text().split("\\n", -1);
        for (String word : words) {
            for (String sentence : expansion.sentencesWriting(word)) {
                for (int i = 1; i < lines.length; i++) {
                    if (lines[i].contains(sentence)) {
                        return Text.of("sandbox.written-by-sentence", message, sentence)
                                .at(span.file(), span.line() + i, null, span.name());
                    }
                }
            }
        }
        return null;
    }

    /** A forbidden call written in a DSL sentence's code rather than in the rule: the DSL line. */
    private static Problem dslNaming(
            String member, DslExpansion expansion, RuleFiles files, String rule, Text message) {
        Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(member) + "(?![\\w$])");
        for (String dsl : expansion.files().keySet()) {
            String[] lines = Sources.text(files.get(dsl)).split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                int eq = lines[i].indexOf('=');
                if (eq > 0 && word.matcher(lines[i].substring(eq + 1)).find()) {
                    return Text.of("sandbox.in-dsl", message).at(dsl, i + 1, null, rule);
                }
            }
        }
        return null;
    }

    /** A DSL line that cannot be read. */
    static Problem dslLine(String file, int line, String text) {
        return Text.of("dsl.unreadable", text).at(file, line > 0 ? line : null, null, null);
    }

    /** A DSLR sentence that no DSL line expands, with the sentences there are. */
    static Problem unexpanded(String path, String source, int line, String text, DslExpansion expansion) {
        Matcher m = UNABLE_TO_EXPAND.matcher(text);
        String phrase = m.find() ? m.group(1).strip() : text;
        return Text.of("dsl.sentence-unknown", phrase, String.join(" | ", expansion.sentences()))
                .at(path, line > 0 ? line : null, null, ruleAbove(source, line));
    }

    /** The rule whose header stands nearest above a line of a DSLR that could not be expanded (so was not parsed). */
    private static String ruleAbove(String source, int line) {
        String[] lines = source.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher header = RULE_HEADER.matcher(lines[i]);
            if (header.find()) {
                return header.group(1);
            }
        }
        return null;
    }

    /** 0-based line within a rule's text holding one of the needles, or 0 for the rule's first line. */
    private static int lineNaming(String ruleText, Set<String> needles) {
        String[] lines = ruleText.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (needles.stream()
                    .anyMatch(n -> Pattern.compile("(?<![\\w$])" + Pattern.quote(n) + "(?![\\w$])")
                            .matcher(line)
                            .find())) {
                return i;
            }
        }
        return 0;
    }

    private static int generatedLineOf(DecisionTable table, String rule, Set<String> needles) {
        String[] lines = table.drl().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("rule \"" + rule + "\"")) {
                for (int j = i; j < lines.length && !lines[j].trim().equals("end"); j++) {
                    String line = lines[j];
                    if (needles.stream().anyMatch(line::contains)) {
                        return j + 1;
                    }
                }
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * Drools reports an unknown field or type in a condition without a line; the name it could
     * not resolve is found in the file's rules, which gives the line and the rule.
     */
    private static Problem locateUnresolved(RuleIndex index, String path, String text) {
        Matcher m = UNRESOLVED.matcher(text);
        if (!m.find()) {
            return null;
        }
        String name = null;
        for (int g = 2; g <= m.groupCount() && name == null; g++) {
            name = m.group(g);
        }
        Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])");
        for (RuleIndex.RuleSpan span : index.rules()) {
            Matcher at = span.file().equals(path) ? word.matcher(span.text()) : null;
            if (at != null && at.find()) {
                int line = span.line() + Sources.lineOf(span.text(), at.start()) - 1;
                Text what = m.group(3) != null
                        ? Text.of("drools.unknown-type", name, text)
                        : Text.of("drools.unknown-field", name, m.group(1) != null ? m.group(1) : "Assessment", text);
                return what.at(path, line, null, span.name());
            }
        }
        return null;
    }

    /** The table rule whose generated text holds a line. */
    static String tableRuleAt(DecisionTable table, int generatedLine) {
        if (table == null || generatedLine <= 0) {
            return null;
        }
        String[] lines = table.drl().split("\n", -1);
        for (int i = Math.min(generatedLine, lines.length) - 1; i >= 0; i--) {
            Matcher m = RULE_HEADER.matcher(lines[i]);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** The rule of a DRL or DSLR file that spans a line. */
    static String ruleAtLine(RuleIndex index, String path, int line) {
        if (path == null || line <= 0) {
            return null;
        }
        String found = null;
        for (RuleIndex.RuleSpan span : index.rules()) {
            if (span.file().equals(path) && span.line() <= line) {
                int endLine = span.line()
                        + (int) span.text().chars().filter(c -> c == '\n').count();
                if (line <= endLine) {
                    found = span.name();
                }
            }
        }
        return found;
    }

    /** One line, without the parser's stack trace that Drools appends to some messages. */
    private static String clean(String text) {
        return text == null
                ? ""
                : text.replaceAll("(?s)\\s*Problem stacktrace :.*", "").strip().replaceAll("\\s+", " ");
    }
}
