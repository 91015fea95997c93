package com.propertyservice.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.AdvisorApplication;
import com.propertyservice.advisor.engine.RuleFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainers' command: validate a rules folder and run its scenarios without the web server. */
class ValidateCommandTest {

    private static final String BROKEN = """
            package com.propertyservice.advisor.rules.broken;

            import com.propertyservice.advisor.engine.*;
            import com.propertyservice.advisor.engine.fact.Assessment;

            rule "broken"
                @description("坏规则")
                @descriptionEn("A broken rule")
            when
                $a: Assessment()
            then
                System.exit(1);
            end
            """;

    private record Run(int exit, String out) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = ValidateCommand.run(args, stream, stream);
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }

    private static Path brokenCopyOfTheProjectRules(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> file :
                RuleFiles.fromDirectory(Path.of("rules")).asMap().entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        Files.createDirectories(dir.resolve("principles"));
        Files.writeString(dir.resolve("principles/broken.drl"), BROKEN, StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void theProjectRulesFolderIsValidAndItsScenariosPass() {
        Run run = run("rules");

        assertThat(run.out()).contains("VALID: 0 error(s)").doesNotContain("FAIL ");
        assertThat(run.out()).containsPattern("PASS  scenarios/");
        assertThat(run.exit()).as(run.out()).isEqualTo(ValidateCommand.VALID);
    }

    @Test
    void aBrokenCopyFailsWithTheFileAndLineOfEachProblem(@TempDir Path dir) throws IOException {
        Run run = run(brokenCopyOfTheProjectRules(dir).toString());

        assertThat(run.exit()).isEqualTo(ValidateCommand.INVALID);
        assertThat(run.out())
                .contains(
                        "ERROR principles/broken.drl:12 [broken] forbidden: the compiled rule calls java.lang.System.exit(...)")
                .contains("INVALID:");
    }

    @Test
    void aMissingFolderIsReportedAndExitsWithTwo(@TempDir Path dir) {
        Run run = run(dir.resolve("nowhere").toString());

        assertThat(run.exit()).isEqualTo(ValidateCommand.UNUSABLE);
        assertThat(run.out()).contains("rules folder not found");
    }

    @Test
    void theApplicationsMainRunsTheCommandInItsOwnProcessWithAnExitCode(@TempDir Path dir) throws Exception {
        Path broken = brokenCopyOfTheProjectRules(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        AdvisorApplication.class.getName(),
                        "validate",
                        broken.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isEqualTo(ValidateCommand.INVALID);
        assertThat(output).contains("ERROR principles/broken.drl:12 [broken]").doesNotContain("Tomcat");
    }
}
