package com.propertyservice.advisor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.engine.Deadline;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.Recipient;
import com.propertyservice.advisor.incident.NotificationEvent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The robots' text reads well in both languages and fits WeCom's 2,048-byte limit. */
class NotificationTextTest {

    final NotificationText texts = new NotificationText();
    final OffsetDateTime at = OffsetDateTime.parse("2026-12-01T10:00:00+08:00");

    OutboxRow row(NotificationEvent event, Deadline deadline, String text) {
        return new OutboxRow(1, 42, event, deadline, Recipient.SUPERVISOR, null, text, at, "ops", 1);
    }

    @Test
    void chineseAndEnglishNameTheEventTheIncidentTheDeadlineAndTheTime() {
        OutboxRow breach = row(NotificationEvent.BREACHED, Deadline.RESOLVE, "Lift 3 still out of service");
        assertThat(texts.content(breach, Language.ZH_CN)).isEqualTo("""
                【服务质量】时限已超:工单 #42
                时限:解决
                Lift 3 still out of service
                时间:2026-12-01 10:00 +08:00""");
        assertThat(texts.content(breach, Language.EN)).isEqualTo("""
                [Service quality] Deadline missed: incident #42
                Deadline: resolution
                Lift 3 still out of service
                At: 2026-12-01 10:00 +08:00""");
    }

    @Test
    void everyEventAndDeadlineHasALabelInBothLanguages() {
        for (Language language : Language.values()) {
            for (NotificationEvent event : NotificationEvent.values()) {
                for (Deadline deadline : Deadline.values()) {
                    assertThat(texts.content(row(event, deadline, "x"), language))
                            .doesNotContain("notify.");
                }
            }
        }
    }

    @Test
    void anAssignmentWithoutADeadlineLeavesTheLineOut() {
        assertThat(texts.content(row(NotificationEvent.ASSIGNED, null, "交给张三"), Language.ZH_CN))
                .doesNotContain("时限:")
                .contains("已指派");
    }

    @Test
    void aLongTextIsCutToTheRobotsLimitWithoutBreakingACharacter() {
        String content =
                texts.content(row(NotificationEvent.REMINDED, Deadline.RESPOND, "电梯".repeat(2000)), Language.ZH_CN);
        assertThat(content.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(NotificationText.MAX_CONTENT_BYTES);
        assertThat(content).endsWith("…").doesNotContain("\uFFFD");
    }
}
