package dev.hashi.content;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The feature packages stay honest: no cycles, private controllers, no database types at the web edge. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hashi.content");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dev.hashi.content.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void controllersArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .notBePublic()
                .check(CLASSES);
    }

    @Test
    void controllersNeverTouchMongoDocumentsOrTheDriver() {
        noClasses()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.bson..", "com.mongodb..")
                .because("requests and responses are records, never documents")
                .check(CLASSES);
    }

    @Test
    void sharedCodeDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("dev.hashi.content.common..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.hashi.content.type..",
                        "dev.hashi.content.entry..",
                        "dev.hashi.content.workflow..",
                        "dev.hashi.content.delivery..",
                        "dev.hashi.content.revision..",
                        "dev.hashi.content.translation..",
                        "dev.hashi.content.media..",
                        "dev.hashi.content.snapshot..")
                .check(CLASSES);
    }

    @Test
    void deliveryNeverWritesContent() {
        noClasses()
                .that()
                .resideInAPackage("dev.hashi.content.delivery..")
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Editing")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleName("Publishing")
                .check(CLASSES);
    }
}
