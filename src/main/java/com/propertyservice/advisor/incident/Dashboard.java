package com.propertyservice.advisor.incident;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's figures, ready for the charts and the tables beside them.
 *
 * @param days        the window, in days up to today
 * @param incidents   incidents reported in the window
 * @param gapByKano   mean satisfaction gap per Kano factor (only incidents with a known gap)
 * @param gapByArea   mean satisfaction gap per service area
 * @param weeks       the week labels of {@code causes} (ISO week start dates)
 * @param causes      per complaint cause, the count in each week
 * @param topByCount  the most frequent issues
 * @param topByGap    the issues with the widest (most negative) mean gap
 * @param overdueCount incidents past a deadline not met (response, resolution or return visit)
 * @param overdue     the most overdue of them, first (at most {@link DashboardService#OVERDUE_LISTED})
 * @param hits        rules by hits on the active rule set, most first
 */
record Dashboard(
        int days,
        long incidents,
        List<Bar> gapByKano,
        List<Bar> gapByArea,
        List<String> weeks,
        Map<String, List<Long>> causes,
        List<Bar> topByCount,
        List<Bar> topByGap,
        long overdueCount,
        List<Overdue> overdue,
        List<Bar> hits) {

    /**
     * One bar: a label with a value and how many incidents it rests on.
     *
     * @param key   the code or key behind the label
     * @param label what people read
     * @param value the figure (a count, a mean gap rounded to one decimal, or hits)
     * @param count incidents behind it
     */
    public record Bar(String key, String label, double value, long count) {}

    /**
     * An incident past a deadline not met: the one it passed first.
     *
     * @param deadline which promise ({@code RESPOND}, {@code RESOLVE}, {@code FOLLOW_UP})
     * @param missed   that promise in the page's language
     */
    public record Overdue(
            long id,
            String community,
            String issue,
            String priority,
            String deadline,
            String missed,
            OffsetDateTime dueAt) {}
}
