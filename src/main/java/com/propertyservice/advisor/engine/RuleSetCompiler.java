package com.propertyservice.advisor.engine;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.drl.parser.lang.ExpanderException;
import org.drools.model.codegen.ExecutableModelProject;
import org.jspecify.annotations.NullUnmarked;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.internal.builder.conf.PropertySpecificOption;

/**
 * Compiles a rules folder (held in memory as {@link RuleFiles}) into a {@link CompiledRuleSet}, or
 * into a list of problems that say, for each, the file, the line (or sheet, row and column) and
 * the rule, in words a trainer can act on. Compilation never touches the running rule set.
 *
 * <p>Rule files are untrusted code, so the build passes two gates of the sandbox and nothing of a
 * rule file runs before both are passed: {@link SourcePolicy} on the DRL Drools is given (parsed by
 * Drools' parser), before Drools builds anything, and {@link BytecodePolicy} on every class the
 * executable model generated, before any is loaded. Then the kie base is made, and only then may
 * scenarios run.
 */
@NullUnmarked // nullness not yet spelled out here: null is a value in places (see the Javadoc)
final class RuleSetCompiler {

    static final String RESOURCES = "src/main/resources/";
    static final String TABLE_SUFFIX = ".generated.drl";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern RULE_HEADER = Pattern.compile("(?m)^(\\s*rule\\s+\"[^\"\\n]*\")");

    /**
     * The outcome of a compilation: a rule set when there is no problem, the scenarios the folder
     * carries, and warnings (table checks) that never block activation.
     */
    record Outcome(
            @Nullable CompiledRuleSet ruleSet,
            String version,
            List<Problem> problems,
            List<Scenario> scenarios,
            List<Problem> warnings) {}

    private RuleSetCompiler() {}

    /** One compilation: what the files held, what has been found wrong so far. */
    private static final class Build {
        final RuleFiles files;
        final List<Problem> problems = new ArrayList<>();
        final RuleIndex index = new RuleIndex();
        final TextCatalogue texts = new TextCatalogue();
        final List<Scenario> scenarios = new ArrayList<>();
        final Map<String, DecisionTable> tables = new HashMap<>();
        final Map<String, String> dsl = new LinkedHashMap<>();
        final Map<String, String> dslr = new LinkedHashMap<>();
        final Map<String, String> drl = new LinkedHashMap<>();
        final List<RuleSetInfo.FileInfo> fileInfos = new ArrayList<>();
        final SourceMap sourceMap = new SourceMap(index);
        final Set<String> unreadable = new HashSet<>();
        DslExpansion expansion;
        boolean anyRuleFile;

        Build(RuleFiles files) {
            this.files = files;
        }
    }

    /** Compiles with the executable model, behind both gates of the sandbox (see docs/architecture.md for why). */
    static Outcome compile(RuleFiles files) {
        String version = files.version();
        Build build = new Build(files);
        read(build);
        if (!build.anyRuleFile) {
            build.problems.add(Text.of("folder.no-rule-file").at(null, null, null, null));
        }
        // Drools' executable model writes the Java it generates from the rules in the JVM's default charset: under
        // any other than UTF-8 (Java 17 on a POSIX locale, a container without LANG) Chinese rule names and texts
        // are silently mangled, and names then collide. Said first, so the cause is not lost among its effects.
        if (!StandardCharsets.UTF_8.equals(Charset.defaultCharset())) {
            build.problems.add(
                    0, Text.of("jvm.charset", Charset.defaultCharset().name()).at(null, null, null, null));
        }
        build.expansion = new DslExpansion(build.dsl);
        build.expansion
                .errors()
                .forEach(e -> build.problems.add(DroolsMessages.dslLine(e.file(), e.line(), e.message())));
        boolean checkedClean = checkSources(build) && build.problems.isEmpty();

        RuleChecks.emptyRuleFiles(build.fileInfos, build.tables, build.index, build.unreadable, build.problems);
        RuleChecks.duplicateRuleNames(build.index, build.problems);
        RuleChecks.texts(build.index, build.texts, build.problems);
        RuleChecks.outputsAreNotRead(build.index, files, build.problems);
        TableChecks.Result tableChecks = TableChecks.check(build.tables.values());
        build.problems.addAll(tableChecks.errors());

        KieBase kieBase = null;
        if (checkedClean && build.problems.isEmpty()) {
            kieBase = buildKieBase(build);
        }
        if (kieBase != null) {
            RuleChecks.descriptions(kieBase, build.index, build.problems);
            RuleChecks.everyRuleHasAFile(kieBase, build.index, build.problems);
        }
        if (!build.problems.isEmpty() || kieBase == null) {
            return new Outcome(null, version, build.problems, build.scenarios, tableChecks.warnings());
        }
        List<RuleSetInfo.RuleInfo> rules = ruleInfos(kieBase, build.index);
        CompiledRuleSet set = new CompiledRuleSet(
                kieBase,
                version,
                Instant.now(),
                build.fileInfos,
                rules,
                List.copyOf(build.index.issueKeys()),
                catalogue(build.index, rules),
                build.texts,
                build.scenarios);
        return new Outcome(set, version, build.problems, build.scenarios, tableChecks.warnings());
    }

    /** Sorts the files by kind: rule sources to be checked and built, texts, scenarios, and what is misplaced. */
    private static void read(Build build) {
        for (Map.Entry<String, byte[]> entry : build.files.asMap().entrySet()) {
            String path = entry.getKey();
            byte[] content = entry.getValue();
            FileKind kind = FileKind.of(path);
            build.fileInfos.add(new RuleSetInfo.FileInfo(path, kind.name(), RuleFiles.sha256(content), content.length));
            String text = kind.isText() ? Sources.text(content) : null;
            switch (kind) {
                case DRL -> {
                    build.anyRuleFile = true;
                    build.drl.put(path, withImmediatePropagation(text));
                }
                case DSLR -> {
                    build.anyRuleFile = true;
                    build.dslr.put(path, withImmediatePropagation(text));
                }
                case DSL -> {
                    build.index.addDsl(path, text);
                    build.dsl.put(path, text);
                }
                case DECISION_TABLE -> {
                    build.anyRuleFile = true;
                    DecisionTable table = DecisionTable.convert(path, content);
                    build.tables.put(path, table);
                    if (table.conversionProblem() != null) {
                        build.problems.add(table.conversionProblem());
                    } else {
                        build.drl.put(path + TABLE_SUFFIX, withImmediatePropagation(table.drl()));
                    }
                }
                case TEXTS -> build.texts.add(path, text, build.problems);
                case SCENARIO -> {
                    Scenario scenario = ScenarioLoader.load(path, text, build.problems);
                    if (scenario != null) {
                        build.scenarios.add(scenario);
                    }
                }
                case MISNAMED_TABLE ->
                    build.problems.add(
                            Text.of("file.misnamed-table", path.replaceFirst("\\.(csv|xlsx|xls)$", ".drl.$1"))
                                    .at(path, null, null, null));
                case DOCUMENT -> {
                    /* notes for trainers, not rules */
                }
                case UNKNOWN -> build.problems.add(Text.of("file.unknown-kind").at(path, null, null, null));
            }
        }
    }

    /**
     * The first gate: every DRL Drools will compile (as written, generated from a table, or expanded
     * from a DSLR with the joined DSL) parses, and keeps to {@link SourcePolicy}.
     *
     * @return whether every source parsed and passed
     */
    private static boolean checkSources(Build build) {
        boolean clean = true;
        for (Map.Entry<String, String> source : build.drl.entrySet()) {
            String path = source.getKey();
            boolean table = path.endsWith(TABLE_SUFFIX);
            String file = table ? path.substring(0, path.length() - TABLE_SUFFIX.length()) : path;
            clean &= checkSource(
                    build,
                    file,
                    source.getValue(),
                    source.getValue(),
                    line -> line,
                    table ? build.tables.get(file) : null);
        }
        for (Map.Entry<String, String> source : build.dslr.entrySet()) {
            DslExpansion.Expanded expanded = build.expansion.expand(source.getValue());
            for (ExpanderException unexpanded : expanded.unexpanded()) {
                build.problems.add(DroolsMessages.unexpanded(
                        source.getKey(),
                        source.getValue(),
                        unexpanded.getLine(),
                        unexpanded.getMessage(),
                        build.expansion));
                build.unreadable.add(source.getKey());
                clean = false;
            }
            if (expanded.unexpanded().isEmpty()) {
                clean &= checkSource(
                        build, source.getKey(), source.getValue(), expanded.drl(), expanded::toOriginal, null);
            }
        }
        return clean;
    }

    /** Parses what Drools will compile of one file, indexes its rules, and holds it to the source policy. */
    private static boolean checkSource(
            Build build, String file, String text, String drl, IntUnaryOperator toFileLine, DecisionTable table) {
        build.sourceMap.add(file, drl, toFileLine, table);
        SourcePolicy.Parsed parsed = SourcePolicy.parse(drl);
        if (parsed.pkg() != null) {
            build.index.addRules(file, text, parsed.pkg(), toFileLine, table);
        } else {
            build.unreadable.add(file);
        }
        List<SourcePolicy.Finding> findings =
                parsed.pkg() == null ? parsed.errors() : SourcePolicy.check(parsed.pkg(), drl);
        for (SourcePolicy.Finding finding : findings) {
            Text message = parsed.pkg() == null ? finding.message() : Text.of("forbidden", finding.message());
            if (table != null) {
                String rule =
                        finding.rule() != null ? finding.rule() : DroolsMessages.tableRuleAt(table, finding.line());
                build.problems.add(table.locate(finding.line(), rule, message));
            } else {
                int line = toFileLine.applyAsInt(finding.line());
                String rule =
                        finding.rule() != null ? finding.rule() : DroolsMessages.ruleAtLine(build.index, file, line);
                build.problems.add(message.at(file, line > 0 ? line : null, null, rule));
            }
        }
        return findings.isEmpty();
    }

    /**
     * Builds with the executable model, reads every generated class through the second gate, and
     * only then loads the classes into a kie base.
     */
    private static KieBase buildKieBase(Build build) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        build.drl.forEach((path, text) -> kfs.write(RESOURCES + path, text.getBytes(StandardCharsets.UTF_8)));
        build.dslr.forEach((path, text) -> kfs.write(RESOURCES + path, text.getBytes(StandardCharsets.UTF_8)));
        if (!build.expansion.isEmpty()) {
            kfs.write(
                    RESOURCES + DslExpansion.JOINED_PATH,
                    build.expansion.joined().getBytes(StandardCharsets.UTF_8));
        }
        ReleaseId releaseId =
                ks.newReleaseId("com.propertyservice.advisor", "rules-" + BUILDS.incrementAndGet(), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        // property reactivity for every fact class, so advice written with modify never re-triggers its own rule
        kfs.writeKModuleXML(ks.newKieModuleModel()
                .setConfigurationProperty(PropertySpecificOption.PROPERTY_NAME, PropertySpecificOption.ALWAYS.name())
                .toXML());
        // Drools derives its project class loader from the thread's context class loader, and reuses
        // that loader when it is itself a Drools one; a build must never depend on which thread (a
        // request, the watcher, a benchmark) asks for it, so each build gets the engine's own
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(RuleSetCompiler.class.getClassLoader());
        try {
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                build.problems.addAll(
                        DroolsMessages.translate(errors, build.tables, build.expansion, build.index, build.sourceMap));
                return null;
            }
            List<BytecodePolicy.Violation> violations =
                    BytecodePolicy.check(classFiles((InternalKieModule) builder.getKieModule()));
            if (!violations.isEmpty()) {
                build.problems.addAll(DroolsMessages.violations(
                        violations, build.index, build.sourceMap, build.expansion, build.files));
                return null;
            }
            return ks.newKieContainer(releaseId, RuleSetCompiler.class.getClassLoader())
                    .getKieBase();
        } finally {
            // the KieBase keeps working; dropping the module stops old builds piling up in the repository
            ks.getRepository().removeKieModule(releaseId);
            thread.setContextClassLoader(callers);
        }
    }

    private static Map<String, byte[]> classFiles(InternalKieModule module) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) {
                classes.put(name, module.getBytes(name));
            }
        }
        return classes;
    }

    private static List<RuleSetInfo.RuleInfo> ruleInfos(KieBase kieBase, RuleIndex index) {
        List<RuleSetInfo.RuleInfo> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleIndex.RuleSpan span = index.find(rule.getName());
                rules.add(new RuleSetInfo.RuleInfo(
                        rule.getName(),
                        span == null ? null : span.file(),
                        span == null ? null : span.line(),
                        RuleChecks.meta(rule, "description"),
                        RuleChecks.meta(rule, "descriptionEn"),
                        0));
            }
        }
        rules.sort(Comparator.comparing((RuleSetInfo.RuleInfo r) -> String.valueOf(r.file()))
                .thenComparing(r -> r.line() == null ? 0 : r.line())
                .thenComparing(RuleSetInfo.RuleInfo::name));
        return rules;
    }

    private static List<RuleSetInfo.CatalogueEntry> catalogue(RuleIndex index, List<RuleSetInfo.RuleInfo> rules) {
        Map<String, RuleSetInfo.RuleInfo> byName = new HashMap<>();
        rules.forEach(r -> byName.putIfAbsent(r.name(), r));
        return index.classifications().stream()
                .map(c -> {
                    RuleSetInfo.RuleInfo rule = byName.get(c.rule());
                    return new RuleSetInfo.CatalogueEntry(
                            c.issue(),
                            ServiceArea.valueOf(c.area()),
                            KanoFactor.valueOf(c.kano()),
                            QualityDimension.valueOf(c.dimension()),
                            c.rule(),
                            rule == null ? null : rule.description(),
                            rule == null ? null : rule.descriptionEn());
                })
                .sorted(Comparator.comparing(RuleSetInfo.CatalogueEntry::area)
                        .thenComparing(RuleSetInfo.CatalogueEntry::issue))
                .toList();
    }

    /**
     * Marks every rule {@code @Propagation(IMMEDIATE)}, which is Drools' default propagation, so the
     * rule means exactly the same. The mark matters for speed only: without it Drools 10 compiles a
     * rule with a single pattern into an AlphaTerminalNode, and that node queues its rule on the
     * agenda at every {@code modify} of the fact, before checking whether the modified properties
     * concern it at all. Our rules write each conclusion with a modify of the one Assessment, so
     * every advice paid for dozens of needless agenda operations (profile and figures in
     * docs/performance.md). The mark goes on the rule's own line, so reported line numbers stay true;
     * a file that sets a propagation itself is left alone. It is added before the sandbox's first
     * gate, which therefore checks the text Drools compiles.
     */
    static String withImmediatePropagation(String drl) {
        if (drl.contains("@Propagation")) {
            return drl;
        }
        return RULE_HEADER.matcher(drl).replaceAll("$1 @Propagation(IMMEDIATE)");
    }
}
