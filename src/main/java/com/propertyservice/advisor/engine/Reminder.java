package com.propertyservice.advisor.engine;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A step of follow-through the advice plans: whom to remind before one of the incident's deadlines passes, or whom
 * to tell once it has passed. The service schedules each once per deadline and counts breaches across the incident.
 *
 * <p>The rows of the trainers' reminder table ({@code rules/follow-through/reminders.drl.csv}) plan them; the advice
 * holds only those of deadlines it sets a target for, ordered by deadline, then BEFORE ahead of BREACH, then time
 * (the earlier reminder, the lower breach number first), worded in the advice's language.
 *
 * @param deadline  which promise it watches
 * @param trigger   {@link Trigger#BEFORE} the deadline passes, or on a {@link Trigger#BREACH} of it
 * @param elapsed   for BEFORE: the share of the target time passed when it goes (0.8: at 80 %), or null when
 *                  {@code before} says when
 * @param before    for BEFORE: how long before the deadline it goes (P1D: the day before), or null when
 *                  {@code elapsed} says when; as long as the target or longer, it falls at the clock's start
 * @param breach    for BREACH: which breach of the incident it answers, counting every deadline (1: the first, 2:
 *                  the second); 0 for BEFORE
 * @param recipient who is told
 * @param text      what they are told, in the advice's language
 * @param code      the text's key in the text catalogue
 * @param rule      the rule (a row of the reminder table) that planned it
 * @param workingTimeOnly whether it goes only in working time ({@code rules/calendar/working-hours.drl.csv}): the
 *                  service holds one that falls outside working hours until the next working hours begin (a BEFORE
 *                  reminder that would then come after its deadline is left to the breach message)
 */
public record Reminder(
        Deadline deadline,
        Trigger trigger,
        @Nullable Double elapsed,
        @Nullable Duration before,
        int breach,
        Recipient recipient,
        String text,
        String code,
        @Nullable String rule,
        boolean workingTimeOnly) {

    /** When a reminder goes, relative to its deadline. */
    public enum Trigger {
        /** before the deadline passes, while it can still be kept */
        BEFORE,
        /** once the deadline has passed without being met */
        BREACH
    }
}
