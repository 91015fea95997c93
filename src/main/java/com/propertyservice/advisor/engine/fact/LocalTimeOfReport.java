package com.propertyservice.advisor.engine.fact;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * The wall-clock time an incident was reported, where it was reported (its own offset, or the
 * default zone for a local timestamp). Rules read it through {@link Assessment#getReportedLocally()},
 * so a condition such as {@code reportedLocally.between("22:00", "06:00")} depends on one property
 * that never changes: Drools then never re-evaluates it after a {@code modify}, where a method call
 * on the assessment itself would make the rule react to every change and fire again and again.
 *
 * @param dateTime the local date and time
 */
public record LocalTimeOfReport(LocalDateTime dateTime) {

    /**
     * Whether the local time of day lies in the window {@code [from, to)}, both {@code HH:mm}. A
     * window whose end is not after its start runs over midnight ({@code "22:00", "06:00"});
     * {@code "00:00", "24:00"} is the whole day. The windows are the trainers' (the quiet-hours
     * table); this is only the clock.
     */
    public boolean between(String from, String to) {
        LocalTime now = dateTime.toLocalTime();
        LocalTime start = clock(from);
        boolean toMidnight = "24:00".equals(to.strip());
        LocalTime end = toMidnight ? LocalTime.MIDNIGHT : clock(to);
        if (toMidnight) {
            return !now.isBefore(start);
        }
        if (start.isBefore(end)) {
            return !now.isBefore(start) && now.isBefore(end);
        }
        return !now.isBefore(start) || now.isBefore(end);
    }

    private static LocalTime clock(String hhmm) {
        String text = hhmm.strip();
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + hhmm + "' is not a time of day such as 07:00 or 22:30", e);
        }
    }
}
