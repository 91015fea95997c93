package com.propertyservice.advisor.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The engine is plain Java: it never depends on Spring, JPA or Jackson, and never reaches up into
 * the service's features. (archunit core with a plain JUnit test: archunit-junit5 and JUnit 6 do not mix.)
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.propertyservice.advisor");

    @Test
    void engineDependsOnNeitherSpringNorJpaNorJackson() {
        noClasses().that().resideInAPackage("com.propertyservice.advisor.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "org.hibernate..",
                        "com.fasterxml.jackson..", "tools.jackson..")
                .check(CLASSES);
    }

    @Test
    void engineNeverReachesIntoTheServiceFeatures() {
        noClasses().that().resideInAPackage("com.propertyservice.advisor.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.propertyservice.advisor.incident..", "com.propertyservice.advisor.ruleset..",
                        "com.propertyservice.advisor.web..", "com.propertyservice.advisor.system..",
                        "com.propertyservice.advisor.user..")
                .check(CLASSES);
    }

    /** Pages live with their features; {@code web} keeps only what every page shares, so it needs no feature. */
    @Test
    void theSharedPagePartsNeverReachIntoAFeature() {
        noClasses().that().resideInAPackage("com.propertyservice.advisor.web..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.propertyservice.advisor.incident..", "com.propertyservice.advisor.ruleset..",
                        "com.propertyservice.advisor.kano..", "com.propertyservice.advisor.insight..",
                        "com.propertyservice.advisor.notify..", "com.propertyservice.advisor.user..")
                .check(CLASSES);
    }

    @Test
    void engineInternalsAreUsedOnlyByTheEngine() {
        noClasses().that().resideOutsideOfPackage("com.propertyservice.advisor.engine..")
                .and().resideOutsideOfPackage("com.propertyservice.advisor.cli..")
                .should().dependOnClassesThat().resideInAPackage("com.propertyservice.advisor.engine.internal..")
                .check(CLASSES);
    }
}
