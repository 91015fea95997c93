package com.propertyservice.advisor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propertyservice.advisor.system.AdvisorProperties.Rules.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/**
 * {@code advisor.rules.activation} binds from the documented values ({@code publish}, {@code watch}, in any case), and
 * a mistyped one stops the start with a message that names the setting, the value and the values allowed.
 */
@ExtendWith(OutputCaptureExtension.class)
class RulesActivationSettingTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AdvisorProperties.class)
    static class OnlyTheSettings {}

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(OnlyTheSettings.class);

    @Test
    void theDocumentedValuesBindAndPublishIsTheDefault() {
        context.run(started -> assertThat(
                        started.getBean(AdvisorProperties.class).rules().activation())
                .isEqualTo(Activation.PUBLISH));
        context.withPropertyValues("advisor.rules.activation=watch")
                .run(started -> assertThat(
                                started.getBean(AdvisorProperties.class).rules().activation())
                        .isEqualTo(Activation.WATCH));
        context.withPropertyValues("advisor.rules.activation=PUBLISH")
                .run(started -> assertThat(
                                started.getBean(AdvisorProperties.class).rules().activation())
                        .isEqualTo(Activation.PUBLISH));
    }

    @Test
    void aMistypedValueStopsTheStartAndNamesTheAllowedValues(CapturedOutput output) {
        SpringApplication application = new SpringApplication(OnlyTheSettings.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--advisor.rules.activation=wach"))
                .isNotNull();

        assertThat(output.getOut() + output.getErr())
                .contains("advisor.rules.activation")
                .contains("wach")
                .contains("PUBLISH")
                .contains("WATCH");
    }
}
