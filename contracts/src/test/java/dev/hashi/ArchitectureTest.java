package dev.hashi;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The contracts every module shares stay free of frameworks: no Spring, no package cycles, and no service's code.
 * (Written inline: test-support depends on this module, so it cannot be used here.)
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hashi.events", "dev.hashi.identity", "dev.hashi.problem", "dev.hashi.digest");

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("dev.hashi.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * Payload packages, the outbox and the consumer support do not depend on each other in circles. The root
     * {@code dev.hashi.events} is left out on purpose: its registry ({@code EventTypes.standard()}) is the one place
     * that names every payload, and every payload names its envelope types.
     */
    @Test
    void eventSubPackagesHaveNoCycles() {
        slices().matching("dev.hashi.events.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void payloadPackagesDependOnNoOtherPayloadPackage() {
        slices().matching("dev.hashi.events.(content|translation|media)..")
                .should()
                .notDependOnEachOther()
                .check(CLASSES);
    }

    @Test
    void contractsDependOnNoSpring() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .because("the gateway, the services and the dev launcher share these types on different stacks")
                .check(CLASSES);
    }

    @Test
    void contractsDependOnNoServiceOrPlumbing() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.hashi.service..",
                        "dev.hashi.content..",
                        "dev.hashi.translation..",
                        "dev.hashi.media..",
                        "dev.hashi.gateway..",
                        "dev.hashi.locale..",
                        "dev.hashi.embedded..")
                .check(CLASSES);
    }

    @Test
    void problemCodesAndDigestsDependOnNothingButTheJdk() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.hashi.problem..", "dev.hashi.digest..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("java..", "dev.hashi.problem..", "dev.hashi.digest..")
                .check(CLASSES);
    }
}
