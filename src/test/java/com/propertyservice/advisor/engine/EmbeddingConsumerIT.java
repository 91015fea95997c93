package com.propertyservice.advisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a system that embeds the engine gets: a consumer project (src/it/embedding) depending on
 * nothing but the artifact this build has just packaged is resolved by Maven in a local repository
 * of its own. Its dependency tree holds Drools and what the engine needs, and none of the service's
 * Spring Boot, Security, Thymeleaf, H2, Flyway or Jackson; the README's embedding example compiles
 * and runs on exactly that class path, and the engine's internals are out of its reach. Runs after {@code package}
 * (failsafe), on the packaged jar; the consumer is resolved once for all the tests.
 */
class EmbeddingConsumerIT {

    /** Shared by the tests: resolving the consumer is a Maven run of its own. */
    @TempDir
    static Path work;

    private static Path resolved;

    private static final List<String> SERVICE_ONLY = List.of(
            "org.springframework",
            "com.h2database",
            "thymeleaf",
            "tomcat",
            "tools.jackson",
            "com.fasterxml.jackson",
            "flywaydb",
            "springdoc",
            "webjars",
            "hibernate");

    @Test
    void theArtifactBringsTheEngineAndDroolsButNothingOfTheService() throws Exception {
        String tree = Files.readString(consumer().resolve("tree.txt"));
        assertThat(tree)
                .contains(
                        "com.propertyservice:service-quality-advisor:jar",
                        "org.drools:drools-model-codegen",
                        "org.drools:drools-decisiontables",
                        "org.ow2.asm:asm-tree",
                        "org.jspecify:jspecify");
        for (String serviceOnly : SERVICE_ONLY) {
            assertThat(tree).as("the consumer's dependency tree:%n%s", tree).doesNotContain(serviceOnly);
        }
    }

    @Test
    void theReadmeEmbeddingExampleRunsOnTheConsumersClassPath() throws Exception {
        String classPath = classPath();
        Path example = work.resolve("example");
        Files.createDirectories(example);
        Files.writeString(example.resolve("ReadmeExample.java"), readmeExample());

        run(
                List.of(
                        javaTool("javac"),
                        "-cp",
                        classPath,
                        "-d",
                        example.toString(),
                        example.resolve("ReadmeExample.java").toString()),
                Path.of("."));
        String printed = run(
                List.of(javaTool("java"), "-cp", example + File.pathSeparator + classPath, "ReadmeExample"),
                Path.of("."));

        assertThat(printed)
                .as("the example prints the advice's priority, escalation and trail")
                .containsPattern(
                        "(URGENT|HIGH|NORMAL|LOW) (NONE|SUPERVISOR|PROJECT_MANAGER|COMPANY|EXTERNAL_AUTHORITY) \\[.+\\]");
    }

    /**
     * The engine's internals are package-private, not merely undocumented: a consumer that names one (here the
     * compiler the advisor builds rule sets with) does not compile. On the class path a JPMS module would not stop it.
     */
    @Test
    void anEmbedderCannotCompileAgainstTheEnginesInternals() throws Exception {
        Path source = work.resolve("reaches-in").resolve("ReachesIn.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                import com.propertyservice.advisor.engine.RuleFiles;
                import com.propertyservice.advisor.engine.RuleSetCompiler;

                public class ReachesIn {
                    Object compile(RuleFiles files) {
                        return RuleSetCompiler.compile(files);
                    }
                }
                """);

        Result javac = exec(
                List.of(
                        javaTool("javac"),
                        "-cp",
                        classPath(),
                        "-d",
                        source.getParent().toString(),
                        source.toString()),
                Path.of("."));

        assertThat(javac.exitValue())
                .as("javac on a consumer naming an internal class%n%s", javac.output())
                .isNotZero();
        assertThat(javac.output()).contains("RuleSetCompiler is not public in com.propertyservice.advisor.engine");
    }

    /** The consumer project, resolved on first use. */
    private static synchronized Path consumer() throws IOException, InterruptedException {
        if (resolved == null) {
            resolved = resolveConsumer(work);
        }
        return resolved;
    }

    /** The consumer's class path: the artifact and what Maven brings with it. */
    private static String classPath() throws IOException, InterruptedException {
        return Files.readString(consumer().resolve("cp.txt")).strip();
    }

    /**
     * Installs the packaged jar and its pom into a fresh local repository, which resolves everything
     * else from the user's repository (and Maven Central for what is not there), and lets Maven write
     * the consumer's dependency tree and class path.
     */
    private static Path resolveConsumer(Path work) throws IOException, InterruptedException {
        String version = System.getProperty("advisor.version");
        assertThat(version).as("failsafe passes advisor.version").isNotBlank();
        Path jar = Path.of("target", "service-quality-advisor-" + version + ".jar");
        assertThat(jar).as("the packaged library jar").exists();
        Path repo = work.resolve("repo");
        Path installed = repo.resolve("com/propertyservice/service-quality-advisor/" + version);
        Files.createDirectories(installed);
        Files.copy(jar, installed.resolve("service-quality-advisor-" + version + ".jar"));
        Files.copy(Path.of("pom.xml"), installed.resolve("service-quality-advisor-" + version + ".pom"));

        String userRepo = Path.of(System.getProperty("user.home"), ".m2", "repository")
                .toUri()
                .toString();
        Files.writeString(work.resolve("settings.xml"), """
                <settings>
                  <localRepository>%s</localRepository>
                  <profiles><profile><id>user-repository</id>
                    <repositories><repository><id>user-repository</id><url>%s</url></repository></repositories>
                    <pluginRepositories><pluginRepository><id>user-repository</id><url>%s</url></pluginRepository></pluginRepositories>
                  </profile></profiles>
                  <activeProfiles><activeProfile>user-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(repo.toAbsolutePath(), userRepo, userRepo));
        Path consumer = work.resolve("consumer");
        Files.createDirectories(consumer);
        Files.writeString(
                consumer.resolve("pom.xml"),
                Files.readString(Path.of("src/it/embedding/pom.xml"))
                        .replace("@advisor.version@", version)
                        .replace("@dependency-plugin.version@", System.getProperty("dependency-plugin.version")));
        run(
                List.of(
                        "mvn",
                        "-B",
                        "-q",
                        "-s",
                        work.resolve("settings.xml").toString(),
                        "dependency:tree",
                        "-DoutputFile=tree.txt",
                        "dependency:build-classpath",
                        "-Dmdep.outputFile=cp.txt"),
                consumer);
        return consumer;
    }

    /** The README's ```java block, wrapped in a main method. */
    private static String readmeExample() throws IOException {
        Matcher block =
                Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
        assertThat(block.find()).as("README.md has a ```java block").isTrue();
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : block.group(1).split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        return imports + "public class ReadmeExample {\n public static void main(String[] args) throws Exception {\n"
                + body + "\n }\n}\n";
    }

    private static String javaTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private record Result(int exitValue, String output) {}

    private static String run(List<String> command, Path directory) throws IOException, InterruptedException {
        Result result = exec(command, directory);
        assertThat(result.exitValue()).as("%s%n%s", command, result.output()).isZero();
        return result.output();
    }

    private static Result exec(List<String> command, Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as("%s finishes", command.get(0))
                .isTrue();
        return new Result(process.exitValue(), output);
    }
}
