package com.propertyservice.advisor.incident;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The Flyway schema matches the entities (ddl-auto=validate) and the list query sorts newest first. */
@DataJpaTest
class IncidentRepositoryTest {

    @Autowired
    IncidentRepository incidents;

    @Autowired
    FollowUpRepository followUps;

    static StoredIncident incident(String community, String status, OffsetDateTime reportedAt) {
        StoredIncident row = new StoredIncident();
        row.reportedAt = reportedAt;
        row.channel = "PHONE";
        row.community = community;
        row.serviceArea = "ENGINEERING";
        row.issue = "lift-outage";
        row.summary = "电梯又坏了";
        row.language = "zh-CN";
        row.incidentJson = "{}";
        row.adviceJson = "{\"priority\":\"URGENT\"}";
        row.ruleSetVersion = "v1";
        row.firedRules = "[\"Catalogue_10\"]";
        row.status = status;
        row.recordedBy = "li";
        row.recordedAt = reportedAt;
        return row;
    }

    @Test
    void storedAdviceAndTimestampsComeBackUnchanged() {
        OffsetDateTime reported = OffsetDateTime.of(2025, 6, 1, 9, 30, 0, 0, ZoneOffset.ofHours(8));
        Long id = incidents.saveAndFlush(incident("阳光花园", "ADVISED", reported)).id;
        StoredIncident found = incidents.findById(id).orElseThrow();
        assertThat(found.adviceJson).isEqualTo("{\"priority\":\"URGENT\"}");
        assertThat(found.reportedAt.toInstant()).isEqualTo(reported.toInstant());
        assertThat(found.status()).isEqualTo(IncidentStatus.ADVISED);
    }

    @Test
    void filteredListIsNewestFirst() {
        OffsetDateTime base = OffsetDateTime.of(2025, 6, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        incidents.save(incident("阳光花园", "ADVISED", base));
        incidents.save(incident("阳光花园", "ADVISED", base.plusDays(2)));
        incidents.save(incident("翠湖苑", "ADVISED", base.plusDays(1)));
        incidents.save(incident("阳光花园", "RESOLVED", base.plusDays(3)));
        Specification<StoredIncident> sunnyAdvised = (root, query, cb) -> cb.and(
                cb.equal(root.get("community"), "阳光花园"), cb.equal(root.get("status"), "ADVISED"));
        var page = incidents.findAll(sunnyAdvised, PageRequest.of(0, 10, Sort.by(Sort.Order.desc("reportedAt"))));
        assertThat(page.getContent()).extracting(row -> row.reportedAt.toInstant())
                .containsExactly(base.plusDays(2).toInstant(), base.toInstant());
    }

    @Test
    void followUpsAreReadBackOldestFirst() {
        Long id = incidents.saveAndFlush(incident("阳光花园", "FOLLOWED_UP", OffsetDateTime.now())).id;
        OffsetDateTime first = OffsetDateTime.of(2025, 6, 2, 10, 0, 0, 0, ZoneOffset.UTC);
        followUps.save(new StoredFollowUp(id, 4, 4, 0, "second", "li", first.plusDays(1)));
        followUps.save(new StoredFollowUp(id, 2, 4, -2, "first", "li", first));
        assertThat(followUps.findByIncidentIdOrderByVisitedAtAscIdAsc(id))
                .extracting(visit -> visit.comment).containsExactly("first", "second");
    }
}
