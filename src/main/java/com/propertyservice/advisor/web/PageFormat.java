package com.propertyservice.advisor.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting for templates ({@code @pageFormat}): durations and times as people read them. */
@Component("pageFormat")
public class PageFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;

    PageFormat(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code PT30M} as "30 min", {@code P1DT2H} as "1 d 2 h", in the page's language. */
    public String duration(Duration duration) {
        if (duration == null) {
            return "—";
        }
        Locale locale = LocaleContextHolder.getLocale();
        long minutes = duration.toMinutes();
        StringBuilder out = new StringBuilder();
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        append(out, days, "unit.days", locale);
        append(out, hours, "unit.hours", locale);
        append(out, rest, "unit.minutes", locale);
        return out.isEmpty() ? messages.getMessage("unit.minutes", new Object[] {0}, locale) : out.toString();
    }

    public String time(OffsetDateTime time) {
        return time == null ? "—" : time.atZoneSameInstant(ZoneId.systemDefault()).format(TIME);
    }

    public String time(Instant time) {
        return time == null ? "—" : time.atZone(ZoneId.systemDefault()).format(TIME);
    }

    /** The message key of a contract code, e.g. {@code code.Priority.HIGH}. */
    public String code(Enum<?> value) {
        return value == null ? "—" : "code." + value.getDeclaringClass().getSimpleName() + "." + value.name();
    }

    /**
     * A missing detail as people read it: a contract field name ({@code location}) has a label
     * ({@code missing.location}); a detail the rules already put into words is shown as it is.
     */
    public String missing(String detail) {
        return messages.getMessage("missing." + detail, null, detail, LocaleContextHolder.getLocale());
    }

    /** A short form of a version hash or id for tables. */
    public String shortText(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length) + "…";
    }

    private void append(StringBuilder out, long amount, String unit, Locale locale) {
        if (amount > 0) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(messages.getMessage(unit, new Object[] {amount}, locale));
        }
    }
}
