package com.propertyservice.advisor.knowledge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Advice wording and domain thresholds belong in {@code rules/}, where trainers can change them,
 * never in Java: no string literal in {@code src/main/java} holds Chinese text or is a bare time
 * target such as {@code "PT30M"}. Comments may name the deck's terms.
 */
class NoKnowledgeInJavaTest {

    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern BARE_DURATION = Pattern.compile("P(T?\\d+[DHMS])+|P\\d+DT\\d+[HMS]");

    @Test
    void noStringLiteralInMainJavaHoldsAdviceWordingOrATimeTarget() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String literal : stringLiterals(Files.readString(file, StandardCharsets.UTF_8))) {
                    if (HAN.matcher(literal).find()
                            || BARE_DURATION.matcher(literal).matches()) {
                        found.add(file + ": \"" + literal + "\"");
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), () -> "move these into rules/ (texts/ or a table):\n" + String.join("\n", found));
    }

    @Test
    void theScanFindsChineseInALiteralButNotInAComment() {
        String source =
                "/** 失职 */ class X { // 回访\n String a = \"请耐心倾听\"; String b = \"PT30M\"; char c = '\"'; String d = \"a//b\"; }";
        List<String> literals = stringLiterals(source);
        assertTrue(
                literals.contains("请耐心倾听") && literals.contains("PT30M") && literals.contains("a//b"),
                () -> literals.toString());
        assertTrue(literals.stream().noneMatch(l -> l.contains("失职") || l.contains("回访")), () -> literals.toString());
    }

    /** The string literals (text blocks included) of a Java source, comments and char literals skipped. */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i);
                i = i < 0 ? n : i;
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i + 2);
                i = i < 0 ? n : i + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                literals.add(source.substring(i + 3, end));
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                StringBuilder literal = new StringBuilder();
                i++;
                while (i < n && source.charAt(i) != c) {
                    if (source.charAt(i) == '\\' && i + 1 < n) {
                        literal.append(source.charAt(i + 1));
                        i += 2;
                    } else {
                        literal.append(source.charAt(i++));
                    }
                }
                if (c == '"') {
                    literals.add(literal.toString());
                }
                i++;
            } else {
                i++;
            }
        }
        return literals;
    }
}
