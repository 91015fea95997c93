package com.propertyservice.advisor.engine;

/**
 * The day of the week an incident was reported, on its local calendar. The engine's own type so
 * that rules name it like every other code ({@code weekday == Weekday.SATURDAY}).
 */
public enum Weekday {
    MONDAY,
    TUESDAY,
    WEDNESDAY,
    THURSDAY,
    FRIDAY,
    SATURDAY,
    SUNDAY
}
