package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Incidents recorded before V3 get their resolution target and complaint causes from their stored advice. */
class BackfillDashboardColumnsTest {

    @Test
    void rowsRecordedBeforeTheColumnsAreFilledFromTheirAdvice() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:backfill;DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target("2")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        OffsetDateTime advised = OffsetDateTime.of(2025, 6, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        String insert = """
                insert into incidents (id, reported_at, channel, community, service_area, issue, summary, language,
                                       incident_json, advice_json, rule_set_version, fired_rules, status, recorded_by,
                                       recorded_at, advised_at)
                values (?, ?, 'PHONE', '阳光花园', 'ENGINEERING', 'lift-outage', '电梯停了', 'zh-CN', '{}', ?, 'v1', '[]',
                        'ADVISED', 'li', ?, ?)""";
        jdbc.update(
                insert,
                1,
                advised,
                "{\"complaintCauses\":[\"DERELICTION\",\"MISTAKE\"],\"resolveWithin\":\"P2D\"}",
                advised,
                advised);
        jdbc.update(insert, 2, advised, "{\"complaintCauses\":[],\"resolveWithin\":\"PT4H\"}", advised, null);
        jdbc.update(insert, 3, advised, "not json", advised, advised);

        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        assertThat(jdbc.queryForObject("select resolve_by from incidents where id = 1", OffsetDateTime.class)
                        .toInstant())
                .isEqualTo(advised.plusDays(2).toInstant());
        assertThat(jdbc.queryForObject("select resolve_by from incidents where id = 2", OffsetDateTime.class)
                        .toInstant())
                .isEqualTo(advised.plusHours(4).toInstant());
        assertThat(jdbc.queryForObject("select resolve_by from incidents where id = 3", OffsetDateTime.class))
                .isNull();
        assertThat(jdbc.queryForList(
                        "select cause from incident_complaint_causes where incident_id = 1 order by cause",
                        String.class))
                .containsExactly("DERELICTION", "MISTAKE");
        assertThat(jdbc.queryForObject("select count(*) from incident_complaint_causes", Integer.class))
                .isEqualTo(2);
    }
}
