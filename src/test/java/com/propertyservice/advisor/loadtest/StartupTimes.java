package com.propertyservice.advisor.loadtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Start-up time, {@code java -jar} to the first healthy {@code GET /actuator/health}, of the two
 * ways to launch the service, alternated in one run so that both see the same machine: the exec
 * jar as {@code mvn package} leaves it, and the deployment that {@code scripts/cds-archive.sh}
 * builds (the jar extracted, with a class-data-sharing archive). Each start gets a fresh database
 * and a copy of the full rule set, as a first start in production would. Prints markdown for
 * docs/performance.md. Options: {@code --runs 5}, {@code --jar}, {@code --deploy target/deploy},
 * {@code --rules rules}.
 */
public final class StartupTimes {

    private StartupTimes() {}

    /** One way to launch the service. */
    record Launch(String name, Path jar, List<String> jvmOptions) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ServiceUnderTest.options(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        Path jar = Path.of(options.getOrDefault("jar", "target/service-quality-advisor-0.1.0-SNAPSHOT-exec.jar"));
        Path deploy = Path.of(options.getOrDefault("deploy", "target/deploy"));
        Path rules = Path.of(options.getOrDefault("rules", "rules"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " does not exist: run 'mvn package' first");
        }
        List<Launch> launches = new ArrayList<>();
        launches.add(new Launch("`java -jar` on the exec jar", jar, List.of()));
        Path archive = deploy.resolve("advisor.jsa");
        if (Files.isRegularFile(archive)) {
            launches.add(new Launch(
                    "`java -XX:SharedArchiveFile=… -jar` on the extracted jar (scripts/cds-archive.sh)",
                    deploy.resolve(jar.getFileName()),
                    // -Xshare:on: a start that cannot use the archive (stale, other jar path) fails instead of counting
                    // as slow
                    List.of("-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-Xshare:on")));
        } else {
            System.err.println("no " + archive + ": run scripts/cds-archive.sh to measure the CDS deployment too");
        }
        String machine = Machine.describe();
        List<List<Double>> seconds = new ArrayList<>();
        launches.forEach(l -> seconds.add(new ArrayList<>()));
        for (int run = 1; run <= runs; run++) {
            for (int i = 0; i < launches.size(); i++) {
                Launch launch = launches.get(i);
                try (ServiceUnderTest service = ServiceUnderTest.start(launch.jar(), rules, launch.jvmOptions())) {
                    seconds.get(i).add(service.startupSeconds);
                    System.err.printf(
                            Locale.ROOT,
                            "run %d/%d, %s: healthy after %.1f s%n",
                            run,
                            runs,
                            launch.name(),
                            service.startupSeconds);
                }
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("Measured ")
                .append(machine)
                .append("; load average at the end ")
                .append(Machine.loadAverage())
                .append("\n\n");
        md.append(
                "| launch | starts | healthy after, each start (s) | median s | target < 10 s |\n|---|---:|---|---:|---|\n");
        for (int i = 0; i < launches.size(); i++) {
            List<Double> times = seconds.get(i);
            List<Double> sorted = times.stream().sorted().toList();
            double median = sorted.get(sorted.size() / 2);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %.1f | %s |%n",
                    launches.get(i).name(),
                    times.size(),
                    String.join(
                            ", ",
                            times.stream()
                                    .map(t -> String.format(Locale.ROOT, "%.1f", t))
                                    .toList()),
                    median,
                    median < 10 ? "met" : "**missed**"));
        }
        System.out.println();
        System.out.println(md);
    }
}
