package com.propertyservice.advisor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.WorkingHours;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The working hours the calendar in {@code rules/calendar/} gives: the working-hours table on the days the holiday
 * tables and the rest-day rules decide, and where a reminder kept to working time goes.
 */
class WorkingHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final Advisor advisor = KnowledgeBase.advisor();

    private List<WorkingHours.Window> on(LocalDate date) {
        return advisor.workingHours(date, date).windows();
    }

    @Test
    void anOrdinaryWeekdayHasTheWorkdayHours() {
        assertEquals(
                List.of(new WorkingHours.Window(
                        LocalDateTime.parse("2026-12-01T08:30"), LocalDateTime.parse("2026-12-01T17:30"))),
                on(LocalDate.parse("2026-12-01")));
    }

    @Test
    void aWeekendHasNoWorkingHours() {
        assertTrue(on(LocalDate.parse("2026-12-05")).isEmpty(), "Saturday");
        assertTrue(on(LocalDate.parse("2026-12-06")).isEmpty(), "Sunday");
    }

    @Test
    void aPublicHolidayOnAWeekdayHasNoWorkingHours() {
        assertTrue(on(LocalDate.parse("2026-10-01")).isEmpty(), "National Day, a Thursday");
        assertTrue(on(LocalDate.parse("2026-02-17")).isEmpty(), "Spring Festival, a Tuesday");
    }

    @Test
    void aWeekendWorkedInExchangeForAHolidayHasTheWorkdayHours() {
        assertEquals(
                List.of(new WorkingHours.Window(
                        LocalDateTime.parse("2026-02-14T08:30"), LocalDateTime.parse("2026-02-14T17:30"))),
                on(LocalDate.parse("2026-02-14")),
                "Saturday 14 February 2026 is worked before the Spring Festival");
    }

    @Test
    void aMomentInWorkingHoursStaysWhereItIs() {
        ZonedDateTime tuesdayMorning = ZonedDateTime.of(LocalDateTime.parse("2026-12-01T10:15"), SHANGHAI);
        assertEquals(
                tuesdayMorning,
                advisor.workingHours(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-08"))
                        .next(tuesdayMorning, SHANGHAI)
                        .orElseThrow());
    }

    @Test
    void aFridayEveningWaitsForMondayMorning() {
        ZonedDateTime fridayEvening = ZonedDateTime.of(LocalDateTime.parse("2026-12-04T19:00"), SHANGHAI);
        assertEquals(
                ZonedDateTime.of(LocalDateTime.parse("2026-12-07T08:30"), SHANGHAI),
                advisor.workingHours(LocalDate.parse("2026-12-04"), LocalDate.parse("2026-12-11"))
                        .next(fridayEvening, SHANGHAI)
                        .orElseThrow());
    }

    @Test
    void aMomentInTheSpringFestivalWaitsForTheFirstWorkingDayAfterIt() {
        ZonedDateTime newYearsEve = ZonedDateTime.of(LocalDateTime.parse("2026-02-16T09:00"), SHANGHAI);
        assertEquals(
                ZonedDateTime.of(LocalDateTime.parse("2026-02-24T08:30"), SHANGHAI),
                advisor.workingHours(LocalDate.parse("2026-02-16"), LocalDate.parse("2026-03-02"))
                        .next(newYearsEve, SHANGHAI)
                        .orElseThrow());
    }

    @Test
    void anInstantIsReadInTheCalendarsZone() {
        // 01:00 UTC is 09:00 in Shanghai: working time there
        ZonedDateTime utc = ZonedDateTime.parse("2026-12-01T01:00:00Z");
        assertEquals(
                ZonedDateTime.of(LocalDateTime.parse("2026-12-01T09:00"), SHANGHAI),
                advisor.workingHours(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-01"))
                        .next(utc, SHANGHAI)
                        .orElseThrow());
    }

    @Test
    void noWorkingHoursLeftInTheRunAsked() {
        ZonedDateTime saturday = ZonedDateTime.of(LocalDateTime.parse("2026-12-05T10:00"), SHANGHAI);
        assertTrue(advisor.workingHours(LocalDate.parse("2026-12-05"), LocalDate.parse("2026-12-06"))
                .next(saturday, SHANGHAI)
                .isEmpty());
    }

    @Test
    void aRunOfDatesBackwardsOrLongerThanAYearIsRefused() {
        IllegalArgumentException backwards = assertThrows(
                IllegalArgumentException.class,
                () -> advisor.workingHours(LocalDate.parse("2026-12-02"), LocalDate.parse("2026-12-01")));
        assertTrue(backwards.getMessage().contains("2026-12-02 to 2026-12-01"), backwards.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> advisor.workingHours(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-02")));
    }
}
