package com.propertyservice.advisor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.engine.Recipient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code advisor.notify.*} as the service binds it: a webhook it could never serve stops the start and says why. */
class NotifyPropertiesTest {

    @EnableConfigurationProperties(NotifyProperties.class)
    static class Binding {}

    final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void anUnknownFormatStopsTheStartNamingTheKeyAndTheChoices() {
        context.withPropertyValues(
                        "advisor.notify.webhooks[0].url=https://example.invalid/hook",
                        "advisor.notify.webhooks[0].format=slack")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure())
                            .rootCause()
                            .hasMessage("advisor.notify.webhooks[0].format is 'slack': use generic, wecom or dingtalk");
                });
    }

    @Test
    void anAddressThatIsNotHttpStopsTheStartWithoutShowingItsKey() {
        context.withPropertyValues(
                        "advisor.notify.webhooks[0].url=ftp://robots.example.invalid/send?key=SECRET-KEY",
                        "advisor.notify.webhooks[0].format=wecom")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("advisor.notify.webhooks[0].url must be an http or https address")
                            .hasMessageNotContaining("SECRET-KEY");
                });
    }

    @Test
    void aMissingAddressAndASecretOnANonDingTalkRobotAreRefused() {
        context.withPropertyValues("advisor.notify.webhooks[0].format=generic")
                .run(started -> assertThat(started.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("advisor.notify.webhooks[0].url is missing"));
        context.withPropertyValues(
                        "advisor.notify.webhooks[0].url=https://example.invalid/a",
                        "advisor.notify.webhooks[0].format=wecom",
                        "advisor.notify.webhooks[0].secret=SECx")
                .run(started -> assertThat(started.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("only dingtalk robots sign"));
    }

    @Test
    void twoWebhooksOfOneNameAreRefused() {
        context.withPropertyValues(
                        "advisor.notify.webhooks[0].url=https://example.invalid/a",
                        "advisor.notify.webhooks[0].format=generic",
                        "advisor.notify.webhooks[0].name=ops",
                        "advisor.notify.webhooks[1].url=https://example.invalid/b",
                        "advisor.notify.webhooks[1].format=wecom",
                        "advisor.notify.webhooks[1].name=ops")
                .run(started -> assertThat(started.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("advisor.notify.webhooks[1].name 'ops' is used by an earlier webhook"));
    }

    @Test
    void aWebhookWithoutANameKeepsItsNameWhenTheListIsReordered() {
        String wecom = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1";
        String dingtalk = "https://oapi.dingtalk.com/robot/send?access_token=t1";
        context.withPropertyValues(
                        "advisor.notify.webhooks[0].url=" + wecom,
                        "advisor.notify.webhooks[0].format=WeCom",
                        "advisor.notify.webhooks[0].recipients=SUPERVISOR,ASSIGNEE",
                        "advisor.notify.webhooks[1].url=" + dingtalk,
                        "advisor.notify.webhooks[1].format=dingtalk",
                        "advisor.notify.webhooks[1].language=en",
                        "advisor.notify.retry.max-delay=30m")
                .run(first -> context.withPropertyValues(
                                "advisor.notify.webhooks[0].url=" + dingtalk,
                                        "advisor.notify.webhooks[0].format=dingtalk",
                                "advisor.notify.webhooks[1].url=" + wecom, "advisor.notify.webhooks[1].format=wecom")
                        .run(reordered -> {
                            NotifyProperties before = first.getBean(NotifyProperties.class);
                            NotifyProperties after = reordered.getBean(NotifyProperties.class);
                            assertThat(before.webhooks().get(0).name())
                                    .startsWith("wecom-")
                                    .isEqualTo(after.webhooks().get(1).name());
                            assertThat(before.webhooks().get(1).name())
                                    .startsWith("dingtalk-")
                                    .isEqualTo(after.webhooks().get(0).name());
                            assertThat(before.webhooks().get(0).kind()).isEqualTo(WebhookFormat.WECOM);
                            assertThat(before.webhooks().get(0).accepts(Recipient.COMPANY))
                                    .isFalse();
                            assertThat(before.webhooks().get(1).accepts(Recipient.COMPANY))
                                    .isTrue();
                            assertThat(before.webhooks().get(0).toString()).doesNotContain("k1");
                            assertThat(before.retry().maxDelay()).isEqualTo(Duration.ofMinutes(30));
                            assertThat(before.retry().firstDelay()).isEqualTo(Duration.ofSeconds(10));
                            assertThat(before.timeout()).isEqualTo(Duration.ofSeconds(10));
                        }));
    }

    @Test
    void theEnvironmentVariablesTheDeploymentGuideNamesBindTheWebhookList() {
        context.withInitializer(started -> started.getEnvironment()
                        .getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource(
                                "systemEnvironment",
                                Map.of(
                                        "ADVISOR_NOTIFY_WEBHOOKS_0_NAME", "supervisors-wecom",
                                        "ADVISOR_NOTIFY_WEBHOOKS_0_FORMAT", "wecom",
                                        "ADVISOR_NOTIFY_WEBHOOKS_0_URL",
                                                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
                                        "ADVISOR_NOTIFY_WEBHOOKS_0_RECIPIENTS", "ASSIGNEE,SUPERVISOR",
                                        "ADVISOR_NOTIFY_WEBHOOKS_1_FORMAT", "dingtalk",
                                        "ADVISOR_NOTIFY_WEBHOOKS_1_URL",
                                                "https://oapi.dingtalk.com/robot/send?access_token=t",
                                        "ADVISOR_NOTIFY_WEBHOOKS_1_SECRET", "SECs",
                                        "ADVISOR_NOTIFY_RETRY_FIRSTDELAY", "5s",
                                        "ADVISOR_NOTIFY_RETRY_MAXDELAY", "2m",
                                        "ADVISOR_NOTIFY_POLLINTERVAL", "2s"))))
                .run(started -> {
                    NotifyProperties properties = started.getBean(NotifyProperties.class);
                    assertThat(properties.webhooks())
                            .extracting(NotifyProperties.Webhook::kind)
                            .containsExactly(WebhookFormat.WECOM, WebhookFormat.DINGTALK);
                    assertThat(properties.webhooks().get(0).name()).isEqualTo("supervisors-wecom");
                    assertThat(properties.webhooks().get(0).recipients())
                            .containsExactly(Recipient.ASSIGNEE, Recipient.SUPERVISOR);
                    assertThat(properties.webhooks().get(1).secret()).isEqualTo("SECs");
                    assertThat(properties.retry().firstDelay()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(properties.retry().maxDelay()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(2));
                });
    }

    @Test
    void backOffDoublesFromTheFirstDelayAndStaysAtTheCapForEver() {
        NotifyProperties.Retry retry = new NotifyProperties.Retry(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(10));
        assertThat(retry.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(retry.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(retry.delayAfter(6)).isEqualTo(Duration.ofSeconds(320));
        assertThat(retry.delayAfter(7)).isEqualTo(Duration.ofMinutes(10));
        assertThat(retry.delayAfter(10_000))
                .as("no overflow after days of failures")
                .isEqualTo(Duration.ofMinutes(10));
    }
}
