package dev.hashi.embedded;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The embedded broker and database server know nothing of the platform that runs on them. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hashi.embedded");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.hashi.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theInfrastructureDependsOnNoPlatformCode() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.hashi.service..",
                        "dev.hashi.content..",
                        "dev.hashi.translation..",
                        "dev.hashi.media..",
                        "dev.hashi.gateway..",
                        "dev.hashi.devstack..",
                        "dev.hashi.events..")
                .check(CLASSES);
    }

    @Test
    void theInfrastructureDependsOnNoSpring() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .because("the dev launcher and every module's tests start it without a Spring context")
                .check(CLASSES);
    }
}
