package com.propertyservice.advisor.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * No container engine runs here, so compose.yaml cannot be started in the build; this keeps it in step with what
 * is tested: the balancer uses the haproxy.cfg MultiInstanceIT runs, fed the variables that file reads; the
 * instances run the image Jib builds, with the profile, readiness and variables the tests start them with.
 */
class DeploymentFilesTest {

    static final Path DEPLOY = Path.of("src/deploy");

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheTestedBalancerConfigurationAndTheBuiltImage() throws Exception {
        Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(DEPLOY.resolve("compose.yaml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("postgres", "advisor-a", "advisor-b", "haproxy");

        String haproxy = Files.readString(DEPLOY.resolve("haproxy.cfg"));
        Map<String, Object> balancer = services.get("haproxy");
        assertThat((Iterable<String>) balancer.get("volumes")).anyMatch(v -> v.startsWith("./haproxy.cfg:"));
        Map<String, Object> balancerEnv = (Map<String, Object>) balancer.get("environment");
        Matcher variables = Pattern.compile("\"\\$\\{(\\w+)}\"").matcher(haproxy);
        int count = 0;
        while (variables.find()) {
            assertThat(balancerEnv).as("compose sets what haproxy.cfg reads").containsKey(variables.group(1));
            count++;
        }
        assertThat(count).isEqualTo(3);
        assertThat(haproxy).contains("uri /actuator/health/readiness");

        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile(
                        "<artifactId>service-quality-advisor</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(version.find()).isTrue();
        assertThat(pom).contains("<image>service-quality-advisor:${project.version}</image>");
        for (String instance : new String[] {"advisor-a", "advisor-b"}) {
            Map<String, Object> service = services.get(instance);
            assertThat(service.get("image")).isEqualTo("service-quality-advisor:" + version.group(1));
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertThat(env)
                    .containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
                    .containsKeys(
                            "SPRING_DATASOURCE_URL",
                            "SPRING_DATASOURCE_USERNAME",
                            "SPRING_DATASOURCE_PASSWORD",
                            "ADVISOR_SECURITY_API_KEYS",
                            "ADVISOR_SECURITY_BOOTSTRAP_ADMIN_PASSWORD",
                            "ADVISOR_INSTANCE_NAME");
            assertThat(String.valueOf(env.get("SPRING_DATASOURCE_PASSWORD")))
                    .as("secrets come from the environment")
                    .startsWith("${");
        }
        String servers = haproxy.lines()
                .filter(l -> l.strip().startsWith("server "))
                .toList()
                .toString();
        assertThat(servers).contains("${ADVISOR_A}").contains("${ADVISOR_B}");
    }
}
