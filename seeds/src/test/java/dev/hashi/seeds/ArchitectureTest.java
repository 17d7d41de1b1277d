package dev.hashi.seeds;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The seed loader is a client of the public API and nothing more: it reads YAML and calls the gateway over HTTP, so it
 * links no Spring, no service and no shared platform code, and works against any installation. Rules inline: the
 * loader depends on no other module of the project.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hashi.seeds");

    @Test
    void theLoaderUsesOnlyTheJdkAndJackson() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "tools.jackson..", "dev.hashi.seeds..")
                .because("it talks to an installation through its public HTTP API only")
                .check(CLASSES);
    }
}
