package com.propertyservice.advisor.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.MockMvcServiceTest;
import com.propertyservice.advisor.engine.ComplainantSide;
import com.propertyservice.advisor.engine.ContactKind;
import com.propertyservice.advisor.engine.Escalation;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An incident recorded before contract 1.1 (no kind, side, notice or location; advice with the outside
 * authority as its escalation and none of the new lists) still reads: the incident with the defaults,
 * the advice as it was given.
 */
class StoredBeforeContractElevenTest extends MockMvcServiceTest {

    private static final String OLD_INCIDENT = """
            {"externalId":null,"reportedAt":"2026-05-12T05:40:00+08:00","channel":"WALK_IN","community":"A小区",
             "serviceArea":"COMMUNITY_LIFE","issue":"noise","summary":"广场上天不亮就放音乐跳舞","causedBy":"PUBLIC",
             "withinJurisdiction":false,"complainant":{"role":"OWNER","emotion":"ANGRY","temperament":null,"vulnerable":false,
             "previousComplaints":0},"promise":null,"occurrences":1,"safetyRisk":false,"affectedHouseholds":20,
             "expectation":null,"perception":null}""";

    private static final String OLD_ADVICE = """
            {"issue":"noise","kanoFactor":"EXPECTED","qualityDimension":"RESPONSIVENESS","complaintCauses":[],
             "priority":"HIGH","respondWithin":"PT1H","resolveWithin":"P3D","escalation":"EXTERNAL_AUTHORITY",
             "principles":[{"code":"GOOD_COMMUNICATION","weight":95,"reason":"这事不归物业管"}],
             "steps":[{"code":"LET_OWNER_VENT","actions":["让业主把话说完"]}],
             "actions":[{"text":"协调有权处理的单位","principle":"GOOD_COMMUNICATION","rule":"案例A 不归物业管的事",
             "code":"action.jurisdiction.coordinate-authority"}],"cautions":["物业没有执法权"],
             "followUp":{"within":"P3D","survey":true},"satisfactionGap":null,"ruleSetVersion":"28eb5c8c3204",
             "firedRules":["Catalogue_21","案例A 不归物业管的事","PriorityMatrix_28"],"language":"zh-CN"}""";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IncidentService incidents;

    @Test
    void anIncidentAndItsAdviceStoredBeforeContractElevenStillRead() {
        OffsetDateTime at = OffsetDateTime.parse("2026-05-12T05:40:00+08:00");
        jdbc.update("""
                insert into incidents (reported_at, channel, community, service_area, issue, summary, kano_factor, priority,
                                       escalation, language, incident_json, advice_json, rule_set_version, fired_rules, status,
                                       recorded_by, recorded_at, advised_at)
                values (?, 'WALK_IN', 'A小区', 'COMMUNITY_LIFE', 'noise', '广场上天不亮就放音乐跳舞', 'EXPECTED', 'HIGH',
                        'EXTERNAL_AUTHORITY', 'zh-CN', ?, ?, '28eb5c8c3204', '[]', 'ADVISED', 'before', ?, ?)""", at, OLD_INCIDENT, OLD_ADVICE, at, at);
        long id = jdbc.queryForObject("select max(id) from incidents where recorded_by = 'before'", Long.class);

        IncidentView view = incidents.get(id);
        assertThat(view.incident().kind()).isEqualTo(ContactKind.COMPLAINT);
        assertThat(view.incident().complainant().side()).isEqualTo(ComplainantSide.AFFECTED);
        assertThat(view.incident().noticeGiven()).isNull();
        assertThat(view.incident().location()).isNull();
        assertThat(view.advice().escalation()).isEqualTo(Escalation.EXTERNAL_AUTHORITY);
        assertThat(view.advice().kind()).isNull();
        assertThat(view.advice().fault()).isNull();
        assertThat(view.advice().referral()).isEmpty();
        assertThat(view.advice().safetySteps()).isEmpty();
        assertThat(view.advice().missingDetails()).isEmpty();
        assertThat(view.advice().warnings()).isEmpty();
        assertThat(view.advice().actions())
                .singleElement()
                .satisfies(a -> assertThat(a.code()).isEqualTo("action.jurisdiction.coordinate-authority"));
    }
}
