package com.propertyservice.advisor;

import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.RuleFiles;
import com.propertyservice.advisor.engine.ServiceArea;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.springframework.util.FileSystemUtils;

/**
 * The rule folders tests run on, in one place: the small sample rule set under
 * src/test/resources/rulesets/sample (read in memory, or as a temporary copy a test may change), the
 * project's own rules/ as a temporary copy (for tests that publish, so never rules/ itself), and incidents
 * the sample knows. The sandbox's attack files (src/test/resources/rule-payloads) are not rule sets and stay
 * with RuleSandboxTest.
 */
public final class SampleRules {

    /** The sample rule set: one file of each kind (DRL, decision tables, DSL, texts, scenarios). */
    public static final Path FOLDER = Path.of("src/test/resources/rulesets/sample");
    /** The project's rule set, as the service ships it. */
    public static final Path PROJECT_RULES = Path.of("rules");

    /** The sample's DRL file (the satisfaction gap and the remedies). */
    public static final String DRL = "principles/remediation.drl";
    /** The sample's issue catalogue, a decision table. */
    public static final String CATALOGUE = "catalogue/issues.drl.csv";
    /** A rule Drools cannot parse (no {@code end}): put in place of {@link #DRL}, the rule set does not build. */
    public static final String UNPARSABLE_DRL = "rule \"x\" when then";

    /** An angry owner, the lift down again; expectation 4, perception 1. */
    public static final Incident ANGRY_LIFT = Incident.builder()
            .channel(Channel.PHONE)
            .community("阳光花园")
            .serviceArea(ServiceArea.ENGINEERING)
            .issue("lift-outage")
            .summary("电梯又坏了")
            .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.ANGRY))
            .expectation(4)
            .perception(1)
            .build();

    /** A calm owner about a rude guard. */
    public static final Incident CALM_STAFF = Incident.builder()
            .channel(Channel.APP)
            .community("阳光花园")
            .serviceArea(ServiceArea.SECURITY)
            .issue("staff-attitude")
            .summary("保安说话很冲")
            .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.CALM))
            .build();

    /**
     * A scenario file whose incident is {@link #ANGRY_LIFT}'s: {@code %s} the name, then {@code %s} the
     * expectation lines under {@code expect:} (indented by two spaces, the first one by the template).
     */
    public static final String ANGRY_LIFT_SCENARIO = """
            name: %s
            incident:
              channel: PHONE
              community: 阳光花园
              serviceArea: ENGINEERING
              issue: lift-outage
              summary: 电梯又坏了
              complainant: {role: OWNER, emotion: ANGRY}
            expect:
              %s
            """;

    private SampleRules() {}

    /** The sample's files, in memory. */
    public static RuleFiles files() {
        return RuleFiles.fromDirectory(FOLDER);
    }

    /** One of the sample's files as text. */
    public static String text(String path) {
        return new String(files().get(path), StandardCharsets.UTF_8);
    }

    /** The sample with one file replaced or added. */
    public static RuleFiles with(String path, String content) {
        return files().with(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** An angry owner's incident about {@code issue} in the sample's community, without expectation or perception. */
    public static Incident incident(String issue) {
        return Incident.builder()
                .channel(Channel.PHONE)
                .community("阳光花园")
                .serviceArea(ServiceArea.ENGINEERING)
                .issue(issue)
                .summary("电梯又坏了")
                .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.ANGRY))
                .build();
    }

    /** A temporary copy of the sample, for a test that changes rule files on disk. */
    public static Path newCopy() {
        return copyOf(FOLDER, "rules-");
    }

    /** A temporary copy of the project's rules/, for a test that publishes, reloads or rolls back. */
    public static Path projectRulesCopy(String prefix) {
        return copyOf(PROJECT_RULES, prefix);
    }

    /** Makes {@code dir} hold exactly the sample's rule files again (editor leftovers are left alone). */
    public static void reset(Path dir) {
        Map<String, byte[]> sample = files().asMap();
        try {
            for (String path : RuleFiles.fromDirectory(dir).asMap().keySet()) {
                if (!sample.containsKey(path)) {
                    Files.delete(dir.resolve(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RuleFiles current = RuleFiles.fromDirectory(dir);
        sample.forEach((path, content) -> {
            if (!Arrays.equals(current.get(path), content)) {
                write(dir, path, content);
            }
        });
    }

    public static String read(Path dir, String path) {
        try {
            return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path dir, String path, String content) {
        write(dir, path, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path dir, String path, byte[] content) {
        try {
            Files.createDirectories(dir.resolve(path).getParent());
            Files.write(dir.resolve(path), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version the service gives the rule files in {@code dir}. */
    public static String version(Path dir) {
        return RuleFiles.fromDirectory(dir).sha256().substring(0, 12);
    }

    /** A rule named "sneaky" that fires for every incident and whose consequence is {@code action}, to add to {@link #DRL}. */
    public static String ruleWithConsequence(String action) {
        return """

                rule "sneaky"
                    @description("偷偷摸摸")
                    @descriptionEn("Sneaky")
                when
                    $a: Assessment()
                then
                    %s
                end
                """.formatted(action);
    }

    private static Path copyOf(Path folder, String prefix) {
        try {
            Path copy = Files.createTempDirectory(prefix);
            FileSystemUtils.copyRecursively(folder, copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
