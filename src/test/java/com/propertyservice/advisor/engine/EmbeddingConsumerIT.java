package com.propertyservice.advisor.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a system that embeds the engine gets: a consumer project (src/it/embedding) depending on
 * nothing but the artifact this build has just packaged is resolved by Maven in a local repository
 * of its own. Its dependency tree holds Drools and what the engine needs, and none of the service's
 * Spring Boot, Security, Thymeleaf, H2, Flyway or Jackson; the README's embedding example compiles
 * and runs on exactly that class path. Runs after {@code package} (failsafe), on the packaged jar.
 */
class EmbeddingConsumerIT {

    private static final List<String> SERVICE_ONLY = List.of("org.springframework", "com.h2database", "thymeleaf", "tomcat",
            "tools.jackson", "com.fasterxml.jackson", "flywaydb", "springdoc", "webjars", "hibernate");

    @Test
    void theArtifactBringsTheEngineAndDroolsButNothingOfTheService(@TempDir Path work) throws Exception {
        Path consumer = resolveConsumer(work);

        String tree = Files.readString(consumer.resolve("tree.txt"));
        assertThat(tree).contains("com.propertyservice:service-quality-advisor:jar", "org.drools:drools-model-codegen",
                "org.drools:drools-decisiontables", "org.ow2.asm:asm-tree");
        for (String serviceOnly : SERVICE_ONLY) {
            assertThat(tree).as("the consumer's dependency tree:%n%s", tree).doesNotContain(serviceOnly);
        }
    }

    @Test
    void theReadmeEmbeddingExampleRunsOnTheConsumersClassPath(@TempDir Path work) throws Exception {
        Path consumer = resolveConsumer(work);
        String classPath = Files.readString(consumer.resolve("cp.txt")).strip();
        Path example = work.resolve("example");
        Files.createDirectories(example);
        Files.writeString(example.resolve("ReadmeExample.java"), readmeExample());

        run(List.of(javaTool("javac"), "-cp", classPath, "-d", example.toString(), example.resolve("ReadmeExample.java").toString()),
                Path.of("."));
        String printed = run(List.of(javaTool("java"), "-cp", example + java.io.File.pathSeparator + classPath, "ReadmeExample"), Path.of("."));

        assertThat(printed).as("the example prints the advice's priority, escalation and trail")
                .containsPattern("(URGENT|HIGH|NORMAL|LOW) (NONE|SUPERVISOR|PROJECT_MANAGER|COMPANY|EXTERNAL_AUTHORITY) \\[.+\\]");
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

        String userRepo = Path.of(System.getProperty("user.home"), ".m2", "repository").toUri().toString();
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
        Files.writeString(consumer.resolve("pom.xml"), Files.readString(Path.of("src/it/embedding/pom.xml"))
                .replace("@advisor.version@", version)
                .replace("@dependency-plugin.version@", System.getProperty("dependency-plugin.version")));
        run(List.of("mvn", "-B", "-q", "-s", work.resolve("settings.xml").toString(),
                "dependency:tree", "-DoutputFile=tree.txt", "dependency:build-classpath", "-Dmdep.outputFile=cp.txt"), consumer);
        return consumer;
    }

    /** The README's ```java block, wrapped in a main method. */
    private static String readmeExample() throws IOException {
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
        assertThat(block.find()).as("README.md has a ```java block").isTrue();
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : block.group(1).split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        return imports + "public class ReadmeExample {\n public static void main(String[] args) throws Exception {\n" + body + "\n }\n}\n";
    }

    private static String javaTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static String run(List<String> command, Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finishes", command.get(0)).isTrue();
        assertThat(process.exitValue()).as("%s%n%s", command, output).isZero();
        return output;
    }
}
