package dev.hashi.service;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import dev.hashi.testsupport.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Service support is plumbing under every service: its domain-facing packages know nothing of HTTP, and it never
 * reaches into a service.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = ArchitectureRules.importMain("dev.hashi.service");

    /** The packages domain code uses; they must stay usable outside a web request. */
    static final String[] DOMAIN_FACING = {
        "dev.hashi.service.error..",
        "dev.hashi.service.command..",
        "dev.hashi.service.paging..",
        "dev.hashi.service.access.."
    };

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.hashi.service.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void domainFacingPackagesUseNoWebServletOrHttpTypes() {
        noClasses()
                .that()
                .resideInAnyPackage(DOMAIN_FACING)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ArchitectureRules.WEB_PACKAGES)
                .because("domain code throws these exceptions and takes these values outside any request")
                .check(CLASSES);
    }

    @Test
    void domainFacingPackagesUseNoPersistenceOrMessaging() {
        noClasses()
                .that()
                .resideInAnyPackage(DOMAIN_FACING)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.mongodb..", "org.bson..", "org.apache.kafka..", "org.springframework.kafka..")
                .check(CLASSES);
    }

    @Test
    void serviceSupportNeverDependsOnAService() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.hashi.content..", "dev.hashi.translation..", "dev.hashi.media..", "dev.hashi.gateway..")
                .because("every service builds on it; a dependency back would tie them together")
                .check(CLASSES);
    }
}
