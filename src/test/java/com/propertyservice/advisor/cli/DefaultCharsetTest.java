package com.propertyservice.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Drools' executable model writes the Java it generates in the JVM's default charset, so on Java 17 under a POSIX
 * locale (a server or container without LANG) the knowledge base's Chinese rule names were mangled into
 * "Duplicate rule name" errors nobody could act on. The rules now fail with the cause and the fix named first, and
 * the same rules pass on UTF-8.
 */
class DefaultCharsetTest {

    @Test
    void aJvmWhoseDefaultCharsetIsNotUtf8IsToldSoAndHowToFixIt() throws Exception {
        Run ascii = validate("-Dfile.encoding=US-ASCII");
        assertThat(ascii.exit()).isNotZero();
        assertThat(ascii.out()).contains("default charset US-ASCII, not UTF-8").contains("-Dfile.encoding=UTF-8");
        assertThat(ascii.out().lines().filter(line -> line.startsWith("ERROR")).findFirst())
                .as("the cause comes before its effects")
                .hasValueSatisfying(line -> assertThat(line).contains("not UTF-8"));

        Run utf8 = validate("-Dfile.encoding=UTF-8");
        assertThat(utf8.exit()).as(utf8.out()).isZero();
        assertThat(utf8.out()).doesNotContain("not UTF-8");
    }

    private record Run(int exit, String out) {}

    private static Run validate(String encoding) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(
                        java.toString(),
                        encoding,
                        "-Duser.language=en",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ValidateCommand.class.getName(),
                        "rules"))
                .redirectErrorStream(true)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.ISO_8859_1));
    }
}
