package com.propertyservice.advisor.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.TestDatabase;
import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.ServiceArea;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recording plans the incident's follow-through steps on the recording's own connection: with them on a second
 * connection, more concurrent requests than the pool has connections each held one and waited for another, and all
 * of them ran into the pool's timeout (AcknowledgedWritesSurviveKillIT saw no write answered at all).
 */
@SpringBootTest(
        properties = {
            TestDatabase.OWN_IN_MEMORY,
            "spring.datasource.hikari.maximum-pool-size=2",
            "spring.datasource.hikari.connection-timeout=3000"
        })
class ConcurrentRecordingTest {

    @Autowired
    IncidentService incidents;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void moreConcurrentRecordingsThanConnectionsAllSucceedWithTheirSteps() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> recorded = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            recorded.add(pool.submit(() -> incidents
                    .record(
                            Incident.builder()
                                    .channel(Channel.PHONE)
                                    .community("阳光花园")
                                    .serviceArea(ServiceArea.ENGINEERING)
                                    .issue("lift-outage")
                                    .summary("电梯停了")
                                    .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.UPSET))
                                    .build(),
                            Language.ZH_CN,
                            "test")
                    .id()));
        }
        List<Long> ids = new ArrayList<>();
        for (Future<Long> one : recorded) {
            ids.add(one.get(60, TimeUnit.SECONDS)); // a pool timeout fails here
        }
        pool.shutdown();

        assertThat(ids).hasSize(40).doesNotHaveDuplicates();
        for (long id : ids) {
            assertThat(jdbc.queryForObject(
                            "select count(*) from scheduled_tasks where task_instance like ?",
                            Integer.class,
                            "%|" + id + "|%"))
                    .as("the steps of incident %d", id)
                    .isPositive();
        }
    }
}
