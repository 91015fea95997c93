package com.propertyservice.advisor.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.engine.Deadline;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where each promise of an incident stands on its page: met in time, pending, overdue, or breached. */
class DeadlineRowTest {

    static final OffsetDateTime RECORDED = OffsetDateTime.parse("2026-12-01T09:00:00+08:00");
    static final OffsetDateTime RESPOND_BY = RECORDED.plusMinutes(15);
    static final OffsetDateTime RESOLVE_BY = RECORDED.plusHours(4);

    static IncidentView incident(
            IncidentStatus status,
            OffsetDateTime respondedAt,
            OffsetDateTime resolvedAt,
            OffsetDateTime followUpBy,
            OffsetDateTime followedUpAt,
            List<IncidentView.Breach> breaches) {
        return new IncidentView(
                1,
                status,
                null,
                null,
                "v1",
                List.of(),
                null,
                null,
                null,
                "test",
                RECORDED,
                RECORDED,
                resolvedAt,
                resolvedAt == null ? null : "test",
                followedUpAt,
                List.of(),
                null,
                new IncidentView.Deadlines(RESPOND_BY, RESOLVE_BY, followUpBy),
                respondedAt,
                null,
                breaches);
    }

    @Test
    void beforeAnyDeadlineEverythingIsPendingAndTheReturnVisitIsNotListedYet() {
        List<DeadlineRow> rows = DeadlineRow.of(
                incident(IncidentStatus.OPEN, null, null, null, null, List.of()), RECORDED.plusMinutes(5));
        assertThat(rows).extracting(DeadlineRow::deadline).containsExactly(Deadline.RESPOND, Deadline.RESOLVE);
        assertThat(rows).extracting(DeadlineRow::state).containsOnly(DeadlineRow.State.PENDING);
    }

    @Test
    void aResponsePastItsTimeIsOverdueUntilTheBreachIsRecordedThenBreached() {
        OffsetDateTime now = RESPOND_BY.plusMinutes(1);
        assertThat(DeadlineRow.of(incident(IncidentStatus.OPEN, null, null, null, null, List.of()), now)
                        .get(0)
                        .state())
                .isEqualTo(DeadlineRow.State.OVERDUE);
        List<IncidentView.Breach> breach = List.of(new IncidentView.Breach(Deadline.RESPOND, now));
        assertThat(DeadlineRow.of(incident(IncidentStatus.OPEN, null, null, null, null, breach), now)
                        .get(0)
                        .state())
                .isEqualTo(DeadlineRow.State.BREACHED);
    }

    @Test
    void aStepTakenInTimeIsMetAndOneTakenLateIsBreachedEvenWithoutARecordedBreach() {
        OffsetDateTime resolvedLate = RESOLVE_BY.plusMinutes(30);
        List<DeadlineRow> rows = DeadlineRow.of(
                incident(
                        IncidentStatus.RESOLVED,
                        RECORDED.plusMinutes(10),
                        resolvedLate,
                        resolvedLate.plusDays(2),
                        null,
                        List.of()),
                resolvedLate.plusMinutes(1));
        assertThat(rows)
                .extracting(DeadlineRow::state)
                .containsExactly(DeadlineRow.State.MET, DeadlineRow.State.BREACHED, DeadlineRow.State.PENDING);
        assertThat(rows.get(0).doneAt()).isEqualTo(RECORDED.plusMinutes(10));
    }

    @Test
    void theReturnVisitIsMetOnlyOnceTheIncidentIsFollowedUp() {
        OffsetDateTime resolved = RECORDED.plusHours(1);
        OffsetDateTime followUpBy = resolved.plusDays(2);
        List<DeadlineRow> rows = DeadlineRow.of(
                incident(
                        IncidentStatus.FOLLOWED_UP,
                        RECORDED.plusMinutes(10),
                        resolved,
                        followUpBy,
                        resolved.plusDays(1),
                        List.of()),
                followUpBy.plusDays(1));
        assertThat(rows).extracting(DeadlineRow::state).containsOnly(DeadlineRow.State.MET);
        List<DeadlineRow> notYet = DeadlineRow.of(
                incident(IncidentStatus.RESOLVED, RECORDED.plusMinutes(10), resolved, followUpBy, null, List.of()),
                followUpBy.plusDays(1));
        assertThat(notYet.get(2).state())
                .as("while the incident is only resolved, its return visit is still to do")
                .isEqualTo(DeadlineRow.State.OVERDUE);
    }

    @Test
    void anIncidentFromBeforeDeadlinesHasNoRows() {
        IncidentView before = new IncidentView(
                1,
                IncidentStatus.ADVISED,
                null,
                null,
                "v1",
                List.of(),
                null,
                null,
                null,
                "test",
                RECORDED,
                RECORDED,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                List.of());
        assertThat(DeadlineRow.of(before, RECORDED)).isEmpty();
    }
}
