package com.propertyservice.advisor.engine.internal;

import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.Problem;
import com.propertyservice.advisor.engine.RuleFiles;
import com.propertyservice.advisor.engine.RuleSetInfo;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.internal.builder.conf.PropertySpecificOption;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a rules folder (held in memory as {@link RuleFiles}) into a {@link CompiledRuleSet}, or
 * into a list of problems that say, for each, the file, the line (or sheet, row and column) and
 * the rule, in words a trainer can act on. Compilation never touches the running rule set.
 */
public final class RuleSetCompiler {

    private static final String RESOURCES = "src/main/resources/";
    private static final String TABLE_SUFFIX = ".generated.drl";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern DSL_ENTRY = Pattern.compile("(?m)^\\s*\\[(when|then|condition|consequence|keyword|\\*)\\](?:\\[[^\\]]*\\])?(.*?)=");
    private static final Pattern UNABLE_TO_EXPAND = Pattern.compile("Unable to expand:\\s*(.*)", Pattern.DOTALL);
    private static final Pattern RULE_NAMED = Pattern.compile("Rule name='([^']+)'");
    private static final Pattern LINE_IN_TEXT = Pattern.compile("[Ll]ine (\\d+)");
    private static final Pattern RULE_HEADER = Pattern.compile("(?m)^(\\s*rule\\s+\"[^\"\\n]*\")");

    /**
     * The outcome of a compilation: a rule set when there is no problem, the scenarios the folder
     * carries, and warnings (table checks) that never block activation.
     */
    public record Outcome(CompiledRuleSet ruleSet, String version, List<Problem> problems, List<Scenario> scenarios,
                          List<Problem> warnings) {
        public Outcome(CompiledRuleSet ruleSet, String version, List<Problem> problems, List<Scenario> scenarios) {
            this(ruleSet, version, problems, scenarios, List.of());
        }
    }

    private RuleSetCompiler() {
    }

    /** Compiles with the classic engine (see docs/architecture.md for why). */
    public static Outcome compile(RuleFiles files) {
        return compile(files, null);
    }

    /**
     * Compiles with a given Drools project type ({@code null} for the classic engine); the
     * executable model is used only by the build-time comparison in the benchmarks.
     */
    public static Outcome compile(RuleFiles files, Class<? extends KieBuilder.ProjectType> projectType) {
        String version = files.sha256().substring(0, 12);
        List<Problem> problems = new ArrayList<>();
        RuleIndex index = new RuleIndex();
        TextCatalogue texts = new TextCatalogue();
        List<Scenario> scenarios = new ArrayList<>();
        Map<String, DecisionTable> tables = new HashMap<>();
        Map<String, List<String>> dslPhrases = new LinkedHashMap<>();
        List<RuleSetInfo.FileInfo> fileInfos = new ArrayList<>();
        List<Problem> unsafe = new ArrayList<>();

        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        boolean anyRuleFile = false;

        for (Map.Entry<String, byte[]> entry : files.asMap().entrySet()) {
            String path = entry.getKey();
            byte[] content = entry.getValue();
            FileKind kind = FileKind.of(path);
            fileInfos.add(new RuleSetInfo.FileInfo(path, kind.name(), RuleFiles.sha256(content), content.length));
            String text = kind.isText() ? Sources.text(content) : null;
            switch (kind) {
                case DRL, DSLR -> {
                    anyRuleFile = true;
                    index.addRuleSource(path, text, false);
                    unsafe.addAll(safety(path, kind == FileKind.DRL ? SafetyCheck.scanDrl(text) : SafetyCheck.scanDslr(text), index, null));
                    kfs.write(RESOURCES + path, withImmediatePropagation(text).getBytes(StandardCharsets.UTF_8));
                }
                case DSL -> {
                    index.addDsl(path, text);
                    dslPhrases.put(path, phrases(text));
                    unsafe.addAll(safety(path, SafetyCheck.scanDsl(text), index, null));
                    kfs.write(RESOURCES + path, text.getBytes(StandardCharsets.UTF_8));
                }
                case DECISION_TABLE -> {
                    anyRuleFile = true;
                    DecisionTable table = DecisionTable.convert(path, content);
                    tables.put(path, table);
                    if (table.conversionProblem() != null) {
                        problems.add(table.conversionProblem());
                    } else {
                        index.addRuleSource(path, table.drl(), true);
                        unsafe.addAll(safety(path, SafetyCheck.scanDrl(table.drl()), index, table));
                        kfs.write(RESOURCES + path + TABLE_SUFFIX, withImmediatePropagation(table.drl()).getBytes(StandardCharsets.UTF_8));
                    }
                }
                case TEXTS -> texts.add(path, text, problems);
                case SCENARIO -> {
                    Scenario scenario = ScenarioLoader.load(path, text, problems);
                    if (scenario != null) {
                        scenarios.add(scenario);
                    }
                }
                case MISNAMED_TABLE -> problems.add(Problem.ofFile(path,
                        "a decision table must be named *.drl.csv, *.drl.xls or *.drl.xlsx, or Drools skips it without a word; rename it to "
                                + path.replaceFirst("\\.(csv|xlsx|xls)$", ".drl.$1")));
                case DOCUMENT -> { /* notes for trainers, not rules */ }
                case UNKNOWN -> problems.add(Problem.ofFile(path,
                        "unknown kind of file; the rules folder takes *.drl, *.drl.csv, *.drl.xlsx, *.dsl, *.dslr, texts/*.properties, scenarios/*.yaml and notes (*.md, *.txt)"));
            }
        }
        if (!anyRuleFile) {
            problems.add(new Problem(null, null, null, null, "the rules folder holds no rule file (*.drl, *.drl.csv, *.drl.xlsx or *.dslr)"));
        }
        for (RuleSetInfo.FileInfo file : fileInfos) {
            FileKind kind = FileKind.valueOf(file.kind());
            boolean convertedTable = kind == FileKind.DECISION_TABLE && tables.get(file.path()).conversionProblem() == null;
            if ((kind == FileKind.DRL || kind == FileKind.DSLR || convertedTable) && index.rulesIn(file.path()) == 0) {
                problems.add(Problem.ofFile(file.path(), kind == FileKind.DECISION_TABLE
                        ? "this table yields no rule: check that it has a 'RuleTable <name>' row and rule rows below the column titles"
                        : "this file yields no rule: every rule starts with 'rule \"name\"' and ends with 'end'"));
            }
        }
        duplicateRuleNames(index, problems);
        checkTexts(index, texts, problems);
        checkOutputsAreNotRead(index, files, problems);

        problems.addAll(unsafe);
        TableChecks.Result tableChecks = TableChecks.check(tables.values());
        problems.addAll(tableChecks.errors());
        List<Problem> warnings = tableChecks.warnings();
        KieBase kieBase = null;
        if (anyRuleFile && unsafe.isEmpty()) { // forbidden code is never handed to the Java compiler
            // Drools derives its project class loader from the thread's context class loader, and
            // reuses that loader when it is itself a Drools one; a build must never depend on which
            // thread (a request, the watcher, a benchmark) asks for it, so each build gets the engine's own
            Thread thread = Thread.currentThread();
            ClassLoader callers = thread.getContextClassLoader();
            thread.setContextClassLoader(RuleSetCompiler.class.getClassLoader());
            try {
                kieBase = build(ks, kfs, projectType, tables, dslPhrases, index, problems);
            } finally {
                thread.setContextClassLoader(callers);
            }
        }
        if (kieBase != null) {
            checkDescriptions(kieBase, index, problems);
        }
        if (!problems.isEmpty() || kieBase == null) {
            return new Outcome(null, version, problems, scenarios, warnings);
        }
        List<RuleSetInfo.RuleInfo> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleIndex.RuleSpan span = index.find(rule.getName());
                rules.add(new RuleSetInfo.RuleInfo(rule.getName(), span == null ? null : span.file(), span == null ? null : span.line(),
                        meta(rule, "description"), meta(rule, "descriptionEn"), 0));
            }
        }
        rules.sort(java.util.Comparator.comparing((RuleSetInfo.RuleInfo r) -> String.valueOf(r.file()))
                .thenComparing(r -> r.line() == null ? 0 : r.line()).thenComparing(RuleSetInfo.RuleInfo::name));
        Map<String, RuleSetInfo.RuleInfo> byName = new HashMap<>();
        rules.forEach(r -> byName.putIfAbsent(r.name(), r));
        List<RuleSetInfo.CatalogueEntry> catalogue = index.classifications().stream()
                .map(c -> new RuleSetInfo.CatalogueEntry(c.issue(), com.propertyservice.advisor.engine.ServiceArea.valueOf(c.area()),
                        com.propertyservice.advisor.engine.KanoFactor.valueOf(c.kano()),
                        com.propertyservice.advisor.engine.QualityDimension.valueOf(c.dimension()), c.rule(),
                        byName.containsKey(c.rule()) ? byName.get(c.rule()).description() : null,
                        byName.containsKey(c.rule()) ? byName.get(c.rule()).descriptionEn() : null))
                .sorted(java.util.Comparator.comparing(RuleSetInfo.CatalogueEntry::area).thenComparing(RuleSetInfo.CatalogueEntry::issue))
                .toList();
        CompiledRuleSet set = new CompiledRuleSet(kieBase, version, Instant.now(), fileInfos, rules,
                List.copyOf(index.issueKeys()), catalogue, texts, scenarios);
        return new Outcome(set, version, problems, scenarios, warnings);
    }

    private static KieBase build(KieServices ks, KieFileSystem kfs, Class<? extends KieBuilder.ProjectType> projectType,
                                 Map<String, DecisionTable> tables,
                                 Map<String, List<String>> dslPhrases, RuleIndex index, List<Problem> problems) {
        ReleaseId releaseId = ks.newReleaseId("com.propertyservice.advisor", "rules-" + BUILDS.incrementAndGet(), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        // property reactivity for every fact class, so advice written with modify never re-triggers its own rule
        kfs.writeKModuleXML(ks.newKieModuleModel()
                .setConfigurationProperty(PropertySpecificOption.PROPERTY_NAME, PropertySpecificOption.ALWAYS.name())
                .toXML());
        KieBuilder builder = projectType == null ? ks.newKieBuilder(kfs).buildAll() : ks.newKieBuilder(kfs).buildAll(projectType);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            Set<String> seen = new LinkedHashSet<>();
            Set<String> unexpandedLines = new LinkedHashSet<>();
            List<Problem> translated = new ArrayList<>();
            for (Message message : errors) {
                if (message.getText() != null && message.getText().contains("No mapping entries for expanding")) {
                    continue; // Drools says it twice; "Unable to expand" follows with the same line
                }
                Problem problem = translate(message, tables, dslPhrases, index);
                if (message.getText() != null && message.getText().contains("Unable to expand")) {
                    unexpandedLines.add(problem.file() + ":" + problem.line());
                }
                translated.add(problem);
            }
            for (Problem problem : translated) {
                boolean followOn = problem.message().startsWith("[ERR ") && unexpandedLines.contains(problem.file() + ":" + problem.line());
                if (!followOn && seen.add(problem.toString())) {
                    problems.add(problem);
                }
            }
            ks.getRepository().removeKieModule(releaseId);
            return null;
        }
        try {
            return ks.newKieContainer(releaseId, RuleSetCompiler.class.getClassLoader()).getKieBase();
        } finally {
            // the KieBase keeps working; dropping the module stops old builds piling up in the repository
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    private static Problem translate(Message message, Map<String, DecisionTable> tables,
                                     Map<String, List<String>> dslPhrases, RuleIndex index) {
        String path = message.getPath() == null ? null : message.getPath().replaceFirst("^" + RESOURCES, "");
        String text = clean(message.getText());
        int line = message.getLine();
        if (line <= 0) {
            Matcher m = LINE_IN_TEXT.matcher(text);
            if (m.find()) {
                line = Integer.parseInt(m.group(1));
            }
        }
        if (path == null || line <= 0) {
            // some errors (e.g. an unknown field in classic mode) name only the rule: find it and the line in error
            Matcher named = RULE_NAMED.matcher(text);
            RuleIndex.RuleSpan span = named.find() ? index.find(named.group(1)) : null;
            if (span != null) {
                int inRule = lineNaming(span.text(), Sources.needles(text));
                boolean table = FileKind.of(span.file()) == FileKind.DECISION_TABLE;
                if (table) {
                    return tables.get(span.file()).locate(generatedLineOf(tables.get(span.file()), span.name(), Sources.needles(text)), span.name(), text);
                }
                return new Problem(span.file(), span.line() + Math.max(inRule, 0), null, span.name(), text);
            }
        }
        if (path != null && line <= 0 && !path.endsWith(TABLE_SUFFIX)) {
            // e.g. an unknown field in classic mode: Drools gives the file but no line; find the line naming it
            Problem located = locateUnresolved(index, path, text);
            if (located != null) {
                return located;
            }
            Set<String> needles = Sources.needles(text);
            for (RuleIndex.RuleSpan span : index.rules()) {
                int inRule = span.file().equals(path) ? lineNaming(span.text(), needles) : 0;
                if (inRule > 0) {
                    return new Problem(path, span.line() + inRule, null, span.name(), text);
                }
            }
        }
        if (path != null && path.endsWith(TABLE_SUFFIX)) {
            String table = path.substring(0, path.length() - TABLE_SUFFIX.length());
            String rule = ruleAt(index, table, line, tables.get(table));
            return tables.get(table).locate(line, rule, text);
        }
        if (path == null && text.startsWith("DSL") && !dslPhrases.isEmpty()) {
            String dsl = dslPhrases.size() == 1 ? dslPhrases.keySet().iterator().next() : null;
            return new Problem(dsl, line > 0 ? line : null, message.getColumn() > 0 ? String.valueOf(message.getColumn()) : null, null,
                    "this DSL line cannot be read (" + text + (dsl == null ? ", in one of " + dslPhrases.keySet() : "")
                            + "): each line is [when] or [then], the sentence, '=', and the rule code; write braces in the code as \\{ and \\}, "
                            + "and use no full-width colon '：' or other reserved sign (: = [ ]) inside the sentence");
        }
        Matcher unexpanded = UNABLE_TO_EXPAND.matcher(text);
        if (unexpanded.find()) {
            List<String> known = dslPhrases.values().stream().flatMap(List::stream).distinct().toList();
            String phrase = unexpanded.group(1).strip();
            return new Problem(path, line > 0 ? line : null, null, ruleAtLine(index, path, line),
                    "the sentence '" + phrase + "' is not in the DSL; write it as one of the known sentences, or add it to the .dsl file. Known sentences: "
                            + String.join(" | ", known));
        }
        return new Problem(path, line > 0 ? line : null, message.getColumn() > 0 ? String.valueOf(message.getColumn()) : null,
                ruleAtLine(index, path, line), text);
    }

    /** 0-based line within a rule's text holding one of the needles, or 0 for the rule's first line. */
    private static int lineNaming(String ruleText, Set<String> needles) {
        String[] lines = ruleText.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (needles.stream().anyMatch(n -> line.matches(".*\\b" + Pattern.quote(n) + "\\b.*"))) {
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

    private static final Pattern UNRESOLVED = Pattern.compile(
            "unable to resolve method using strict-mode: [\\w.$]*?(\\w+)\\.(\\w+)\\(\\)|Unable to resolve ObjectType '(\\w+)'|Field Reader does not exist for declaration '(\\w+)'");

    /**
     * Drools reports an unknown field or type in a condition without a line; the name it could
     * not resolve is found in the file's rules, which gives the line and the rule.
     */
    private static Problem locateUnresolved(RuleIndex index, String path, String text) {
        Matcher m = UNRESOLVED.matcher(text);
        if (!m.find()) {
            return null;
        }
        String name = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])");
        for (RuleIndex.RuleSpan span : index.rules()) {
            Matcher at = span.file().equals(path) ? word.matcher(span.text()) : null;
            if (at != null && at.find()) {
                int line = span.line() + Sources.lineOf(span.text(), at.start()) - 1;
                String what = m.group(2) != null ? "'" + name + "' is not a field of " + m.group(1) + " (check its spelling)"
                        : "'" + name + "' is not a known type or variable (check its spelling and the file's imports)";
                return new Problem(path, line, null, span.name(), what + ": " + text);
            }
        }
        return null;
    }

    /** Safety findings as problems; for a table, pointed at the cell whose value brought the forbidden code in. */
    private static List<Problem> safety(String path, List<SafetyCheck.Finding> findings, RuleIndex index, DecisionTable table) {
        List<Problem> found = new ArrayList<>();
        for (SafetyCheck.Finding finding : findings) {
            String message = "forbidden: " + finding.message();
            found.add(table == null
                    ? new Problem(path, finding.line(), null, ruleAtLine(index, path, finding.line()), message)
                    : table.locate(finding.line(), ruleAt(index, path, finding.line(), table), message));
        }
        return found;
    }

    private static String ruleAt(RuleIndex index, String table, int generatedLine, DecisionTable decisionTable) {
        if (decisionTable == null || generatedLine <= 0) {
            return null;
        }
        String[] lines = decisionTable.drl().split("\n", -1);
        for (int i = Math.min(generatedLine, lines.length) - 1; i >= 0; i--) {
            Matcher m = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"").matcher(lines[i]);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String ruleAtLine(RuleIndex index, String path, int line) {
        if (path == null || line <= 0) {
            return null;
        }
        String found = null;
        for (RuleIndex.RuleSpan span : index.rules()) {
            if (span.file().equals(path) && span.line() <= line) {
                int endLine = span.line() + (int) span.text().chars().filter(c -> c == '\n').count();
                if (line <= endLine) {
                    found = span.name();
                }
            }
        }
        return found;
    }

    private static void duplicateRuleNames(RuleIndex index, List<Problem> problems) {
        Map<String, RuleIndex.RuleSpan> first = new HashMap<>();
        for (RuleIndex.RuleSpan span : index.rules()) {
            RuleIndex.RuleSpan earlier = first.putIfAbsent(span.name(), span);
            if (earlier != null) {
                problems.add(new Problem(span.file(), span.line(), null, span.name(),
                        "another rule already has this name (" + earlier.file() + ", line " + earlier.line()
                                + "); the trail of fired rules names rules, so give each its own name"));
            }
        }
    }

    private static final Pattern OUTPUT_READ = Pattern.compile("(?<![\\w.$\"])("
            + String.join("|", com.propertyservice.advisor.engine.fact.Assessment.OUTPUT_ONLY) + ")(?![\\w\"])");
    private static final Pattern WHEN_THEN = Pattern.compile("(?s)\\bwhen\\b(.*?)\\bthen\\b");

    /** Advice-only conclusions are written without modify, so no condition may read them (see Assessment.OUTPUT_ONLY). */
    private static void checkOutputsAreNotRead(RuleIndex index, RuleFiles files, List<Problem> problems) {
        for (RuleIndex.RuleSpan span : index.rules()) {
            Matcher lhs = WHEN_THEN.matcher(span.text());
            if (lhs.find()) {
                Matcher read = OUTPUT_READ.matcher(lhs.group(1).replaceAll("//[^\\n]*", ""));
                if (read.find()) {
                    boolean table = FileKind.of(span.file()) == FileKind.DECISION_TABLE;
                    int line = table ? span.line() : span.line() + Sources.lineOf(span.text(), lhs.start(1) + read.start()) - 1;
                    problems.add(new Problem(span.file(), line, null, span.name(), outputReadMessage(read.group(1))));
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
                        problems.add(new Problem(file.getKey(), i + 1, null, null, outputReadMessage(read.group(1))));
                    }
                }
            }
        }
    }

    private static String outputReadMessage(String property) {
        return "a condition reads '" + property + "', which is advice only: rules write it without modify, so a condition"
                + " on it would not see the final value; base the condition on the facts that decide it instead"
                + " (the incident, kanoFactor, atFault, causes, flags)";
    }

    private static void checkTexts(RuleIndex index, TextCatalogue texts, List<Problem> problems) {
        Set<String> reported = new LinkedHashSet<>();
        for (RuleIndex.CodeUse use : index.codes()) {
            for (Language language : Language.values()) {
                if (!texts.has(use.code(), language) && reported.add(use.code() + "/" + language)) {
                    problems.add(new Problem(use.file(), use.line(), null, use.rule(),
                            "text code '" + use.code() + "' has no " + language.tag() + " text; add a line '" + use.code()
                                    + "=...' to a file texts/<name>." + language.tag() + ".properties"));
                }
            }
        }
    }

    private static void checkDescriptions(KieBase kieBase, RuleIndex index, List<Problem> problems) {
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleIndex.RuleSpan span = index.find(rule.getName());
                for (String key : List.of("description", "descriptionEn")) {
                    String value = meta(rule, key);
                    if (value == null || value.isBlank()) {
                        problems.add(new Problem(span == null ? null : span.file(), span == null ? null : span.line(), null, rule.getName(),
                                "the rule has no @" + key + "(\"...\"): say in a sentence what it decides, so trainers and supervisors can read the trail"
                                        + (span != null && FileKind.of(span.file()) == FileKind.DECISION_TABLE ? " (fill the row's " + key + " column)" : "")));
                    }
                }
            }
        }
    }

    private static String meta(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null && key.equals("description")) {
            // Drools files @description under the name of its own annotation type
            value = rule.getMetaData().get(org.kie.api.definition.type.Description.class.getName());
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

    private static List<String> phrases(String dsl) {
        List<String> phrases = new ArrayList<>();
        Matcher m = DSL_ENTRY.matcher(dsl);
        while (m.find()) {
            phrases.add("[" + m.group(1) + "] " + m.group(2).strip());
        }
        return phrases;
    }

    /**
     * Marks every rule {@code @Propagation(IMMEDIATE)}, which is Drools' default propagation, so the
     * rule means exactly the same. The mark matters for speed only: without it Drools 10 compiles a
     * rule with a single pattern into an AlphaTerminalNode, and that node queues its rule on the
     * agenda at every {@code modify} of the fact, before checking whether the modified properties
     * concern it at all. Our rules write each conclusion with a modify of the one Assessment, so
     * every advice paid for dozens of needless agenda operations (profile and figures in
     * docs/performance.md). The mark goes on the rule's own line, so reported line numbers stay true;
     * a file that sets a propagation itself is left alone.
     */
    static String withImmediatePropagation(String drl) {
        if (drl.contains("@Propagation")) {
            return drl;
        }
        return RULE_HEADER.matcher(drl).replaceAll("$1 @Propagation(IMMEDIATE)");
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
