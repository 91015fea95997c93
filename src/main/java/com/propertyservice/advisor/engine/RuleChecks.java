package com.propertyservice.advisor.engine;

import com.propertyservice.advisor.engine.fact.Assessment;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.NullUnmarked;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.definition.type.Description;

/**
 * The checks a rule set passes beyond compiling: what makes it readable and its advice complete
 * (a description on every rule, every text code in every language, no file without rules, unique
 * rule names) and the one convention the engine's speed rests on (no condition reads an
 * advice-only conclusion).
 */
@NullUnmarked // nullness not yet spelled out here: null is a value in places (see the Javadoc)
final class RuleChecks {

    private static final Pattern OUTPUT_READ =
            Pattern.compile("(?<![\\w.$\"])(" + String.join("|", Assessment.OUTPUT_ONLY) + ")(?![\\w\"])");
    private static final Pattern WHEN_THEN = Pattern.compile("(?s)\\bwhen\\b(.*?)\\bthen\\b");

    private RuleChecks() {}

    static void emptyRuleFiles(
            List<RuleSetInfo.FileInfo> files,
            Map<String, DecisionTable> tables,
            RuleIndex index,
            Set<String> unreadable,
            List<Problem> problems) {
        for (RuleSetInfo.FileInfo file : files) {
            if (unreadable.contains(file.path())) {
                continue; // its own problems say why it yields nothing
            }
            FileKind kind = FileKind.valueOf(file.kind());
            boolean convertedTable =
                    kind == FileKind.DECISION_TABLE && tables.get(file.path()).conversionProblem() == null;
            if ((kind == FileKind.DRL || kind == FileKind.DSLR || convertedTable) && index.rulesIn(file.path()) == 0) {
                problems.add(Text.of(kind == FileKind.DECISION_TABLE ? "file.no-rule-table" : "file.no-rule")
                        .at(file.path(), null, null, null));
            }
        }
    }

    static void duplicateRuleNames(RuleIndex index, List<Problem> problems) {
        Map<String, RuleIndex.RuleSpan> first = new HashMap<>();
        for (RuleIndex.RuleSpan span : index.rules()) {
            RuleIndex.RuleSpan earlier = first.putIfAbsent(span.name(), span);
            if (earlier != null) {
                problems.add(Text.of("check.duplicate-rule", earlier.file(), String.valueOf(earlier.line()))
                        .at(span.file(), span.line(), null, span.name()));
            }
        }
    }

    static void texts(RuleIndex index, TextCatalogue texts, List<Problem> problems) {
        Set<String> reported = new LinkedHashSet<>();
        for (RuleIndex.CodeUse use : index.codes()) {
            for (Language language : Language.values()) {
                if (!texts.has(use.code(), language) && reported.add(use.code() + "/" + language)) {
                    problems.add(Text.of("check.text-missing", use.code(), language.tag())
                            .at(use.file(), use.line(), null, use.rule()));
                }
            }
        }
    }

    /** Advice-only conclusions are written without modify, so no condition may read them (see Assessment.OUTPUT_ONLY). */
    static void outputsAreNotRead(RuleIndex index, RuleFiles files, List<Problem> problems) {
        for (RuleIndex.RuleSpan span : index.rules()) {
            Matcher lhs = WHEN_THEN.matcher(span.text());
            if (lhs.find()) {
                Matcher read = OUTPUT_READ.matcher(lhs.group(1).replaceAll("//[^\\n]*", ""));
                if (read.find()) {
                    boolean table = FileKind.of(span.file()) == FileKind.DECISION_TABLE;
                    int line = table
                            ? span.line()
                            : span.line() + Sources.lineOf(span.text(), lhs.start(1) + read.start()) - 1;
                    problems.add(Text.of("check.output-read", read.group(1)).at(span.file(), line, null, span.name()));
                }
            }
        }
        for (Map.Entry<String, byte[]> file : files.asMap().entrySet()) {
            if (FileKind.of(file.getKey()) != FileKind.DSL) {
                continue;
            }
            String[] lines = Sources.text(file.getValue()).split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                int eq = lines[i].indexOf('=');
                if (lines[i].strip().startsWith("[when]") && eq > 0) {
                    Matcher read = OUTPUT_READ.matcher(lines[i].substring(eq + 1));
                    if (read.find()) {
                        problems.add(Text.of("check.output-read", read.group(1)).at(file.getKey(), i + 1, null, null));
                    }
                }
            }
        }
    }

    static void descriptions(KieBase kieBase, RuleIndex index, List<Problem> problems) {
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleIndex.RuleSpan span = index.find(rule.getName());
                for (String key : List.of("description", "descriptionEn")) {
                    String value = meta(rule, key);
                    if (value == null || value.isBlank()) {
                        boolean table = span != null && FileKind.of(span.file()) == FileKind.DECISION_TABLE;
                        problems.add(
                                Text.of(table ? "check.description-missing-table" : "check.description-missing", key)
                                        .at(
                                                span == null ? null : span.file(),
                                                span == null ? null : span.line(),
                                                null,
                                                rule.getName()));
                    }
                }
            }
        }
    }

    /** A rule that cannot be placed in a file (smuggled into a table's Import cell, say) is not run: every rule must have its file and line. */
    static void everyRuleHasAFile(KieBase kieBase, RuleIndex index, List<Problem> problems) {
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (index.find(rule.getName()) == null) {
                    problems.add(Text.of("check.rule-without-file").at(null, null, null, rule.getName()));
                }
            }
        }
    }

    static String meta(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null && key.equals("description")) {
            // Drools files @description under the name of its own annotation type
            value = rule.getMetaData().get(Description.class.getName());
        }
        if (value == null) {
            return null;
        }
        String text = value.toString();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text;
    }
}
