package com.propertyservice.advisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Thousands of random valid incidents over the project's rules folder: advice never fails, steps
 * come in the contract's order, principles heaviest first, and every advice names its version and
 * the rules that fired.
 */
class RandomIncidentProperties {

    private static Advisor advisor;

    @BeforeContainer
    static void compileTheKnowledgeBase() {
        advisor = Advisor.fromDirectory(Path.of("rules"));
    }

    @Property(tries = 3000)
    void everyValidIncidentGetsOrderedAdviceWithVersionAndTrail(
            @ForAll("incidents") Incident incident, @ForAll Language language) {
        Advice advice = advisor.advise(incident, language);

        assertThat(advice.ruleSetVersion()).isEqualTo(advisor.version());
        assertThat(advice.firedRules()).isNotEmpty();
        assertThat(advice.language()).isEqualTo(language);
        assertThat(advice.issue()).isEqualTo(incident.issue());
        assertThat(advice.kanoFactor()).isNotNull();
        List<HandlingStep> steps =
                advice.steps().stream().map(Advice.StepAdvice::code).toList();
        assertThat(steps).isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
        assertThat(advice.principles())
                .isSortedAccordingTo(
                        Comparator.comparingInt(Advice.PrincipleAdvice::weight).reversed());
        assertThat(advice.principles())
                .extracting(Advice.PrincipleAdvice::reason)
                .allSatisfy(r -> assertThat(r).isNotBlank());
        if (incident.expectation() != null && incident.perception() != null) {
            assertThat(advice.satisfactionGap()).isEqualTo(incident.perception() - incident.expectation());
        }
    }

    @Provide
    Arbitrary<Incident> incidents() {
        Arbitrary<Complainant> complainants = Combinators.combine(
                        Arbitraries.of(ComplainantRole.class), Arbitraries.of(Emotion.class),
                        Arbitraries.of(Temperament.class).injectNull(0.3), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 30), Arbitraries.of(ComplainantSide.class))
                .as(Complainant::new);
        Arbitrary<Promise> promises = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((made, kept) -> new Promise(made, kept, null))
                .injectNull(0.4);
        return Builders.withBuilder(Incident::builder)
                .use(Arbitraries.of(Channel.class))
                .in(Incident.Builder::channel)
                .use(Arbitraries.of(ServiceArea.class))
                .in(Incident.Builder::serviceArea)
                .use(Arbitraries.of(advisor.knownIssues()))
                .in(Incident.Builder::issue)
                .use(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30))
                .in(Incident.Builder::community)
                .use(Arbitraries.strings().ofMinLength(1).ofMaxLength(200).filter(s -> !s.isBlank()))
                .in(Incident.Builder::summary)
                .use(Arbitraries.of(CausedBy.class).injectNull(0.2))
                .in(Incident.Builder::causedBy)
                .use(Arbitraries.of(true, false).injectNull(0.2))
                .in(Incident.Builder::withinJurisdiction)
                .use(complainants)
                .in(Incident.Builder::complainant)
                .use(promises)
                .in(Incident.Builder::promise)
                .use(Arbitraries.integers().between(1, 20).injectNull(0.3))
                .in(Incident.Builder::occurrences)
                .use(Arbitraries.of(true, false).injectNull(0.2))
                .in(Incident.Builder::safetyRisk)
                .use(Arbitraries.integers().between(1, 2000).injectNull(0.3))
                .in(Incident.Builder::affectedHouseholds)
                .use(Arbitraries.integers().between(1, 5).injectNull(0.4))
                .in(Incident.Builder::expectation)
                .use(Arbitraries.integers().between(1, 5).injectNull(0.4))
                .in(Incident.Builder::perception)
                .build(Incident.Builder::build);
    }
}
