package com.propertyservice.advisor.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.engine.Priority;
import com.propertyservice.advisor.engine.ServiceArea;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL matches the Flyway schema (every column written comes back as written), the list query
 * filters and sorts newest first, and the transitions change only what they own.
 */
@JdbcTest
@Import({IncidentRepository.class, FollowUpRepository.class})
class IncidentRepositoryTest {

    @Autowired
    IncidentRepository incidents;

    @Autowired
    FollowUpRepository followUps;

    @Autowired
    JdbcTemplate jdbc;

    static StoredIncident incident(String community, String status, OffsetDateTime reportedAt) {
        return new StoredIncident(
                null,
                "EXT-1",
                reportedAt,
                "PHONE",
                community,
                "ENGINEERING",
                "lift-outage",
                "电梯又坏了",
                4,
                1,
                -3,
                "MUST_BE",
                "URGENT",
                "PROJECT_MANAGER",
                "zh-CN",
                "{}",
                "{\"priority\":\"URGENT\"}",
                "v1",
                "[\"Catalogue_10\"]",
                status,
                "li",
                reportedAt,
                reportedAt,
                null,
                null,
                null);
    }

    static IncidentQuery query(String community, IncidentStatus status) {
        return new IncidentQuery(community, status, null, null, null, null);
    }

    @Test
    void everyColumnComesBackAsWritten() {
        OffsetDateTime reported = OffsetDateTime.of(2025, 6, 1, 9, 30, 0, 0, ZoneOffset.ofHours(8));
        StoredIncident saved = incidents.insert(incident("阳光花园", "ADVISED", reported));
        StoredIncident found = incidents.findById(saved.id()).orElseThrow();
        // the same instants: H2 keeps the offset written, PostgreSQL answers in UTC
        assertThat(found)
                .usingRecursiveComparison()
                .withComparatorForType(OffsetDateTime.timeLineOrder(), OffsetDateTime.class)
                .isEqualTo(saved);
        assertThat(found.adviceJson()).isEqualTo("{\"priority\":\"URGENT\"}");
        assertThat(found.reportedAt().toInstant()).isEqualTo(reported.toInstant());
        assertThat(found.incidentStatus()).isEqualTo(IncidentStatus.ADVISED);
    }

    @Test
    void theDashboardColumnsAreWrittenBesideTheRow() {
        OffsetDateTime reported = OffsetDateTime.of(2025, 6, 1, 9, 30, 0, 0, ZoneOffset.UTC);
        long id = incidents
                .insert(
                        incident("阳光花园", "ADVISED", reported),
                        reported.plusDays(2),
                        List.of("MISTAKE", "DERELICTION", "MISTAKE"))
                .id();
        assertThat(jdbc.queryForObject("select resolve_by from incidents where id = ?", OffsetDateTime.class, id)
                        .toInstant())
                .isEqualTo(reported.plusDays(2).toInstant());
        assertThat(jdbc.queryForList(
                        "select cause from incident_complaint_causes where incident_id = ? order by cause",
                        String.class,
                        id))
                .containsExactly("DERELICTION", "MISTAKE");
    }

    @Test
    void filteredListIsNewestFirst() {
        // the date filters are days of the server's time zone
        OffsetDateTime base = LocalDate.of(2025, 6, 1)
                .atTime(9, 0)
                .atZone(ZoneId.systemDefault())
                .toOffsetDateTime();
        incidents.insert(incident("阳光花园", "ADVISED", base));
        incidents.insert(incident("阳光花园", "ADVISED", base.plusDays(2)));
        incidents.insert(incident("翠湖苑", "ADVISED", base.plusDays(1)));
        incidents.insert(incident("阳光花园", "RESOLVED", base.plusDays(3)));
        IncidentQuery sunnyAdvised = query("阳光花园", IncidentStatus.ADVISED);
        assertThat(incidents.find(sunnyAdvised, 0, 10))
                .extracting(row -> row.reportedAt().toInstant())
                .containsExactly(base.plusDays(2).toInstant(), base.toInstant());
        assertThat(incidents.count(sunnyAdvised)).isEqualTo(2);
        assertThat(incidents.find(sunnyAdvised, 1, 10))
                .extracting(row -> row.reportedAt().toInstant())
                .containsExactly(base.toInstant());
        IncidentQuery otherFilters = new IncidentQuery(
                null,
                null,
                ServiceArea.ENGINEERING,
                Priority.URGENT,
                base.toLocalDate().plusDays(1),
                base.toLocalDate().plusDays(2));
        assertThat(incidents.count(otherFilters)).isEqualTo(2);
    }

    @Test
    void aVisitIsAppliedFromTheRowAsItIsAndKeepsTheLatestVisitTime() {
        StoredIncident saved = incidents.insert(incident("阳光花园", "ADVISED", OffsetDateTime.now()));
        OffsetDateTime visit = OffsetDateTime.of(2025, 6, 2, 10, 0, 0, 0, ZoneOffset.UTC);
        assertThat(incidents.recordVisit(saved.id(), 5, null, visit)).isTrue();
        StoredIncident found = incidents.findById(saved.id()).orElseThrow();
        assertThat(found.incidentStatus()).isEqualTo(IncidentStatus.FOLLOWED_UP);
        assertThat(found.perception()).isEqualTo(5);
        assertThat(found.expectation()).isEqualTo(4);
        assertThat(found.satisfactionGap()).isEqualTo(1);
        assertThat(found.followedUpAt()).isEqualTo(visit);
        assertThat(found.summary()).isEqualTo(saved.summary());
        // an earlier visit recorded late, with an expectation of its own
        assertThat(incidents.recordVisit(saved.id(), 2, 5, visit.minusDays(1))).isTrue();
        StoredIncident later = incidents.findById(saved.id()).orElseThrow();
        assertThat(later.satisfactionGap()).isEqualTo(-3);
        assertThat(later.expectation()).isEqualTo(5);
        assertThat(later.followedUpAt()).isEqualTo(visit);
        assertThat(incidents.recordVisit(987_654, 3, null, visit)).isFalse();
    }

    @Test
    void onlyAnOpenIncidentCanBeResolved() {
        StoredIncident saved = incidents.insert(incident("阳光花园", "ADVISED", OffsetDateTime.now()));
        OffsetDateTime at = OffsetDateTime.of(2025, 6, 2, 10, 0, 0, 0, ZoneOffset.UTC);
        assertThat(incidents.resolve(saved.id(), at, "li")).isTrue();
        assertThat(incidents.resolve(saved.id(), at.plusHours(1), "wang")).isFalse();
        StoredIncident found = incidents.findById(saved.id()).orElseThrow();
        assertThat(found.incidentStatus()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(found.resolvedAt()).isEqualTo(at);
        assertThat(found.resolvedBy()).isEqualTo("li");
        assertThat(found.perception()).isEqualTo(1);
    }

    @Test
    void followUpsAreReadBackOldestFirst() {
        long id = incidents
                .insert(incident("阳光花园", "FOLLOWED_UP", OffsetDateTime.now()))
                .id();
        OffsetDateTime first = OffsetDateTime.of(2025, 6, 2, 10, 0, 0, 0, ZoneOffset.UTC);
        followUps.insert(new StoredFollowUp(null, id, 4, 4, 0, "second", "li", first.plusDays(1)));
        followUps.insert(new StoredFollowUp(null, id, 2, 4, -2, "first", "li", first));
        assertThat(followUps.findByIncident(id))
                .extracting(StoredFollowUp::comment)
                .containsExactly("first", "second");
    }
}
