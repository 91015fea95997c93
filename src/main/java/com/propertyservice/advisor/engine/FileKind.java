package com.propertyservice.advisor.engine;

import java.util.Locale;

/** What a file in the rules folder is, judged by its name. */
enum FileKind {
    DRL,
    DECISION_TABLE,
    DSL,
    DSLR,
    TEXTS,
    SCENARIO,
    DOCUMENT,
    MISNAMED_TABLE,
    UNKNOWN;

    static FileKind of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.endsWith(".drl.csv") || name.endsWith(".drl.xlsx") || name.endsWith(".drl.xls")) {
            return DECISION_TABLE;
        }
        if (name.endsWith(".drl")) {
            return DRL;
        }
        if (name.endsWith(".dslr")) {
            return DSLR;
        }
        if (name.endsWith(".dsl")) {
            return DSL;
        }
        if (name.endsWith(".properties") && path.startsWith("texts/")) {
            return TEXTS;
        }
        if ((name.endsWith(".yaml") || name.endsWith(".yml")) && path.startsWith("scenarios/")) {
            return SCENARIO;
        }
        if (name.endsWith(".csv") || name.endsWith(".xlsx") || name.endsWith(".xls")) {
            return MISNAMED_TABLE;
        }
        if (name.endsWith(".md") || name.endsWith(".txt")) {
            return DOCUMENT;
        }
        return UNKNOWN;
    }

    /** Whether the file is text, to be read as UTF-8 with any byte-order mark removed. */
    boolean isText() {
        return this != DECISION_TABLE && this != MISNAMED_TABLE;
    }
}
