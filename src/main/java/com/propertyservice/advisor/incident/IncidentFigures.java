package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.ComplaintCause;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows about the incidents reported in a window, counted by the database (every
 * incident of the window, however many).
 *
 * @param incidents    incidents reported in the window
 * @param gapByKano    per advised Kano factor with a known gap: how many and their mean gap
 * @param gapByArea    per service area, the same
 * @param gapByIssue   per issue key, the same
 * @param countByIssue per issue key, how many (gap known or not); {@code meanGap} is 0
 * @param causesByWeek per advised complaint cause, the count in each week asked for
 * @param overdueCount open incidents (OPEN, ADVISED) past their resolution target
 * @param overdue      the most overdue of them, at most the number asked for
 */
public record IncidentFigures(long incidents, List<Group> gapByKano, List<Group> gapByArea, List<Group> gapByIssue,
                              List<Group> countByIssue, Map<ComplaintCause, List<Long>> causesByWeek,
                              long overdueCount, List<Overdue> overdue) {

    public IncidentFigures {
        gapByKano = List.copyOf(gapByKano);
        gapByArea = List.copyOf(gapByArea);
        gapByIssue = List.copyOf(gapByIssue);
        countByIssue = List.copyOf(countByIssue);
        causesByWeek = Map.copyOf(causesByWeek);
        overdue = List.copyOf(overdue);
    }

    /**
     * Incidents sharing a key (a code's name or an issue key).
     *
     * @param meanGap the unrounded mean satisfaction gap, for groups of incidents with a known gap
     */
    public record Group(String key, long count, double meanGap) {
    }

    /** An open incident past its resolution target; {@code priority} is the stored code or {@code null}. */
    public record Overdue(long id, String community, String issue, String priority, OffsetDateTime dueAt) {
    }
}
