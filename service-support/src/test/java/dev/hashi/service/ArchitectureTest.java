package dev.hashi.service;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

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

    /**
     * The servlet plumbing of {@code web} and {@code identity} is checked as one slice: today the identity filter
     * writes its refusals with {@code web.FilterProblems} and {@code web.WebConventions} reads the caller with
     * {@code IdentityFilter.identityOf}. Every other package pair must be acyclic.
     */
    static final Set<String> SERVLET_EDGE = Set.of("web", "identity");

    @Test
    void packagesHaveNoCycles() {
        slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                        String prefix = "dev.hashi.service.";
                        String name = javaClass.getPackageName();
                        if (!name.startsWith(prefix)) {
                            return SliceIdentifier.ignore();
                        }
                        String top = name.substring(prefix.length()).split("\\.")[0];
                        return SliceIdentifier.of(SERVLET_EDGE.contains(top) ? "servlet edge" : top);
                    }

                    @Override
                    public String getDescription() {
                        return "top-level packages of dev.hashi.service, web and identity as one";
                    }
                })
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
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
