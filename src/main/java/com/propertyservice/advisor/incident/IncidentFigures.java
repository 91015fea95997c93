package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.ComplaintCause;
import com.propertyservice.advisor.engine.Deadline;
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
 * @param overdueCount incidents past a deadline not met: the response (OPEN, ADVISED), the resolution (OPEN, ADVISED,
 *                     ACKNOWLEDGED) or the return visit (RESOLVED)
 * @param overdue      the most overdue of them, each once, at most the number asked for
 */
public record IncidentFigures(
        long incidents,
        List<Group> gapByKano,
        List<Group> gapByArea,
        List<Group> gapByIssue,
        List<Group> countByIssue,
        Map<ComplaintCause, List<Long>> causesByWeek,
        long overdueCount,
        List<Overdue> overdue) {

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
    public record Group(String key, long count, double meanGap) {}

    /**
     * An incident past a deadline not met: the one it passed first ({@code deadline}, due at {@code dueAt});
     * {@code priority} is the stored code or {@code null}.
     */
    public record Overdue(
            long id, String community, String issue, String priority, Deadline deadline, OffsetDateTime dueAt) {}
}
