package dev.hashi.testsupport;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shared test helpers know no service's internals and no servlet or reactive web stack, so every module's tests
 * (the gateway's on WebFlux as much as the services' on Spring MVC) can use them. Rules inline: the module that holds
 * {@link ArchitectureRules} checks itself directly.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hashi.testsupport");

    @Test
    void helpersDependOnNoServiceCode() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.hashi.service..",
                        "dev.hashi.content..",
                        "dev.hashi.translation..",
                        "dev.hashi.media..",
                        "dev.hashi.gateway..")
                .because("a helper that reached into one service could not be shared by the others")
                .check(CLASSES);
    }

    @Test
    void helpersDependOnNoWebStack() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.servlet..", "org.springframework.web.servlet..", "org.springframework.web.reactive..")
                .because("services and the gateway run on different web stacks")
                .check(CLASSES);
    }
}
