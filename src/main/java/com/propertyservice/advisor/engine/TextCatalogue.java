package com.propertyservice.advisor.engine;

import java.io.IOException;
import java.io.StringReader;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.NullUnmarked;

/**
 * The words of the advice, keyed by text code, one map per language. Read from
 * {@code texts/<name>.<language>.properties} (UTF-8; {@code zh-CN} and {@code en}).
 */
@NullUnmarked // nullness not yet spelled out here: null is a value in places (see the Javadoc)
final class TextCatalogue {

    private final Map<Language, Map<String, String>> texts = new EnumMap<>(Language.class);
    private final Map<Language, Map<String, String>> origins = new EnumMap<>(Language.class);

    TextCatalogue() {
        for (Language language : Language.values()) {
            texts.put(language, new HashMap<>());
            origins.put(language, new HashMap<>());
        }
    }

    /** Adds one catalogue file, reporting a name without a known language or a code defined twice. */
    void add(String path, String content, List<Problem> problems) {
        String name = path.substring(path.lastIndexOf('/') + 1, path.length() - ".properties".length());
        int dot = name.lastIndexOf('.');
        Language language = dot < 0 ? null : Language.ofTag(name.substring(dot + 1));
        if (language == null) {
            problems.add(Text.of("texts.no-language").at(path, null, null, null));
            return;
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(content));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(Text.of("texts.unreadable", e.getMessage()).at(path, null, null, null));
            return;
        }
        for (String code : properties.stringPropertyNames()) {
            String earlier = origins.get(language).putIfAbsent(code, path);
            if (earlier != null && !earlier.equals(path)) {
                problems.add(Text.of("texts.duplicate", code, earlier).at(path, lineOf(content, code), null, null));
            }
            String value = properties.getProperty(code).strip();
            if (value.isEmpty()) {
                problems.add(Text.of("texts.empty", code).at(path, lineOf(content, code), null, null));
            }
            texts.get(language).put(code, value);
        }
    }

    /** Whether a code has a text in a language. */
    boolean has(String code, Language language) {
        return texts.get(language).containsKey(code);
    }

    /** The text of a code in a language, or the code itself if it has none (validation prevents that). */
    String text(String code, Language language) {
        return text(texts.get(language), code);
    }

    /** The texts of one language, for a caller that looks up many codes in it. */
    Map<String, String> in(Language language) {
        return texts.get(language);
    }

    /** The text of a code among one language's texts, or the code itself if it has none. */
    static String text(Map<String, String> words, String code) {
        return words.getOrDefault(code, code);
    }

    private static Integer lineOf(String content, String code) {
        String[] lines = content.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith(code)
                    && line.substring(code.length()).stripLeading().matches("^[=:].*")) {
                return i + 1;
            }
        }
        return null;
    }
}
