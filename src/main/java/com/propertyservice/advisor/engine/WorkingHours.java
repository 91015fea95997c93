package com.propertyservice.advisor.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The working hours of a run of local dates, as the rule set's calendar gives them ({@code rules/calendar/}: the
 * holiday tables, the rest-day rules and the working-hours table). Local times, without a zone: the calendar is that
 * of the place the incidents happen; {@link #next} reads an instant in that place's zone.
 *
 * @param from    the first date asked about
 * @param to      the last date asked about (included)
 * @param windows the working hours in time order, each {@code [start, end)}; none on a day without working time
 */
public record WorkingHours(LocalDate from, LocalDate to, List<Window> windows) {

    /** One stretch of working time, {@code [start, end)} in local time. */
    public record Window(LocalDateTime start, LocalDateTime end) {
        public Window {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException(
                        "a window of working time ends after it starts: " + start + " to " + end);
            }
        }
    }

    public WorkingHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        windows = List.copyOf(windows);
    }

    /**
     * The first moment at or after {@code at} that lies in working time, in the zone {@code zone}: {@code at} itself
     * when it lies in working hours, else the start of the next ones; empty when no working hours follow before the
     * end of {@link #to()}.
     */
    public Optional<ZonedDateTime> next(ZonedDateTime at, ZoneId zone) {
        LocalDateTime local = at.withZoneSameInstant(zone).toLocalDateTime();
        for (Window window : windows) {
            if (window.end().isAfter(local)) {
                return Optional.of(
                        window.start().isAfter(local) ? window.start().atZone(zone) : at.withZoneSameInstant(zone));
            }
        }
        return Optional.empty();
    }
}
