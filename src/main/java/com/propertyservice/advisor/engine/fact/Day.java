package com.propertyservice.advisor.engine.fact;

import com.propertyservice.advisor.engine.Weekday;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kie.api.definition.type.Modifies;

/**
 * A local date as the calendar rules see it ({@code rules/calendar/}): the holiday tables mark it, the day rules decide
 * whether it is a rest day or a working day, and the working-hours table gives its working hours. A fact of its own,
 * apart from the {@link Assessment}, so the same rules answer two questions: what day an incident was reported on
 * (the engine inserts the report's local date beside the assessment), and when the working hours of the coming days
 * are (the follow-through moves a reminder a row keeps to working time into them).
 */
public final class Day {

    /** A stretch of working time on this day, {@code [from, to)}; {@code to} 24:00 is written as midnight. */
    public record Hours(LocalTime from, LocalTime to) {}

    private final LocalDate date;
    private final String localDate;
    private final Set<String> calendarMarks = new LinkedHashSet<>();
    private @Nullable String dayType;
    private final List<Hours> hours = new ArrayList<>();

    public Day(LocalDate date) {
        this.date = date;
        this.localDate = date.toString();
    }

    /** The date as {@code yyyy-MM-dd}; compares as text in date order, as the holiday tables do. */
    public String getLocalDate() {
        return localDate;
    }

    public LocalDate date() {
        return date;
    }

    public Weekday getWeekday() {
        return Weekday.values()[date.getDayOfWeek().ordinal()];
    }

    /** What the holiday calendar says of the date ({@code HOLIDAY}, {@code MAKEUP_WORKDAY}). */
    public Set<String> getCalendarMarks() {
        return Collections.unmodifiableSet(calendarMarks);
    }

    /** Marks the date as a holiday table has it. */
    @Modifies({"calendarMarks"})
    public void markDay(String mark) {
        calendarMarks.add(mark);
    }

    /** {@code REST_DAY} or {@code WORKDAY} as the day rules decided it, or {@code null} before they have. */
    public @Nullable String getDayType() {
        return dayType;
    }

    @Modifies({"dayType"})
    public void setDayType(@Nullable String dayType) {
        this.dayType = dayType;
    }

    /**
     * Adds working hours to the day: from {@code from} until {@code to}, both {@code HH:mm} ({@code 24:00} for the
     * day's end). No rule reads them back, so adding them re-triggers nothing.
     */
    public void work(String from, String to) {
        LocalTime start = clock(from, false);
        LocalTime end = clock(to, true);
        if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
            throw new IllegalArgumentException(
                    "working hours run from a time to a later one on the same day, such as 08:30, 17:30;" + " '" + from
                            + ", " + to + "' does not");
        }
        hours.add(new Hours(start, end));
    }

    /** The day's working hours, as the rules gave them (none on a day without working time). */
    public List<Hours> hours() {
        return List.copyOf(hours);
    }

    private static LocalTime clock(String hhmm, boolean end) {
        String text = hhmm.strip();
        if (end && text.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + hhmm + "' is not a time of day such as 08:30 or 17:30", e);
        }
    }
}
