package com.propertyservice.advisor.engine;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers for reading rule sources. */
final class Sources {

    private Sources() {}

    /** UTF-8 text without the byte-order mark that Excel, WPS and Notepad put at the start. */
    static String text(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static final Pattern[] NEEDLES = {
        Pattern.compile("['\"]([^'\"\\s]{2,})['\"]"),
        Pattern.compile("([\\w$]{2,}) cannot be resolved"),
        Pattern.compile("\\.(\\w{2,})\\(\\)"),
        Pattern.compile("(?:field|method|variable|identifier)s? '?(\\w{2,})"),
    };

    /** The words a Drools error message names as being in error (an unknown field, a bad constant...). */
    static Set<String> needles(String message) {
        Set<String> found = new LinkedHashSet<>();
        for (Pattern pattern : NEEDLES) {
            Matcher m = pattern.matcher(message);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    /** 1-based line number of a character offset. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Spreadsheet column letters for a 0-based index: 0 → A, 26 → AA. */
    static String columnLetter(int index) {
        StringBuilder letters = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            letters.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return letters.toString();
    }
}
