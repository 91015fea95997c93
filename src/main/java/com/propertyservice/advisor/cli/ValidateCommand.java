package com.propertyservice.advisor.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.propertyservice.advisor.engine.AdviceLimits;
import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.Problem;
import com.propertyservice.advisor.engine.RuleFiles;
import com.propertyservice.advisor.engine.ScenarioResult;
import com.propertyservice.advisor.engine.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code validate [rules-folder|rules.zip]}: compiles a rules folder as the service would (safety
 * check, texts in every language, table checks), runs its trainer scenarios, prints every problem
 * as {@code file:line:column [rule] message} and every scenario's result, and exits with 0 when the
 * folder would be activated, 1 when it would be rejected, 2 when it cannot be read.
 */
public final class ValidateCommand {

    /** The folder would be activated. */
    public static final int VALID = 0;
    /** The folder would be rejected. */
    public static final int INVALID = 1;
    /** The arguments or the folder could not be used. */
    public static final int UNUSABLE = 2;

    private ValidateCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; {@code args} are what follows the word {@code validate}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 1 || args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            err.println("usage: validate [rules-folder | rules.zip]   (default: rules)");
            return UNUSABLE;
        }
        quietLogging();
        Path source = Path.of(args.length == 1 ? args[0] : "rules");
        RuleFiles files;
        try {
            files = read(source);
        } catch (IllegalArgumentException | UncheckedIOException | IOException e) {
            err.println("cannot read " + source + ": " + e.getMessage());
            return UNUSABLE;
        }
        out.println("Validating " + source + " (" + files.size() + " files, version " + files.version() + ")");
        ValidationResult result = validate(files);
        for (Problem problem : result.problems()) {
            out.println("ERROR " + problem);
        }
        for (Problem warning : result.warnings()) {
            out.println("WARN  " + warning);
        }
        for (ScenarioResult scenario : result.scenarios()) {
            out.println((scenario.passed() ? "PASS  " : "FAIL  ") + scenario.file() + " [" + scenario.name() + "]");
            scenario.failures().forEach(f -> out.println("      " + f));
        }
        long failed = result.scenarios().stream().filter(s -> !s.passed()).count();
        out.println((result.valid() ? "VALID" : "INVALID") + ": "
                + result.problems().size() + " error(s), " + result.warnings().size()
                + " warning(s), " + (result.scenarios().size() - failed) + " of "
                + result.scenarios().size() + " scenario(s) passed"
                + (result.valid()
                        ? "; the service would activate this rule set"
                        : "; the service would keep its running rule set"));
        return result.valid() ? VALID : INVALID;
    }

    /** The engine's own gate, the one every activation passes, compiled once. */
    private static ValidationResult validate(RuleFiles files) {
        return Advisor.validate(files, AdviceLimits.DEFAULT);
    }

    private static RuleFiles read(Path source) throws IOException {
        if (Files.isRegularFile(source)
                && source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            try (InputStream in = Files.newInputStream(source)) {
                return RuleFiles.fromZip(in);
            }
        }
        return RuleFiles.fromDirectory(source);
    }

    /** Drools logs every build at length; the command prints the problems itself. */
    private static void quietLogging() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext logback) {
            logback.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
        }
    }
}
