package com.propertyservice.advisor.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine is plain Java: it never depends on Spring, JPA or Jackson, never reaches up into
 * the service's features, and shows only its API: its internals are package-private (docs/architecture.md,
 * "The engine as a library"). (archunit core with a plain JUnit test: archunit-junit5 and JUnit 6 do not mix.)
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.propertyservice.advisor");

    @Test
    void engineDependsOnNeitherSpringNorJpaNorJackson() {
        noClasses()
                .that()
                .resideInAPackage("com.propertyservice.advisor.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta.persistence..",
                        "org.hibernate..",
                        "com.fasterxml.jackson..",
                        "tools.jackson..")
                .check(CLASSES);
    }

    @Test
    void engineNeverReachesIntoTheServiceFeatures() {
        noClasses()
                .that()
                .resideInAPackage("com.propertyservice.advisor.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.propertyservice.advisor.incident..",
                        "com.propertyservice.advisor.ruleset..",
                        "com.propertyservice.advisor.web..",
                        "com.propertyservice.advisor.system..",
                        "com.propertyservice.advisor.user..")
                .check(CLASSES);
    }

    /** Pages live with their features; {@code web} keeps only what every page shares, so it needs no feature. */
    @Test
    void theSharedPagePartsNeverReachIntoAFeature() {
        noClasses()
                .that()
                .resideInAPackage("com.propertyservice.advisor.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.propertyservice.advisor.incident..", "com.propertyservice.advisor.ruleset..",
                        "com.propertyservice.advisor.kano..", "com.propertyservice.advisor.insight..",
                        "com.propertyservice.advisor.notify..", "com.propertyservice.advisor.user..")
                .check(CLASSES);
    }

    /**
     * The engine's API: the only public types of {@code engine}; everything else there (the compiler, the sandbox,
     * the scenario runner) is package-private, so neither an embedder nor a Spring feature can reach it. A type
     * added here is a promise to embedders: make it public on purpose, with Javadoc on every public member.
     */
    static final Set<String> ENGINE_API = Set.of(
            "Advisor",
            "AdviceLimits",
            "Incident",
            "Complainant",
            "Promise",
            "Advice",
            "Reminder",
            "Language",
            "RuleFiles",
            "PreparedRuleSet",
            "ValidationResult",
            "ReloadResult",
            "ScenarioResult",
            "Problem",
            "RuleSetInfo",
            "RuleSetException",
            "AdviceTimeoutException",
            "UnknownIssueException",
            "WorkingHours",
            // the contract's codes, which the rules name too
            "CausedBy",
            "Channel",
            "ComplainantRole",
            "ComplainantSide",
            "ComplaintCause",
            "ContactKind",
            "Deadline",
            "Emotion",
            "Escalation",
            "Fault",
            "HandlingStep",
            "KanoFactor",
            "Principle",
            "Priority",
            "QualityDimension",
            "Recipient",
            "Referral",
            "ServiceArea",
            "Temperament",
            "Weekday");

    /** What the rules see: compiled rule code lives in packages of its own, so these must be public. */
    static final Set<String> FACT_MODEL = Set.of("Assessment", "LocalTimeOfReport", "Day");

    @Test
    void onlyTheApiIsPublicInTheEnginePackage() {
        assertThat(publicTopLevelTypesIn("com.propertyservice.advisor.engine"))
                .containsExactlyInAnyOrderElementsOf(ENGINE_API);
    }

    @Test
    void onlyTheFactModelIsPublicInTheFactPackage() {
        assertThat(publicTopLevelTypesIn("com.propertyservice.advisor.engine.fact"))
                .containsExactlyInAnyOrderElementsOf(FACT_MODEL);
    }

    @Test
    void theEngineHasNoPackagesBesideTheApiAndTheFactModel() {
        assertThat(CLASSES.stream()
                        .map(JavaClass::getPackageName)
                        .filter(p -> p.startsWith("com.propertyservice.advisor.engine")))
                .allMatch(p -> p.equals("com.propertyservice.advisor.engine")
                        || p.equals("com.propertyservice.advisor.engine.fact"));
    }

    private static List<String> publicTopLevelTypesIn(String pkg) {
        return CLASSES.stream()
                .filter(c -> c.getPackageName().equals(pkg)
                        && c.isTopLevelClass()
                        && c.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getSimpleName)
                .toList();
    }

    /** The features depend on one another one way only: no two packages reach into each other, however indirectly. */
    @Test
    void theFeaturePackagesHaveNoCycles() {
        slices().matching("com.propertyservice.advisor.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }
}
