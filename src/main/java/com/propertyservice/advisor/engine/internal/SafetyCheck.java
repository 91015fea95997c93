package com.propertyservice.advisor.engine.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule files are code: a consequence may call any Java the rule can name. Before a rule set is
 * compiled, its sources are scanned for anything outside the fact model and a small allow-list
 * ({@link FactModel}): system and runtime calls, threads, reflection and class loading, files,
 * network, {@code new} of other types and static calls on other types. A text scan is stricter than
 * needed (it may refuse a harmless word), which is the right side to err on for uploaded code.
 *
 * <p>Three kinds of source are scanned: DRL (and the DRL a decision table generates) with comments
 * and string literals blanked out; DSLR as written, strings included, because a DSL sentence may
 * paste its words into code; and the code half of each DSL line.
 */
final class SafetyCheck {

    /** One forbidden use: the 1-based line of the source and what was found. */
    record Finding(int line, String found, String message) {
    }

    private static final Set<String> FORBIDDEN_TYPES = Set.of(
            "System", "Runtime", "ProcessBuilder", "Process", "ProcessHandle", "Thread", "ThreadGroup", "ThreadLocal",
            "Class", "ClassLoader", "URLClassLoader", "Method", "Field", "Constructor", "Proxy", "MethodHandles",
            "MethodHandle", "Unsafe", "SecurityManager", "Compiler", "ScriptEngineManager", "ScriptEngine",
            "File", "Files", "Path", "Paths", "FileInputStream", "FileOutputStream", "FileReader", "FileWriter",
            "RandomAccessFile", "ObjectInputStream", "ObjectOutputStream", "Socket", "ServerSocket", "URL", "URI",
            "HttpClient", "HttpURLConnection", "InetAddress", "Executors", "Executor", "ExecutorService",
            "ForkJoinPool", "Timer", "CompletableFuture");
    private static final Set<String> FORBIDDEN_CALLS = Set.of(
            "exit", "halt", "exec", "forName", "getClass", "getClassLoader", "loadClass", "defineClass",
            "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField", "getDeclaredFields", "getMethod",
            "getMethods", "getField", "getFields", "getDeclaredConstructor", "getConstructor", "newInstance",
            "setAccessible", "invoke", "loadLibrary", "getRuntime", "getKieRuntime", "getKnowledgeRuntime",
            "getWorkingMemory", "getKieBase", "getKieSession", "getEntryPoint", "setProperty", "getenv", "getProperty");
    private static final Set<String> TOP_PACKAGES = Set.of(
            "java", "javax", "jakarta", "jdk", "sun", "com", "org", "net", "io", "groovy", "kotlin", "scala", "mvel", "mvel2");

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9a-fA-F]{4}");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^[ \\t]*package[ \\t]+[\\w.]+");
    private static final Pattern IMPORT = Pattern.compile("(?m)^[ \\t]*import[ \\t]+(?:(static|function)[ \\t]+)?([\\w.$]+(?:\\.\\*)?)");
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w$.])([a-z_][\\w$]*(?:\\s*\\.\\s*[A-Za-z_][\\w$]*)+(?:\\s*\\.\\s*\\*)?)");
    private static final Pattern WORD = Pattern.compile("(?<![\\w$])([A-Za-z_][\\w$]*)\\b");
    private static final Pattern STATIC_CALL = Pattern.compile("(?<![\\w$.])([A-Z][\\w$]*)\\s*\\.\\s*([a-z_][\\w$]*)\\s*\\(");
    private static final Pattern NEW = Pattern.compile("(?<![\\w$.])new\\s+([A-Za-z_][\\w$]*(?:\\s*\\.\\s*[A-Za-z_][\\w$]*)*)");
    private static final Pattern CLASS_LITERAL = Pattern.compile("\\.\\s*class\\b");
    private static final Pattern DSL_LINE = Pattern.compile("(?m)^[ \\t]*\\[[^\\]]*\\](?:\\[[^\\]]*\\])?(.*)$");

    private SafetyCheck() {
    }

    /** Scans DRL, or the DRL generated from a decision table. */
    static List<Finding> scanDrl(String source) {
        return scan(source, blank(source, true));
    }

    /** Scans a DSLR as written: only comments, rule names and metadata lines lose their strings. */
    static List<Finding> scanDslr(String source) {
        StringBuilder code = new StringBuilder();
        for (String line : source.split("\n", -1)) {
            String trimmed = line.strip();
            boolean words = trimmed.startsWith("rule ") || trimmed.startsWith("@") || trimmed.startsWith("//") || trimmed.startsWith("#");
            code.append(words ? blank(line, true) : line).append('\n');
        }
        return scan(source, code.substring(0, code.length() - 1));
    }

    /** Scans the code half (after the first unescaped {@code =}) of every DSL line. */
    static List<Finding> scanDsl(String source) {
        char[] code = new char[source.length()];
        java.util.Arrays.fill(code, ' ');
        Matcher line = DSL_LINE.matcher(source);
        while (line.find()) {
            String rest = line.group(1);
            int eq = mappingSign(rest);
            if (eq >= 0) {
                int from = line.start(1) + eq + 1;
                source.getChars(from, line.end(1), code, from);
            }
        }
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                code[i] = '\n';
            }
        }
        String expansions = new String(code);
        return scan(source, blank(expansions.replace("\\{", " {").replace("\\}", " }"), true));
    }

    private static int mappingSign(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '=') {
                return i;
            }
        }
        return -1;
    }

    /** {@code raw} for the unicode-escape check; {@code code}, same length and lines, for the rest. */
    private static List<Finding> scan(String raw, String code) {
        List<Finding> findings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Matcher escape = UNICODE_ESCAPE.matcher(raw);
        while (escape.find()) {
            add(findings, seen, raw, escape.start(), escape.group(),
                    "a unicode escape '" + escape.group() + "' can hide code from this check; write the character itself");
        }
        Set<Integer> importLines = new LinkedHashSet<>();
        Matcher pkg = PACKAGE.matcher(code);
        while (pkg.find()) {
            importLines.add(Sources.lineOf(code, pkg.start())); // a rule package's own name is no reference to code
        }
        Matcher imp = IMPORT.matcher(code);
        while (imp.find()) {
            importLines.add(Sources.lineOf(code, imp.start()));
            String name = imp.group(2);
            String type = imp.group(1) == null ? name : name.substring(0, Math.max(0, name.lastIndexOf('.')));
            if (!importAllowed(type)) {
                add(findings, seen, code, imp.start(2), name, "import of '" + name + "' is not allowed: rules may import only "
                        + FactModel.ENGINE_PACKAGE + "* (the fact model) and " + String.join(", ", FactModel.ALLOWED_JDK.stream().sorted().toList()));
            }
        }
        Matcher qualified = QUALIFIED.matcher(code);
        while (qualified.find()) {
            String name = qualified.group(1).replaceAll("\\s+", "");
            String top = name.substring(0, name.indexOf('.'));
            if (!TOP_PACKAGES.contains(top) || importLines.contains(Sources.lineOf(code, qualified.start()))) {
                continue;
            }
            String type = typePart(name);
            if (!FactModel.allowsQualified(type) && !type.equals(FactModel.ENGINE_PACKAGE + "*")
                    && !type.equals(FactModel.ENGINE_PACKAGE + "fact.*")) {
                add(findings, seen, code, qualified.start(), name, "'" + name + "' is outside the fact model: rules may use only "
                        + FactModel.ENGINE_PACKAGE + "* and the allowed types");
            }
        }
        Matcher word = WORD.matcher(code);
        while (word.find()) {
            String w = word.group(1);
            if (FORBIDDEN_TYPES.contains(w)) {
                add(findings, seen, code, word.start(), w, "'" + w + "' is forbidden in rules (system, threads, reflection, files and network are out of reach)");
            } else if (FORBIDDEN_CALLS.contains(w)) {
                add(findings, seen, code, word.start(), w, "calling '" + w + "' is forbidden in rules");
            }
        }
        Matcher literal = CLASS_LITERAL.matcher(code);
        while (literal.find()) {
            add(findings, seen, code, literal.start(), ".class", "'.class' (reflection) is forbidden in rules");
        }
        Matcher call = STATIC_CALL.matcher(code);
        while (call.find()) {
            String type = call.group(1);
            if (!FactModel.ALLOWED_SIMPLE_NAMES.contains(type) && !FORBIDDEN_TYPES.contains(type)) {
                add(findings, seen, code, call.start(), type + "." + call.group(2),
                        "static call '" + type + "." + call.group(2) + "(...)' is not allowed: only the fact model's types and "
                                + "String, Math, Integer, Boolean, Duration and the java.util collections may be called");
            }
        }
        Matcher created = NEW.matcher(code);
        while (created.find()) {
            String name = created.group(1).replaceAll("\\s+", "");
            String simple = name.substring(name.lastIndexOf('.') + 1);
            boolean allowed = name.contains(".") ? FactModel.allowsQualified(name) && FactModel.ALLOWED_SIMPLE_NAMES.contains(simple)
                    : FactModel.ALLOWED_SIMPLE_NAMES.contains(simple);
            if (!allowed) {
                add(findings, seen, code, created.start(), "new " + name,
                        "'new " + name + "' is not allowed: rules may create only the fact model's types, String and the java.util collections");
            }
        }
        findings.sort(java.util.Comparator.comparingInt(Finding::line));
        return findings;
    }

    private static boolean importAllowed(String name) {
        if (name.endsWith(".*")) {
            String pkg = name.substring(0, name.length() - 1);
            return pkg.equals(FactModel.ENGINE_PACKAGE) || pkg.equals(FactModel.ENGINE_PACKAGE + "fact.");
        }
        return FactModel.allowsQualified(name);
    }

    /** {@code java.lang.System.exit} gives {@code java.lang.System}: the name up to its first capitalised part. */
    private static String typePart(String name) {
        String[] parts = name.split("\\.");
        StringBuilder type = new StringBuilder();
        for (String part : parts) {
            if (!type.isEmpty()) {
                type.append('.');
            }
            type.append(part);
            if (!part.isEmpty() && (Character.isUpperCase(part.charAt(0)) || part.equals("*"))) {
                break;
            }
        }
        return type.toString();
    }

    private static void add(List<Finding> findings, Set<String> seen, String text, int offset, String found, String message) {
        int line = Sources.lineOf(text, offset);
        if (seen.add(line + "|" + found)) {
            findings.add(new Finding(line, found, message));
        }
    }

    /** Comments (and, when asked, string and character literals) replaced by spaces; lines and offsets kept. */
    static String blank(String source, boolean strings) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    if (source.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                }
            } else if (strings && (c == '"' || c == '\'')) {
                i++;
                while (i < n && source.charAt(i) != c && source.charAt(i) != '\n') {
                    if (source.charAt(i) == '\\' && i + 1 < n) {
                        out.setCharAt(i++, ' ');
                    }
                    out.setCharAt(i++, ' ');
                }
                i++;
            } else {
                i++;
            }
        }
        return out.toString();
    }
}
