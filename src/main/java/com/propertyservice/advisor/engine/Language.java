package com.propertyservice.advisor.engine;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The languages advice texts are written in; Chinese is the users' language and the default. */
public enum Language {
    ZH_CN("zh-CN"),
    EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag, as used in {@code Accept-Language} and in the text catalogue file names. */
    public String tag() {
        return tag;
    }

    /** The language for a locale: English for any {@code en*} locale, Chinese otherwise. */
    public static Language of(@Nullable Locale locale) {
        if (locale != null && "en".equalsIgnoreCase(locale.getLanguage())) {
            return EN;
        }
        return ZH_CN;
    }

    /** The language with this exact tag (case-insensitive), or {@code null}. */
    public static @Nullable Language ofTag(@Nullable String tag) {
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(tag)) {
                return language;
            }
        }
        return null;
    }
}
