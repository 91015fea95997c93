package com.propertyservice.advisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding example in the README, taken from the README itself, compiles and runs. */
class ReadmeExampleTest {

    @Test
    void embeddingExampleInTheReadmeCompilesAndRuns(@TempDir Path work) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README.md has a ```java block").isTrue();
        String code = block.group(1);
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : code.split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        String source =
                imports + "public class ReadmeExample {\n public static void main(String[] args) throws Exception {\n"
                        + body + "\n }\n}\n";
        Path file = work.resolve("ReadmeExample.java");
        Files.writeString(file, source);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(
                null,
                null,
                errors,
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                work.toString(),
                file.toString());
        assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();

        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {work.toUri().toURL()}, getClass().getClassLoader())) {
            loader.loadClass("ReadmeExample").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .as("the example prints the advice's priority, escalation and trail")
                .containsPattern(
                        "(URGENT|HIGH|NORMAL|LOW) (NONE|SUPERVISOR|PROJECT_MANAGER|COMPANY|EXTERNAL_AUTHORITY) \\[.+\\]");
    }
}
