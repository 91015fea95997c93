package com.propertyservice.advisor.loadtest;

import com.propertyservice.advisor.AdvisorApplication;
import com.propertyservice.advisor.engine.Advisor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The reload phases only, for a build without {@code POST /api/rules/reload}: the service runs in
 * this JVM (from the test classpath) on a copy of the rules folder, and the reloads call
 * {@link Advisor#reload()} directly, alternating two versions whose wording differs. Arguments:
 * seconds per phase (default 15), reload interval in seconds (default 5).
 */
public final class InProcessReloadLoad {

    private InProcessReloadLoad() {}

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 15;
        long every = args.length > 1 ? Long.parseLong(args[1]) : 5;
        Path work = Files.createTempDirectory("advisor-reload-load");
        Path rules = work.resolve("rules");
        ServiceUnderTest.copy(Path.of("rules"), rules);
        String machine = Machine.describe();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AdvisorApplication.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.datasource.url=jdbc:h2:file:" + work.resolve("data/advisor"),
                        "--advisor.rules-dir=" + rules,
                        "--advisor.security.api-keys=in-process-load-key",
                        "--advisor.security.bootstrap-admin-password=In-Process-Load-1",
                        "--logging.level.root=WARN")) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            Advisor advisor = context.getBean(Advisor.class);
            LoadScript.Settings settings = new LoadScript.Settings(
                    List.of(),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(seconds),
                    5_000_000,
                    32,
                    Duration.ofSeconds(every),
                    Duration.ZERO);
            LoadScript.Report report = new LoadScript("127.0.0.1", port, "in-process-load-key", rules, settings)
                    .run(ServiceUnderTest.flipping(rules, () -> advisor.reload().activeVersion()));
            System.out.println();
            System.out.println("Measured " + machine + "; load average at the end " + Machine.loadAverage()
                    + "; service and load generator in one JVM, Advisor.reload() called in-process\n");
            System.out.println(report.markdown());
        }
    }
}
