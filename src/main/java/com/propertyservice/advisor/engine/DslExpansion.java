package com.propertyservice.advisor.engine;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.parser.lang.ExpanderException;
import org.drools.drl.parser.lang.dsl.DSLMappingEntry;
import org.drools.drl.parser.lang.dsl.DSLMappingFile;
import org.drools.drl.parser.lang.dsl.DSLTokenizedMappingFile;
import org.drools.drl.parser.lang.dsl.DefaultExpander;

/**
 * The DSL sentences of a rules folder and the DRL its DSLR files become. Drools expands a DSLR
 * with every DSL mapping of the kie base, applying the mappings in the order it was given them, so
 * the text it compiles depends on that order. To check exactly what Drools compiles, the DSL files
 * are joined into one mapping file in a fixed order, Drools is given that one file, and the same
 * expander class expands each DSLR here with the same mapping.
 */
final class DslExpansion {

    /** The path the joined DSL is written under for Drools. */
    static final String JOINED_PATH = "advisor-joined-sentences.dsl";

    private static final Pattern STRUCTURE = Pattern.compile("^\\s*(rule\\b|query\\b|when\\b|then\\b|end\\b)");

    /** A DSL line that cannot be read: its file and line. */
    record DslError(String file, int line, String message) {}

    /** A DSLR expanded: the DRL, the sentences that are not in the DSL, and a map back to the DSLR's lines. */
    record Expanded(String drl, List<ExpanderException> unexpanded, int[] originalLine) {

        /** The DSLR line an expanded line comes from (an expanded condition points at its first sentence). */
        int toOriginal(int expandedLine) {
            if (expandedLine <= 0 || originalLine.length == 0) {
                return expandedLine;
            }
            return originalLine[Math.min(expandedLine, originalLine.length) - 1];
        }
    }

    private final String joined;
    private final Map<String, Integer> firstLine = new LinkedHashMap<>();
    private final List<DslError> errors = new ArrayList<>();
    private final DSLMappingFile mapping;

    /** Joins the DSL files (path → text) in path order. */
    DslExpansion(Map<String, String> dslFiles) {
        StringBuilder text = new StringBuilder();
        int line = 1;
        for (Map.Entry<String, String> file : new TreeMap<>(dslFiles).entrySet()) {
            firstLine.put(file.getKey(), line);
            DSLTokenizedMappingFile single = new DSLTokenizedMappingFile();
            if (!load(single, file.getValue())) {
                single.getErrors()
                        .forEach(e -> errors.add(new DslError(
                                file.getKey(), e.getLines().length > 0 ? e.getLines()[0] : 0, e.getMessage())));
            }
            String body = file.getValue().endsWith("\n") ? file.getValue() : file.getValue() + "\n";
            text.append(body);
            line += (int) body.chars().filter(c -> c == '\n').count();
        }
        joined = text.toString();
        DSLTokenizedMappingFile all = new DSLTokenizedMappingFile();
        load(all, joined);
        mapping = all;
    }

    boolean isEmpty() {
        return firstLine.isEmpty();
    }

    String joined() {
        return joined;
    }

    List<DslError> errors() {
        return errors;
    }

    /** Which DSL file (and line in it) a line of the joined text comes from. */
    DslError locate(int joinedLine, String message) {
        String file = null;
        int start = 1;
        for (Map.Entry<String, Integer> first : firstLine.entrySet()) {
            if (first.getValue() <= joinedLine) {
                file = first.getKey();
                start = first.getValue();
            }
        }
        return new DslError(file, joinedLine - start + 1, message);
    }

    /** Every sentence of the DSL, as {@code [when] sentence} or {@code [then] sentence}, for messages. */
    List<String> sentences() {
        List<String> sentences = new ArrayList<>();
        for (DSLMappingEntry entry : mapping.getMapping().getEntries()) {
            String section = entry.getSection() == DSLMappingEntry.CONDITION
                    ? "[when]"
                    : entry.getSection() == DSLMappingEntry.CONSEQUENCE
                            ? "[then]"
                            : entry.getSection().getSymbol();
            sentences.add(section + " " + entry.getMappingKey().strip());
        }
        return sentences;
    }

    /** The fixed words of every sentence whose code names {@code word} (a sentence's words up to its first variable). */
    List<String> sentencesWriting(String word) {
        Pattern whole = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])");
        List<String> sentences = new ArrayList<>();
        for (DSLMappingEntry entry : mapping.getMapping().getEntries()) {
            String key = entry.getMappingKey().strip().replaceFirst("^-\\s*", "");
            String fixed =
                    key.contains("{") ? key.substring(0, key.indexOf('{')).strip() : key;
            if (!fixed.isEmpty()
                    && entry.getMappingValue() != null
                    && whole.matcher(entry.getMappingValue()).find()) {
                sentences.add(fixed);
            }
        }
        return sentences;
    }

    /** The DSL files with their first line in the joined text. */
    Map<String, Integer> files() {
        return firstLine;
    }

    /** Expands a DSLR as Drools will, with a map from the DRL's lines back to the DSLR's. */
    Expanded expand(String dslr) {
        DefaultExpander expander = new DefaultExpander();
        expander.addDSLMapping(mapping.getMapping());
        String drl = expander.expand(dslr);
        return new Expanded(drl, List.copyOf(expander.getErrors()), lineMap(dslr, drl));
    }

    private static boolean load(DSLTokenizedMappingFile file, String text) {
        try {
            return file.parseAndLoad(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Pairs the structural lines of both texts ({@code rule}, {@code when}, {@code then}, {@code end}),
     * which the expander keeps, and counts on from the nearest pair: headers, attributes and
     * consequences map exactly, an expanded condition to the line of its first sentence.
     */
    private static int[] lineMap(String dslr, String drl) {
        List<Integer> from = structure(dslr);
        List<Integer> to = structure(drl);
        String[] lines = drl.split("\n", -1);
        int[] map = new int[lines.length];
        if (from.size() != to.size()) {
            for (int i = 0; i < map.length; i++) {
                map[i] = i + 1;
            }
            return map;
        }
        int anchor = -1;
        for (int i = 0; i < map.length; i++) {
            int line = i + 1;
            while (anchor + 1 < to.size() && to.get(anchor + 1) <= line) {
                anchor++;
            }
            if (anchor < 0) {
                map[i] = line;
            } else {
                int mapped = from.get(anchor) + (line - to.get(anchor));
                int limit = anchor + 1 < from.size() ? from.get(anchor + 1) - 1 : Integer.MAX_VALUE;
                map[i] = Math.min(mapped, Math.max(limit, from.get(anchor)));
            }
        }
        return map;
    }

    private static List<Integer> structure(String text) {
        List<Integer> lines = new ArrayList<>();
        String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            Matcher m = STRUCTURE.matcher(all[i]);
            if (m.find()) {
                lines.add(i + 1);
            }
        }
        return lines;
    }
}
