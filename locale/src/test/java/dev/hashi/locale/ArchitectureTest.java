package dev.hashi.locale;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The locale toolkit is plain Java on ICU: no Spring, Kafka or MongoDB, no package cycles. Rules inline, as in contracts. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hashi.locale");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.hashi.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theToolkitDependsOnNoSpringKafkaOrMongoDb() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..", "tools.jackson..")
                .because("every module, the gateway included, uses the toolkit without those stacks")
                .check(CLASSES);
    }

    @Test
    void theToolkitUsesOnlyTheJdkIcuJavaDiffUtilsAndTheSharedDigest() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..", "com.ibm.icu..", "com.github.difflib..", "dev.hashi.locale..", "dev.hashi.digest..")
                .check(CLASSES);
    }
}
