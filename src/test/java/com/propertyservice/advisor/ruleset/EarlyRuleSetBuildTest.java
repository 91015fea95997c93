package com.propertyservice.advisor.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propertyservice.advisor.AdvisorApplication;
import com.propertyservice.advisor.SampleRules;
import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.RuleSetException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service as {@code main} starts it compiles the rule set on a thread of its own while Spring
 * starts: the advisor it serves is that build, and a rules folder that does not validate still stops
 * the start with the problems, file and line, as a build on the main thread did.
 */
class EarlyRuleSetBuildTest {

    ConfigurableApplicationContext start(Path rules) {
        return AdvisorApplication.application()
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:early-" + System.nanoTime(),
                        "--advisor.rules-dir=" + rules.toAbsolutePath(),
                        "--advisor.security.bootstrap-admin-password=EarlyBuild-Test-Password-1");
    }

    @Test
    void theAdvisorBeanIsTheRuleSetBuiltWhileSpringStarted() throws Exception {
        Path rules = SampleRules.newCopy();
        try (ConfigurableApplicationContext context = start(rules)) {
            EarlyRuleSetBuild early = context.getBean(EarlyRuleSetBuild.class);
            Advisor advisor = context.getBean(Advisor.class);
            assertThat(advisor).isSameAs(early.await());
            assertThat(advisor.version()).isEqualTo(Advisor.fromDirectory(rules).version());
        }
    }

    @Test
    void aRulesFolderThatDoesNotValidateStopsTheStartNamingFileAndLine() throws Exception {
        Path rules = SampleRules.newCopy();
        SampleRules.write(rules, "principles/broken.drl", """
                package com.propertyservice.advisor.rules.principles;
                import com.propertyservice.advisor.engine.fact.Assessment;

                rule "broken"
                    @description("broken on purpose")
                    @descriptionEn("broken on purpose")
                when
                    $a : Assessment( noSuchField == 1 )
                then
                end
                """);

        assertThatThrownBy(() -> start(rules))
                .hasRootCauseInstanceOf(RuleSetException.class)
                .rootCause()
                .hasMessageContaining("principles/broken.drl:8");
    }
}
