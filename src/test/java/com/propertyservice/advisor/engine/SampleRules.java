package com.propertyservice.advisor.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Fixtures: the small sample rule set under src/test/resources/rulesets/sample and incidents for it. */
final class SampleRules {

    static final Path FOLDER = Path.of("src/test/resources/rulesets/sample");

    static final Incident ANGRY_LIFT = Incident.builder()
            .channel(Channel.PHONE).community("阳光花园").serviceArea(ServiceArea.ENGINEERING)
            .issue("lift-outage").summary("电梯又坏了").complainant(Complainant.of(ComplainantRole.OWNER, Emotion.ANGRY))
            .expectation(4).perception(1).build();

    static final Incident CALM_STAFF = Incident.builder()
            .channel(Channel.APP).community("阳光花园").serviceArea(ServiceArea.SECURITY)
            .issue("staff-attitude").summary("保安说话很冲").complainant(Complainant.of(ComplainantRole.OWNER, Emotion.CALM))
            .build();

    /**
     * A scenario file whose incident is {@link #ANGRY_LIFT}'s: {@code %s} the name, then {@code %s} the
     * expectation lines under {@code expect:} (indented by two spaces, the first one by the template).
     */
    static final String ANGRY_LIFT_SCENARIO = """
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

    private SampleRules() {
    }

    static RuleFiles files() {
        return RuleFiles.fromDirectory(FOLDER);
    }

    static String text(String path) {
        return new String(files().get(path), StandardCharsets.UTF_8);
    }

    static RuleFiles with(String path, String content) {
        return files().with(path, content.getBytes(StandardCharsets.UTF_8));
    }
}
