package com.propertyservice.advisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propertyservice.advisor.SampleRules;
import com.propertyservice.advisor.engine.fact.Assessment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;

/**
 * Rule files are untrusted code. Each file under src/test/resources/rule-payloads is what an
 * attacker with the TRAINER role could upload: the four routes that passed the old text scan and
 * 26 more ways out of the fact model. Each is refused at validation with its file and line, and
 * nothing of it runs: the marker it would create never appears, whether it is validated, activated
 * or the service goes on giving advice. Built with Drools alone, without the sandbox, every live
 * payload does create its marker, so each one is real and the sandbox is what stops it.
 */
class RuleSandboxTest {

    private static final Path PAYLOADS = Path.of("src/test/resources/rule-payloads");
    private static final AtomicLong RAW_BUILDS = new AtomicLong();

    /**
     * One attack: its files, the file and the text of the line the refusal must name, and whether it
     * can be run to show it is live (not the ones that spin, sleep or exhaust the heap).
     */
    record Payload(String name, List<String> files, String main, String lineHolding, boolean live) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Payload> payloads() {
        return Stream.of(
                payload("route-a-code-after-package.drl", "MVEL.eval"),
                new Payload(
                        "route-b-dsl-token-pasting",
                        List.of("route-b-dsl-token-pasting.dsl", "route-b-dsl-token-pasting.dslr"),
                        "route-b-dsl-token-pasting.dslr",
                        "执行魔法 o",
                        true),
                payload("route-c-rule-in-import-cell.drl.csv", "Import,"),
                payload("route-d-unlisted-top-package.drl", "createMissingParentDirectories"),
                payload("reflection.drl", "Class.forName"),
                payload("method-handles.drl", "MethodHandles"),
                payload("class-loader.drl", "ClassLoader"),
                payload("jndi.drl", "InitialContext"),
                payload("scripting-engine.drl", "ScriptEngineManager"),
                payload("serialization.drl", "ObjectOutputStream"),
                payload("thread.drl", "new Thread"),
                payload("socket.drl", "ServerSocket"),
                payload("environment.drl", "getenv"),
                payload("system-properties.drl", "getProperties"),
                payload("process-builder.drl", "ProcessBuilder"),
                payload("files.drl", "createFile"),
                payload("unicode-escape.drl", "createFile"),
                payload("annotation-value.drl", "@description(new"),
                payload("enabled-attribute.drl", "enabled ("),
                payload("salience-expression.drl", "salience ("),
                payload("function.drl", "function boolean"),
                payload("recursive-function.drl", "function int"),
                new Payload("endless-loop.drl", List.of("endless-loop.drl"), "endless-loop.drl", "while (true)", false),
                payload("method-reference.drl", "Runtime::getRuntime"),
                payload("condition.drl", "Assessment(new"),
                payload("eval-element.drl", "eval("),
                new Payload(
                        "dsl-condition",
                        List.of("dsl-condition.dsl", "dsl-condition.dslr"),
                        "dsl-condition.dslr",
                        "- 条件暗藏玄机",
                        true),
                payload("h2-library.drl", "FileUtils"),
                payload("spring-library.drl", "FileCopyUtils"),
                payload("jackson-library.drl", "JsonMapper"),
                payload("declared-type.drl", "declare Planted"),
                new Payload("huge-array.drl", List.of("huge-array.drl"), "huge-array.drl", "new long[", false),
                new Payload("string-bomb.drl", List.of("string-bomb.drl"), "string-bomb.drl", "repeat", false),
                new Payload("sleep.drl", List.of("sleep.drl"), "sleep.drl", "Thread.sleep", false));
    }

    @Test
    void theFactModelAndPlainValuesPassTheSandbox() {
        String rule = """

                rule "plain values"
                    @description("只用事实模型和普通的值")
                    @descriptionEn("only the fact model and plain values")
                    salience 5
                when
                    $a: Assessment(classified, summary.contains("电梯"), reportedHour >= 0, flags not contains "SEEN",
                                   issue in ("lift-outage", "water-outage"))
                then
                    String label = String.valueOf(Math.max(1, Integer.parseInt("2"))) + $a.getIssue().toUpperCase();
                    java.util.List<String> codes = java.util.List.of("caution.do-not-interrupt");
                    if (label.length() > 3 && codes.contains("caution.do-not-interrupt")) {
                        $a.raisePriority(Priority.valueOf("HIGH"));
                    }
                    modify($a) { flag("SEEN") }
                end
                """;
        RuleFiles files = SampleRules.with(SampleRules.DRL, SampleRules.text(SampleRules.DRL) + rule);

        ValidationResult result = Advisor.fromFiles(SampleRules.files()).validate(files);

        assertThat(result.problems()).as(result.report()).isEmpty();
        assertThat(result.valid()).isTrue();
    }

    static Stream<Payload> livePayloads() {
        return payloads().filter(Payload::live);
    }

    private static Payload payload(String file, String lineHolding) {
        return new Payload(file, List.of(file), file, lineHolding, true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void payloadIsRefusedWithItsFileAndLineAndNothingOfItRuns(Payload payload, @TempDir Path temp) {
        Path marker = temp.resolve("marker");
        RuleFiles files = withPayload(SampleRules.files(), payload, marker);
        Advisor advisor = Advisor.fromFiles(SampleRules.files());
        String running = advisor.version();
        String main = "payload/" + payload.main();

        ValidationResult validation = advisor.validate(files);
        ReloadResult activation = advisor.activate(files);
        Advice advice = advisor.advise(SampleRules.ANGRY_LIFT);

        assertThat(validation.valid()).isFalse();
        assertThat(validation.problems()).as(validation.report()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(main);
            assertThat(problem.line()).isEqualTo(lineOf(files, main, payload.lineHolding()));
            assertThat(problem.message()).startsWith("forbidden");
        });
        assertThat(activation.activated()).isFalse();
        assertThat(advice.ruleSetVersion()).isEqualTo(running);
        assertThat(marker).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("livePayloads")
    void withoutTheSandboxThePayloadRuns(Payload payload, @TempDir Path temp) {
        Path marker = temp.resolve("marker");
        RuleFiles files = withPayload(RuleFiles.of(Map.of()), payload, marker);

        Thread firing = new Thread(() -> fireWithDroolsAlone(files));
        firing.setDaemon(true);
        firing.start();
        // a process started by a payload may touch the marker a moment after the rule has fired
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(marker).exists());
    }

    /** Builds and fires the files with Drools' executable model and nothing of the advisor's: what would run without the sandbox. */
    private static void fireWithDroolsAlone(RuleFiles files) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        files.asMap().forEach((path, content) -> kfs.write("src/main/resources/" + path, content));
        ReleaseId releaseId =
                ks.newReleaseId("com.propertyservice.advisor", "unsandboxed-" + RAW_BUILDS.incrementAndGet(), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        try {
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
            if (!builder.getResults().getMessages(Message.Level.ERROR).isEmpty()) {
                return; // an annotation value runs while Drools builds, even in a build that then fails
            }
            KieBase kieBase = ks.newKieContainer(releaseId).getKieBase();
            KieSession session = kieBase.newKieSession();
            try {
                session.insert(new Assessment(SampleRules.ANGRY_LIFT));
                session.fireAllRules(100);
            } finally {
                session.dispose();
            }
        } catch (Throwable expected) {
            // a payload may end in an exception or a stack overflow once it has done its work
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    private static RuleFiles withPayload(RuleFiles base, Payload payload, Path marker) {
        RuleFiles files = base;
        for (String file : payload.files()) {
            try {
                String text = Files.readString(PAYLOADS.resolve(file), StandardCharsets.UTF_8)
                        .replace("MARKER", marker.toString());
                files = files.with("payload/" + file, text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static int lineOf(RuleFiles files, String path, String text) {
        String[] lines = new String(files.get(path), StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.contains(text) && !line.startsWith("//") && !line.startsWith("#")) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(path + " has no line holding " + text);
    }
}
