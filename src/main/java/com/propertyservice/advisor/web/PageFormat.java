package com.propertyservice.advisor.web;

import com.propertyservice.advisor.system.AdvisorProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formatting for templates ({@code @pageFormat}): durations and times as people read them. Times are shown in
 * {@code advisor.default-zone}, the zone the service's people work in, whatever the server's own zone is.
 */
@Component("pageFormat")
public class PageFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final ZoneId zone;

    PageFormat(MessageSource messages, AdvisorProperties properties) {
        this.messages = messages;
        this.zone = properties.defaultZone();
    }

    /** The zone times are shown in. */
    public ZoneId zone() {
        return zone;
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
        return time == null ? "—" : time.atZoneSameInstant(zone).format(TIME);
    }

    public String time(Instant time) {
        return time == null ? "—" : time.atZone(zone).format(TIME);
    }

    /** How far {@code at} is from {@code now} in words: "in 1 h 5 min", "2 d 3 h ago" (to the minute). */
    public String fromNow(OffsetDateTime at, OffsetDateTime now) {
        if (at == null || now == null) {
            return "—";
        }
        Duration between = Duration.between(now, at);
        Locale locale = LocaleContextHolder.getLocale();
        if (between.abs().toMinutes() == 0) {
            return messages.getMessage("clock.now", null, locale);
        }
        return messages.getMessage(
                between.isNegative() ? "clock.ago" : "clock.in", new Object[] {duration(between.abs())}, locale);
    }

    /** The message key of a contract code, e.g. {@code code.Priority.HIGH}. */
    public String code(Enum<?> value) {
        return value == null ? "—" : "code." + value.getDeclaringClass().getSimpleName() + "." + value.name();
    }

    /** A contract code in the page's language, e.g. "High" for {@code Priority.HIGH}; its name when it has no label. */
    public String label(Enum<?> value) {
        return value == null
                ? "—"
                : messages.getMessage(code(value), null, value.name(), LocaleContextHolder.getLocale());
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
