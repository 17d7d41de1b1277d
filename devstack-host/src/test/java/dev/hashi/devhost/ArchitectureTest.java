package dev.hashi.devhost;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The one-JVM host knows the services only by name, executable jar and environment: it links none of their code,
 * so a service runs in it exactly as the jar that production runs. Rules inline, as in the other non-service modules.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hashi.devhost");

    @Test
    void theHostLinksNoServiceCode() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.hashi.service..",
                        "dev.hashi.content..",
                        "dev.hashi.translation..",
                        "dev.hashi.media..",
                        "dev.hashi.gateway..",
                        "dev.hashi.console..",
                        "dev.hashi.devstack..")
                .because("each service is started from the main class its own executable jar names")
                .check(CLASSES);
    }
}
