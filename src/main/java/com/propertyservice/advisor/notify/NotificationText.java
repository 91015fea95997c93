package com.propertyservice.advisor.notify;

import com.propertyservice.advisor.engine.Language;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The text a group robot posts, in the webhook's language: event, incident, deadline, the caller's text, the time.
 * Labels live in {@code notify-messages.properties} (Chinese) and {@code notify-messages_en.properties}, a bundle of
 * the feature's own so the shared message files stay as they are.
 */
final class NotificationText {

    /** WeCom's text limit is 2,048 bytes; a little room is kept for the ellipsis. */
    static final int MAX_CONTENT_BYTES = 2000;

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private final MessageSource messages;

    NotificationText() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("notify-messages");
        bundle.setDefaultEncoding(StandardCharsets.UTF_8.name());
        bundle.setFallbackToSystemLocale(false);
        this.messages = bundle;
    }

    /** The robot message's content for this row. */
    String content(OutboxRow row, Language language) {
        Locale locale = Locale.forLanguageTag(language.tag());
        StringBuilder content = new StringBuilder(messages.getMessage(
                "notify.title",
                new Object[] {label("notify.event." + row.event().name(), locale), String.valueOf(row.incidentId())},
                locale));
        if (row.deadline() != null) {
            content.append('\n')
                    .append(messages.getMessage(
                            "notify.deadline",
                            new Object[] {
                                label("notify.deadline." + row.deadline().name(), locale)
                            },
                            locale));
        }
        content.append('\n').append(row.text());
        content.append('\n').append(messages.getMessage("notify.at", new Object[] {AT.format(row.at())}, locale));
        return fit(content.toString());
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** Cuts the content to the robots' limit in UTF-8 bytes, never inside a character. */
    static String fit(String content) {
        if (content.getBytes(StandardCharsets.UTF_8).length <= MAX_CONTENT_BYTES) {
            return content;
        }
        int budget = MAX_CONTENT_BYTES - "…".getBytes(StandardCharsets.UTF_8).length;
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (used + bytes > budget) {
                break;
            }
            cut.appendCodePoint(codePoint);
            used += bytes;
            i += Character.charCount(codePoint);
        }
        return cut.append('…').toString();
    }
}
