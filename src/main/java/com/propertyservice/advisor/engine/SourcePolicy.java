package com.propertyservice.advisor.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.jspecify.annotations.NullUnmarked;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * The first gate of the rule sandbox, on the DRL Drools is about to compile, parsed by Drools' own
 * parser: the parts of a rule file that Drools itself evaluates while it builds, before any
 * bytecode exists, are held to literals. Drools' executable model evaluates a rule annotation's
 * value with MVEL to see whether it is an expression ({@code @description(...)}); it compiles and
 * loads declared types, and it instantiates imported accumulate functions. So annotation values
 * must be literals, attributes must be literals from a short list, imports must name the fact
 * model or an allowed type, and type declarations, functions, globals, queries and the like are
 * refused. Everything else in a rule (constraints, consequences) becomes bytecode that
 * {@link BytecodePolicy} reads before it can run.
 */
@NullUnmarked // nullness not yet spelled out here: null is a value in places (see the Javadoc)
final class SourcePolicy {

    /** A refusal at a line of the DRL checked (1-based), naming the rule where there is one. */
    record Finding(int line, String rule, Text message) {}

    /** The parsed package, or the parser's errors when it does not parse (then nothing of it may be built). */
    record Parsed(PackageDescr pkg, List<Finding> errors) {}

    private static final Pattern STRING_LITERAL = Pattern.compile("\\s*\"(?:[^\"\\\\\\n]|\\\\[^\\n])*\"\\s*");
    private static final Pattern PLAIN_VALUE = Pattern.compile(
            "\\s*(?:-?\\d+(?:\\.\\d+)?|!?\\*|!?[\\p{L}_][\\p{L}\\p{N}_]*(?:\\s*,\\s*!?[\\p{L}_][\\p{L}\\p{N}_]*)*)\\s*");
    private static final Pattern INTEGER = Pattern.compile("\\s*-?\\d{1,9}\\s*");
    private static final Set<String> FLAG_ATTRIBUTES = Set.of("no-loop", "lock-on-active", "auto-focus");
    private static final Set<String> NAME_ATTRIBUTES = Set.of("agenda-group", "activation-group", "ruleflow-group");
    private static final Set<String> DIALECTS = Set.of("java", "mvel");

    private SourcePolicy() {}

    /** Parses DRL with Drools' parser (the language level Drools builds with). */
    static Parsed parse(String drl) {
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            return new Parsed(null, List.of(new Finding(0, null, Text.of("source.unparsable", e.getMessage()))));
        }
        List<Finding> errors = new ArrayList<>();
        for (DroolsError error : parser.getErrors()) {
            int line =
                    error instanceof ParserError p ? p.getRow() : error.getLines().length > 0 ? error.getLines()[0] : 0;
            errors.add(new Finding(line, null, Text.of("drools.says", error.getMessage())));
        }
        return new Parsed(errors.isEmpty() ? pkg : null, errors);
    }

    /** What in a parsed package ({@code drl} its text) Drools would evaluate while building, and may not. */
    static List<Finding> check(PackageDescr pkg, String drl) {
        String[] lines = drl.split("\n", -1);
        List<Finding> findings = new ArrayList<>();
        for (ImportDescr imported : pkg.getImports()) {
            String target = imported.getTarget();
            if (!importAllowed(target)) {
                findings.add(new Finding(
                        imported.getLine(), null, Text.of("source.import", target, FactModel.ENGINE_PACKAGE)));
            }
        }
        refuseAll(findings, pkg.getFunctionImports(), "source.import-function");
        refuseAll(findings, pkg.getAccumulateImports(), "source.import-accumulate");
        refuseAll(findings, pkg.getGlobals(), "source.global");
        refuseAll(findings, pkg.getFunctions(), "source.function");
        refuseAll(findings, pkg.getTypeDeclarations(), "source.declare");
        refuseAll(findings, pkg.getEnumDeclarations(), "source.declare-enum");
        refuseAll(findings, pkg.getEntryPointDeclarations(), "source.entry-point");
        refuseAll(findings, pkg.getWindowDeclarations(), "source.window");
        if (pkg.getUnit() != null) {
            findings.add(new Finding(pkg.getUnit().getLine(), null, Text.of("source.unit")));
        }
        for (AttributeDescr attribute : pkg.getAttributes()) {
            checkAttribute(findings, attribute, null);
        }
        for (RuleDescr rule : pkg.getRules()) {
            String name = rule.getName();
            if (rule.isQuery()) {
                findings.add(new Finding(rule.getLine(), name, Text.of("source.query")));
                continue;
            }
            if (rule.getUnit() != null) {
                findings.add(new Finding(rule.getLine(), name, Text.of("source.unit")));
            }
            for (AttributeDescr attribute : rule.getAttributes().values()) {
                checkAttribute(findings, attribute, name);
            }
            checkAnnotations(findings, rule, name, lines, rule.getLine());
            walkConditions(findings, rule.getLhs(), name, lines);
        }
        return findings;
    }

    private static boolean importAllowed(String target) {
        if (target.endsWith(".*")) {
            String pkg = target.substring(0, target.length() - 1);
            return pkg.equals(FactModel.ENGINE_PACKAGE) || pkg.equals(FactModel.ENGINE_PACKAGE + "fact.");
        }
        return AllowList.allowsType(target.replace('.', '/'));
    }

    private static void refuseAll(List<Finding> findings, Collection<? extends BaseDescr> descrs, String messageKey) {
        for (BaseDescr descr : descrs) {
            findings.add(new Finding(descr.getLine(), null, Text.of(messageKey)));
        }
    }

    private static void checkAttribute(List<Finding> findings, AttributeDescr attribute, String rule) {
        String name = attribute.getName();
        String value = attribute.getValue() == null ? "" : attribute.getValue();
        boolean allowed;
        if (name.equals("salience")) {
            allowed = INTEGER.matcher(value).matches();
        } else if (FLAG_ATTRIBUTES.contains(name)) {
            allowed = value.isBlank()
                    || value.strip().equals("true")
                    || value.strip().equals("false");
        } else if (NAME_ATTRIBUTES.contains(name)) {
            allowed = !value.contains("\"") && !value.contains("\n")
                    || STRING_LITERAL.matcher(value).matches();
        } else if (name.equals("dialect")) {
            allowed = DIALECTS.contains(value.replace("\"", "").strip());
        } else {
            findings.add(new Finding(attribute.getLine(), rule, Text.of("source.attribute-not-allowed", name)));
            return;
        }
        if (!allowed) {
            findings.add(new Finding(
                    attribute.getLine(),
                    rule,
                    name.equals("salience")
                            ? Text.of("source.salience-not-plain", value.strip())
                            : Text.of("source.attribute-not-plain", name, value.strip())));
        }
    }

    /** Drools evaluates annotation values while building; only literals are safe to give it. */
    private static void checkAnnotations(
            List<Finding> findings, AnnotatedBaseDescr descr, String rule, String[] lines, int from) {
        for (AnnotationDescr annotation : descr.getAnnotations()) {
            for (Map.Entry<String, Object> value : annotation.getValueMap().entrySet()) {
                String text = String.valueOf(value.getValue());
                if (!STRING_LITERAL.matcher(text).matches()
                        && !PLAIN_VALUE.matcher(text).matches()) {
                    int line = annotation.getLine() > 0
                            ? annotation.getLine()
                            : lineOf(lines, "@" + annotation.getName(), from);
                    findings.add(new Finding(
                            line, rule, Text.of("source.annotation-not-literal", annotation.getName(), text.strip())));
                }
            }
        }
    }

    private static void walkConditions(List<Finding> findings, BaseDescr descr, String rule, String[] lines) {
        if (descr instanceof PatternDescr pattern) {
            checkAnnotations(findings, pattern, rule, lines, pattern.getLine());
            if (pattern.getSource() != null) {
                walkConditions(findings, pattern.getSource(), rule, lines);
            }
        }
        if (descr instanceof ConditionalElementDescr element) {
            for (Object child : element.getDescrs()) {
                if (child instanceof BaseDescr childDescr) {
                    walkConditions(findings, childDescr, rule, lines);
                }
            }
        }
    }

    /** The parser gives annotations no line of their own: the first line from {@code from} on that names it. */
    private static int lineOf(String[] lines, String text, int from) {
        for (int i = Math.max(from, 1) - 1; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        return from;
    }
}
