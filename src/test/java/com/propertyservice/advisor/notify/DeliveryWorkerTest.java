package com.propertyservice.advisor.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.propertyservice.advisor.engine.Deadline;
import com.propertyservice.advisor.engine.Recipient;
import com.propertyservice.advisor.incident.NotificationEvent;
import com.propertyservice.advisor.user.Role;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox and its worker over a real database (H2 here, PostgreSQL in {@link DeliveryWorkerPostgresTest}) and a
 * webhook receiver on loopback, with time moved by hand: the three formats arrive as the contract and the robots
 * define them, a receiver that is away gets the rows later and each once, two instances never send one row twice,
 * and rows outlive the instance that queued them.
 */
class DeliveryWorkerTest {

    static final Instant START = Instant.parse("2026-12-01T02:00:00Z");
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-01T10:00:00+08:00");
    static final JsonMapper JSON = JsonMapper.builder().build();

    final MutableClock clock = new MutableClock(START);
    final LoopbackReceiver receiver = new LoopbackReceiver();
    final List<OutboxDatabase> instances = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        instances.forEach(OutboxDatabase::close);
        receiver.close();
    }

    /** A database URL no other test shares; subclasses point it elsewhere. */
    String newDatabase() {
        return "jdbc:h2:mem:notify-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** One more instance of the feature on the database at {@code url}. */
    OutboxDatabase instance(String url, NotifyProperties properties) {
        OutboxDatabase instance = open(url, properties);
        instances.add(instance);
        return instance;
    }

    OutboxDatabase open(String url, NotifyProperties properties) {
        return OutboxDatabase.h2(url, properties, clock);
    }

    static NotifyProperties properties(NotifyProperties.Webhook... webhooks) {
        return new NotifyProperties(
                List.of(webhooks),
                new NotifyProperties.Retry(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(5)),
                Duration.ofSeconds(5),
                Duration.ofMillis(200),
                50);
    }

    NotifyProperties.Webhook webhook(String name, String format) {
        return new NotifyProperties.Webhook(name, receiver.url("/" + name), format, List.of(), null, "zh-CN");
    }

    static Notification reminder(long incident) {
        return new Notification(
                incident,
                NotificationEvent.REMINDED,
                Deadline.RESPOND,
                Recipient.ASSIGNEE,
                "zhang",
                "请在 30 分钟内回电业主王先生",
                AT);
    }

    @Test
    void eachFormatReachesTheLoopbackReceiverWithItsBody() throws Exception {
        NotifyProperties.Webhook dingtalk = new NotifyProperties.Webhook(
                "dingtalk", receiver.url("/dingtalk?access_token=t"), "dingtalk", List.of(), "SECtest", "zh-CN");
        OutboxDatabase instance =
                instance(newDatabase(), properties(webhook("generic", "generic"), webhook("wecom", "wecom"), dingtalk));
        instance.outbox.enqueue(reminder(42));

        assertThat(instance.worker.deliverDue()).isEqualTo(3);

        Map<String, LoopbackReceiver.Received> byPath =
                receiver.accepted().stream().collect(Collectors.toMap(LoopbackReceiver.Received::path, r -> r));
        assertThat(byPath).containsOnlyKeys("/generic", "/wecom", "/dingtalk");
        byPath.values().forEach(r -> assertThat(r.contentType()).startsWith("application/json"));

        JsonNode generic = JSON.readTree(byPath.get("/generic").body());
        assertThat(generic.propertyNames()).containsExactlyInAnyOrder("event", "incident", "deadline", "at", "text");
        assertThat(generic.get("event").asString()).isEqualTo("REMINDED");
        assertThat(generic.get("incident").longValue()).isEqualTo(42);
        assertThat(generic.get("deadline").asString()).isEqualTo("RESPOND");
        assertThat(generic.get("at").asString())
                .as("told in advisor.default-zone on either database")
                .isEqualTo("2026-12-01T10:00:00+08:00");
        assertThat(generic.get("text").asString()).isEqualTo("请在 30 分钟内回电业主王先生");

        for (String robot : List.of("/wecom", "/dingtalk")) {
            JsonNode body = JSON.readTree(byPath.get(robot).body());
            assertThat(body.propertyNames()).containsExactlyInAnyOrder("msgtype", "text");
            assertThat(body.get("msgtype").asString()).isEqualTo("text");
            assertThat(body.get("text").get("content").asString())
                    .contains("时限提醒", "工单 #42", "首次响应", "请在 30 分钟内回电业主王先生", "2026-12-01 10:00");
        }

        // the signed DingTalk address: timestamp = the clock's millis, sign = Base64(HmacSHA256(secret, ts\nsecret))
        Map<String, String> query = Set.of(byPath.get("/dingtalk").query().split("&")).stream()
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        assertThat(query)
                .containsEntry("access_token", "t")
                .containsEntry("timestamp", Long.toString(START.toEpochMilli()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("SECtest".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(query.get("sign"))
                .isEqualTo(Base64.getEncoder()
                        .encodeToString(
                                mac.doFinal((START.toEpochMilli() + "\nSECtest").getBytes(StandardCharsets.UTF_8))));

        List<Delivery> timeline = instance.outbox.deliveries(42);
        assertThat(timeline)
                .extracting(Delivery::channel, Delivery::webhook, Delivery::status, Delivery::attempts)
                .containsExactlyInAnyOrder(
                        tuple(DeliveryChannel.IN_APP, null, DeliveryStatus.DELIVERED, 0),
                        tuple(DeliveryChannel.WEBHOOK, "generic", DeliveryStatus.DELIVERED, 1),
                        tuple(DeliveryChannel.WEBHOOK, "wecom", DeliveryStatus.DELIVERED, 1),
                        tuple(DeliveryChannel.WEBHOOK, "dingtalk", DeliveryStatus.DELIVERED, 1));
        assertThat(receiver.accepted())
                .extracting(LoopbackReceiver.Received::deliveryId)
                .containsExactlyInAnyOrderElementsOf(timeline.stream()
                        .filter(d -> d.channel() == DeliveryChannel.WEBHOOK)
                        .map(d -> Long.toString(d.id()))
                        .toList());
        assertThat(instance.count("advisor.notifications.delivered", "wecom")).isEqualTo(1);
        assertThat(instance.meters.get("advisor.notifications.pending").gauge().value())
                .isZero();
    }

    @Test
    void whileTheReceiverIsDownRowsWaitWithGrowingBackOffAndArriveOnceWhenItIsBack() {
        OutboxDatabase instance = instance(newDatabase(), properties(webhook("ops", "generic")));
        receiver.answer(LoopbackReceiver.Mode.FAIL);
        for (long incident = 1; incident <= 3; incident++) {
            instance.outbox.enqueue(reminder(incident));
        }

        assertThat(instance.worker.deliverDue()).isZero();
        assertThat(webhookRows(instance)).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.lastError()).startsWith("HTTP 500");
            assertThat(row.nextAttemptAt().toInstant()).isEqualTo(START.plusSeconds(10));
        });
        assertThat(instance.meters.get("advisor.notifications.pending").gauge().value())
                .isEqualTo(3);

        // not due yet: nothing is sent, however often the worker looks
        int requests = receiver.received().size();
        assertThat(instance.worker.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(9));
        assertThat(instance.worker.deliverDue()).isZero();
        assertThat(receiver.received()).hasSize(requests);

        clock.advance(Duration.ofSeconds(1));
        assertThat(instance.worker.deliverDue()).isZero();
        assertThat(webhookRows(instance)).allSatisfy(row -> {
            assertThat(row.attempts()).isEqualTo(2);
            assertThat(row.nextAttemptAt().toInstant()).isEqualTo(START.plusSeconds(10 + 20));
        });

        // the receiver gone altogether: connection refused, the wait doubles again
        receiver.stop();
        clock.advance(Duration.ofSeconds(20));
        assertThat(instance.worker.deliverDue()).isZero();
        assertThat(webhookRows(instance)).allSatisfy(row -> {
            assertThat(row.attempts()).isEqualTo(3);
            assertThat(row.lastError()).startsWith("cannot reach the receiver");
            assertThat(row.nextAttemptAt().toInstant()).isEqualTo(START.plusSeconds(10 + 20 + 40));
        });

        receiver.restart();
        receiver.answer(LoopbackReceiver.Mode.ACCEPT);
        clock.advance(Duration.ofSeconds(39));
        assertThat(instance.worker.deliverDue())
                .as("still waiting out the back-off")
                .isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(instance.worker.deliverDue()).isEqualTo(3);
        clock.advance(Duration.ofHours(1));
        assertThat(instance.worker.deliverDue()).isZero();

        assertThat(receiver.accepted())
                .extracting(LoopbackReceiver.Received::deliveryId)
                .doesNotHaveDuplicates()
                .hasSize(3);
        assertThat(webhookRows(instance)).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(row.attempts()).isEqualTo(4);
            assertThat(row.lastError()).isNull();
        });
        assertThat(instance.count("advisor.notifications.failed", "generic"))
                .as("three rows, three failed attempts each")
                .isEqualTo(9);
        assertThat(instance.count("advisor.notifications.delivered", "generic")).isEqualTo(3);
        assertThat(instance.meters.get("advisor.notifications.pending").gauge().value())
                .isZero();
    }

    @Test
    void aRobotsRefusalIsRetriedNotCountedAsDelivered() {
        OutboxDatabase instance = instance(newDatabase(), properties(webhook("wecom", "wecom")));
        receiver.answer(LoopbackReceiver.Mode.ROBOT_REFUSES);
        instance.outbox.enqueue(reminder(5));

        assertThat(instance.worker.deliverDue()).isZero();
        assertThat(webhookRows(instance)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(row.lastError()).contains("errcode 45009");
        });

        receiver.answer(LoopbackReceiver.Mode.ACCEPT);
        clock.advance(Duration.ofSeconds(10));
        assertThat(instance.worker.deliverDue()).isEqualTo(1);
        assertThat(instance.count("advisor.notifications.failed", "wecom")).isEqualTo(1);
    }

    @Test
    void twoInstancesOnOneDatabaseNeverSendARowTwice() throws Exception {
        String url = newDatabase();
        NotifyProperties properties = properties(webhook("ops", "generic"));
        OutboxDatabase first = instance(url, properties);
        OutboxDatabase second = instance(url, properties);
        int rows = 200;
        for (long incident = 1; incident <= rows; incident++) {
            (incident % 2 == 0 ? first : second).outbox.enqueue(reminder(incident));
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (OutboxDatabase instance : List.of(first, second)) {
                sent.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    int total = 0;
                    while (pending(instance) > 0 && System.nanoTime() < deadline) {
                        total += instance.worker.deliverDue();
                    }
                    return total;
                }));
            }
            int byFirst = sent.get(0).get(90, TimeUnit.SECONDS);
            int bySecond = sent.get(1).get(90, TimeUnit.SECONDS);
            System.out.printf("[notify] %d rows: %d sent by one instance, %d by the other%n", rows, byFirst, bySecond);
            assertThat(byFirst + bySecond).isEqualTo(rows);
        } finally {
            pool.shutdownNow();
        }
        assertThat(receiver.received()).hasSize(rows);
        assertThat(receiver.accepted())
                .extracting(LoopbackReceiver.Received::deliveryId)
                .doesNotHaveDuplicates()
                .hasSize(rows);
        assertThat(first.jdbc
                        .sql("select count(*) from notification_outbox where channel = 'WEBHOOK' and attempts <> 1")
                        .query(Long.class)
                        .single())
                .as("rows claimed more than once")
                .isZero();
    }

    @Test
    void rowsQueuedBeforeARestartAreDeliveredAfterIt(@TempDir Path folder) {
        String url = restartableDatabase(folder);
        NotifyProperties properties = properties(webhook("ops", "generic"));
        OutboxDatabase before = instance(url, properties);
        receiver.answer(LoopbackReceiver.Mode.FAIL);
        before.outbox.enqueue(reminder(1));
        before.outbox.enqueue(reminder(2));
        assertThat(before.worker.deliverDue()).isZero();
        // a third row claimed by an instance that dies in the middle of sending it
        before.outbox.enqueue(reminder(3));
        long inFlight = webhookRows(before).stream()
                .filter(row -> row.incidentId() == 3)
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(before.repository.claim(
                        inFlight,
                        "dying-instance",
                        clock.instant(),
                        clock.instant().plus(properties.lease())))
                .isPresent();
        instances.remove(before);
        before.close();

        receiver.answer(LoopbackReceiver.Mode.ACCEPT);
        OutboxDatabase after = instance(url, properties);
        clock.advance(Duration.ofSeconds(10));
        assertThat(after.worker.deliverDue())
                .as("the two waiting out their back-off")
                .isEqualTo(2);
        assertThat(after.worker.deliverDue())
                .as("the claimed one, until its claim expires")
                .isZero();
        clock.advance(properties.lease());
        assertThat(after.worker.deliverDue()).isEqualTo(1);
        assertThat(receiver.accepted())
                .extracting(LoopbackReceiver.Received::deliveryId)
                .doesNotHaveDuplicates()
                .hasSize(3);
    }

    /** A database that outlives its connections (a file); subclasses use their server's database as it is. */
    String restartableDatabase(Path folder) {
        return "jdbc:h2:file:" + folder.resolve("outbox").toAbsolutePath() + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0";
    }

    @Test
    void aRowForAWebhookNoLongerConfiguredWaitsAndSaysWhy() {
        String url = newDatabase();
        OutboxDatabase before = instance(url, properties(webhook("old", "generic")));
        before.outbox.enqueue(reminder(9));
        OutboxDatabase after = instance(url, properties(webhook("new", "generic")));

        assertThat(after.worker.deliverDue()).isZero();
        assertThat(receiver.received()).isEmpty();
        assertThat(webhookRows(after)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(row.lastError()).contains("no webhook named 'old'");
        });
        assertThat(after.count("advisor.notifications.failed", "unconfigured")).isEqualTo(1);
    }

    @Test
    void aWebhookHearsOnlyAboutTheRecipientsItIsFor() {
        NotifyProperties.Webhook company = new NotifyProperties.Webhook(
                "quality-dept",
                receiver.url("/q"),
                "generic",
                List.of(Recipient.COMPANY, Recipient.PROJECT_MANAGER),
                null,
                "zh-CN");
        OutboxDatabase instance = instance(newDatabase(), properties(company));
        instance.outbox.enqueue(reminder(1));
        instance.outbox.enqueue(new Notification(
                2, NotificationEvent.ESCALATED, Deadline.RESOLVE, Recipient.COMPANY, null, "超时未解决,已升级至品质部", AT));

        assertThat(instance.worker.deliverDue()).isEqualTo(1);
        assertThat(instance.outbox.deliveries(1)).extracting(Delivery::channel).containsExactly(DeliveryChannel.IN_APP);
        assertThat(instance.outbox.deliveries(2))
                .extracting(Delivery::channel)
                .containsExactly(DeliveryChannel.IN_APP, DeliveryChannel.WEBHOOK);
    }

    @Test
    void theInboxShowsANoticeToItsUserAndUnaddressedOnesByRole() {
        OutboxDatabase instance = instance(newDatabase(), properties());
        instance.outbox.enqueue(reminder(1)); // to zhang
        instance.outbox.enqueue(notice(2, Recipient.ASSIGNEE, null)); // unassigned: supervisors
        instance.outbox.enqueue(notice(3, Recipient.SUPERVISOR, null));
        instance.outbox.enqueue(notice(4, Recipient.PROJECT_MANAGER, null));
        instance.outbox.enqueue(notice(5, Recipient.COMPANY, null));
        instance.outbox.enqueue(notice(6, Recipient.ASSIGNEE, "li"));

        assertThat(instance.outbox.inbox("ZHANG", List.of(Role.SUPERVISOR), 50))
                .extracting(InAppNotice::incidentId)
                .containsExactly(3L, 2L, 1L);
        assertThat(instance.outbox.inbox("zhang", List.of(), 50))
                .extracting(InAppNotice::incidentId)
                .containsExactly(1L);
        assertThat(instance.outbox.inbox("admin", List.of(Role.ADMIN), 50))
                .extracting(InAppNotice::incidentId)
                .containsExactly(5L, 4L);
        assertThat(instance.outbox.inbox("li", List.of(Role.SUPERVISOR), 2))
                .extracting(InAppNotice::incidentId)
                .containsExactly(6L, 3L);
        assertThat(instance.outbox.inbox("zhang", List.of(), 50))
                .singleElement()
                .satisfies(notice -> {
                    assertThat(notice.text()).isEqualTo("请在 30 分钟内回电业主王先生");
                    assertThat(notice.at().toInstant()).isEqualTo(AT.toInstant());
                    assertThat(notice.deadline()).isEqualTo(Deadline.RESPOND);
                });
    }

    @Test
    void stoppingTheWorkerMidRequestLetsTheRowGoForTheNextInstance() {
        OutboxDatabase instance = instance(newDatabase(), properties(webhook("ops", "generic")));
        receiver.answer(LoopbackReceiver.Mode.HANG);
        instance.outbox.enqueue(reminder(77));
        instance.worker.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 1);

        instance.worker.stop();

        assertThat(instance.worker.isRunning()).isFalse();
        assertThat(webhookRows(instance)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(row.lastError()).isEqualTo("interrupted by shutdown before an answer came");
            assertThat(row.nextAttemptAt().toInstant())
                    .as("due again at once, not after the lease")
                    .isEqualTo(START);
        });
        receiver.release();
        receiver.answer(LoopbackReceiver.Mode.ACCEPT);
        assertThat(instance(instanceUrl(instance), properties(webhook("ops", "generic")))
                        .worker
                        .deliverDue())
                .isEqualTo(1);
    }

    static Notification notice(long incident, Recipient recipient, String user) {
        return new Notification(incident, NotificationEvent.BREACHED, Deadline.RESOLVE, recipient, user, "已超时", AT);
    }

    static String instanceUrl(OutboxDatabase instance) {
        return instance.dataSource.getJdbcUrl();
    }

    static long pending(OutboxDatabase instance) {
        return instance.repository.pending();
    }

    static List<Delivery> webhookRows(OutboxDatabase instance) {
        return instance
                .jdbc
                .sql("select distinct incident_id from notification_outbox order by incident_id")
                .query(Long.class)
                .list()
                .stream()
                .flatMap(incident -> instance.outbox.deliveries(incident).stream())
                .filter(delivery -> delivery.channel() == DeliveryChannel.WEBHOOK)
                .toList();
    }
}
