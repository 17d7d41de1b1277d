package dev.hashi.content;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import dev.hashi.content.common.ConsumerMarks;
import dev.hashi.content.entry.Entries;
import dev.hashi.content.entry.RevisionLog;
import dev.hashi.content.media.MediaSummaries;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.content.workflow.Schedules;
import dev.hashi.testsupport.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The feature packages stay honest: the platform's rules (no cycles, package-private controllers without database
 * types, domain code free of web types, collections touched only by their repository) plus content's own.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = ArchitectureRules.importMain("dev.hashi.content");

    @Test
    void platformRulesHold() {
        ArchitectureRules.checkService(
                CLASSES,
                "dev.hashi.content",
                Entries.class.getName(),
                RevisionLog.class.getName(),
                ContentTypes.class.getName(),
                Schedules.class.getName(),
                MediaSummaries.class.getName(),
                ConsumerMarks.class.getName());
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

    @Test
    void contentNeverUsesTheOldProblemTypeOrTheRequestIdThreadLocal() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.hashi.service.web.ApiProblem")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.hashi.service.web.RequestIdFilter")
                .check(CLASSES);
    }
}
