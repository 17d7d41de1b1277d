package dev.hashi.devstack;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dev launcher starts the embedded infrastructure in its own JVM and the services as separate processes from
 * their jars: it links none of their code and no Spring. Rules inline, as in the other non-service modules.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hashi.devstack");

    @Test
    void theLauncherLinksNoServiceCode() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.hashi.service..",
                        "dev.hashi.content..",
                        "dev.hashi.translation..",
                        "dev.hashi.media..",
                        "dev.hashi.gateway..")
                .because("services run as their own processes, started from their jars (the seed loader, a client"
                        + " of the public API, is the one library the launcher runs in-process: FirstStartSeeds)")
                .check(CLASSES);
    }

    @Test
    void theLauncherDependsOnNoSpring() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .because("the launcher starts before, and outside of, any Spring context")
                .check(CLASSES);
    }
}
