package com.propertyservice.advisor.engine;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/**
 * A message of the engine in every language the service speaks, from the bundle
 * {@code engine/messages*.properties}: what a trainer reads when a rule set does not
 * validate. Arguments are names, paths and Drools' own words, put in as they are.
 */
record Text(Map<Language, String> values) {

    private static final String BUNDLE = "com.propertyservice.advisor.engine.messages";
    private static final Map<Language, ResourceBundle> BUNDLES = new EnumMap<>(Language.class);

    static {
        BUNDLES.put(
                Language.EN,
                ResourceBundle.getBundle(
                        BUNDLE,
                        Locale.ROOT,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        BUNDLES.put(
                Language.ZH_CN,
                ResourceBundle.getBundle(
                        BUNDLE,
                        Locale.SIMPLIFIED_CHINESE,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    /** The message {@code key} with its arguments (a {@code Text} argument in the same language), in every language. */
    static Text of(String key, Object... arguments) {
        Map<Language, String> values = new EnumMap<>(Language.class);
        BUNDLES.forEach((language, bundle) -> {
            Object[] inLanguage = new Object[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                inLanguage[i] = arguments[i] instanceof Text text
                        ? text.in(language)
                        : arguments[i] instanceof Number number
                                ? String.valueOf(number)
                                : arguments[i]; // no digit grouping in a row number
            }
            values.put(language, new MessageFormat(bundle.getString(key), Locale.ROOT).format(inLanguage));
        });
        return new Text(values);
    }

    /** This text after {@code prefix}, in each language. */
    Text after(Text prefix) {
        Map<Language, String> joined = new EnumMap<>(Language.class);
        values.forEach((language, value) -> joined.put(language, prefix.in(language) + value));
        return new Text(joined);
    }

    /** The text in {@code language}. */
    String in(Language language) {
        return values.get(language);
    }

    /** A problem at a place with this text. */
    Problem at(@Nullable String file, @Nullable Integer line, @Nullable String column, @Nullable String rule) {
        return new Problem(file, line, column, rule, in(Language.EN), values);
    }
}
