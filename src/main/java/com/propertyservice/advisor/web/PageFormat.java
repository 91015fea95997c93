package com.propertyservice.advisor.web;

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

    /** {@code PT30M} as "30 分钟" or "30 min", {@code P3D} as "3 天" or "3 d". */
    public String duration(Duration duration) {
        if (duration == null) {
            return "—";
        }
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        long minutes = duration.toMinutes();
        StringBuilder out = new StringBuilder();
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        append(out, days, english ? " d" : " 天");
        append(out, hours, english ? " h" : " 小时");
        append(out, rest, english ? " min" : " 分钟");
        return out.isEmpty() ? (english ? "0 min" : "0 分钟") : out.toString();
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

    /** A short form of a version hash or id for tables. */
    public String shortText(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length) + "…";
    }

    static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount > 0) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(amount).append(unit);
        }
    }
}
