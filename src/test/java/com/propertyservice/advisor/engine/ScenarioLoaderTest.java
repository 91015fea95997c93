package com.propertyservice.advisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario timestamps keep the time of day the trainer wrote: YAML would turn an unquoted
 * {@code 2026-05-12T05:40:00+08:00} into a UTC {@code Date} (21:40 the day before), and every time
 * rule would then read the wrong hour.
 */
class ScenarioLoaderTest {

    private static final String SCENARIO = """
            name: t
            incident:
              reportedAt: %s
              kind: PRAISE
              channel: PHONE
              community: c
              location: 3号楼
              noticeGiven: false
              serviceArea: ENGINEERING
              issue: lift-outage
              summary: s
              complainant: {role: OWNER, emotion: CALM, side: REPORTER}
            expect:
              kind: PRAISE
            """;

    private static Scenario load(String reportedAt, List<Problem> problems) {
        return ScenarioLoader.load("scenarios/t.yaml", SCENARIO.formatted(reportedAt), problems);
    }

    @Test
    void anUnquotedTimestampKeepsItsOffsetAndLocalHour() {
        Scenario scenario = load("2026-05-12T05:40:00+08:00", new ArrayList<>());
        assertThat(scenario.incident().reportedAt()).isEqualTo(OffsetDateTime.parse("2026-05-12T05:40:00+08:00"));
        assertThat(scenario.incident().reportedAt().getHour()).isEqualTo(5);
    }

    @Test
    void aTimestampWithoutOffsetIsReadInTheDefaultZone() {
        Scenario scenario = load("2026-05-12T05:40:00", new ArrayList<>());
        assertThat(scenario.incident().reportedAt()).isEqualTo(OffsetDateTime.parse("2026-05-12T05:40:00+08:00"));
    }

    @Test
    void theContractOnePointOneFieldsAreRead() {
        Scenario scenario = load("\"2026-05-12T05:40:00+08:00\"", new ArrayList<>());
        assertThat(scenario.incident().kind()).isEqualTo(ContactKind.PRAISE);
        assertThat(scenario.incident().complainant().side()).isEqualTo(ComplainantSide.REPORTER);
        assertThat(scenario.incident().noticeGiven()).isFalse();
        assertThat(scenario.incident().location()).isEqualTo("3号楼");
        assertThat(scenario.expect().kind()).isEqualTo(ContactKind.PRAISE);
    }

    @Test
    void aTimestampThatIsNoTimeIsAProblemNamingTheField() {
        List<Problem> problems = new ArrayList<>();
        assertThat(load("yesterday", problems)).isNull();
        assertThat(problems)
                .singleElement()
                .satisfies(p ->
                        assertThat(p.message()).contains("incident.reportedAt").contains("yesterday"));
    }
}
