package com.propertyservice.advisor.engine;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a candidate rule set, in words a trainer can act on. Serializable: a page
 * session, which may live in the database, carries the problems of an activation to the next page.
 *
 * @param file     path of the file inside the rules folder, or {@code null} for the set as a whole
 * @param line     line in the file (for a decision table: the row of the sheet), or {@code null}
 * @param column   column (for a decision table: the column letter), or {@code null}
 * @param rule     the rule concerned, or {@code null}
 * @param message  what is wrong and how to fix it, in English
 * @param messages the same in each language it has been written in (empty: English only)
 */
public record Problem(
        @Nullable String file,
        @Nullable Integer line,
        @Nullable String column,
        @Nullable String rule,
        String message,
        Map<Language, String> messages)
        implements Serializable {

    public Problem {
        messages = messages == null || messages.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(messages));
    }

    /** The message in {@code language}, or in English where it has not been written in that language. */
    public String message(Language language) {
        return messages.getOrDefault(language, message);
    }

    /** A readable one-line form: {@code file:line:column [rule] message}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (file != null) {
            out.append(file);
            if (line != null) {
                out.append(':').append(line);
                if (column != null) {
                    out.append(':').append(column);
                }
            }
            out.append(' ');
        }
        if (rule != null) {
            out.append('[').append(rule).append("] ");
        }
        return out.append(message).toString();
    }
}
