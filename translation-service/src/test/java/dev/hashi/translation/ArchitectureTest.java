package dev.hashi.translation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

import dev.hashi.testsupport.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureTest {

    private static final String ROOT = "dev.hashi.translation";
    private static final JavaClasses CLASSES = ArchitectureRules.importMain(ROOT);

    /** The repositories: the only classes that touch a collection. */
    private static final String[] REPOSITORIES = {
        "dev.hashi.translation.unit.Units",
        "dev.hashi.translation.unit.UnitHistory",
        "dev.hashi.translation.unit.SourceOnlyRules",
        "dev.hashi.translation.comment.UnitComments",
        "dev.hashi.translation.glossary.Glossary",
        "dev.hashi.translation.memory.MemoryEntries",
        "dev.hashi.translation.rebuild.RebuildLocks"
    };

    /** The classes that may see MongoDB types at all: the repositories, their mappers and the wiring. */
    private static final Set<String> MONGO_AWARE = Set.of(
            "dev.hashi.translation.unit.Units",
            "dev.hashi.translation.unit.UnitHistory",
            "dev.hashi.translation.unit.UnitDocuments",
            "dev.hashi.translation.unit.UnitQueries",
            "dev.hashi.translation.unit.SourceOnlyRules",
            "dev.hashi.translation.comment.UnitComments",
            "dev.hashi.translation.glossary.Glossary",
            "dev.hashi.translation.memory.MemoryEntries",
            "dev.hashi.translation.rebuild.RebuildLocks",
            "dev.hashi.translation.TranslationConfiguration");

    @Test
    void theCommonServiceRulesHold() {
        ArchitectureRules.checkService(CLASSES, ROOT, REPOSITORIES);
    }

    @Test
    void featuresNeverBuildMongoQueriesTheyAskTheirRepositoryByName() {
        noClasses()
                .that(DescribedPredicate.describe(
                        "are not a repository, its mapper or the wiring",
                        (JavaClass c) -> !MONGO_AWARE.contains(outermost(c).getName())))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.bson..", "com.mongodb..")
                .check(CLASSES);
    }

    @Test
    void noCodeReadsTheRequestIdFromAThreadLocalOrUsesTheOldProblemType() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.hashi.service.web.ApiProblem")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.hashi.service.web.RequestIdFilter")
                .check(CLASSES);
    }

    @Test
    void unitsDependOnNoOtherFeatureAndControllersNeverTouchMongoDocuments() {
        noClasses()
                .that()
                .resideInAPackage("dev.hashi.translation.unit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.hashi.translation.queue..",
                        "dev.hashi.translation.review..",
                        "dev.hashi.translation.memory..",
                        "dev.hashi.translation.xliff..",
                        "dev.hashi.translation.rebuild..",
                        "dev.hashi.translation.progress..",
                        "dev.hashi.translation.assignment..",
                        "dev.hashi.translation.decision..",
                        "dev.hashi.translation.comment..",
                        "dev.hashi.translation.glossary..",
                        "dev.hashi.translation.events..")
                .check(CLASSES);
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Controller")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.bson..", "com.mongodb..")
                .check(CLASSES);
    }

    @Test
    void codeLivesInFeaturePackagesAndFilesStaySmall() throws IOException {
        Path main = Path.of("src/main/java/dev/hashi/translation");
        List<String> packages;
        try (Stream<Path> dirs = Files.list(main)) {
            packages = dirs.filter(Files::isDirectory)
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
        }
        assertThat(packages)
                .containsExactlyInAnyOrder(
                        "assignment",
                        "comment",
                        "context",
                        "decision",
                        "events",
                        "glossary",
                        "memory",
                        "observability",
                        "progress",
                        "queue",
                        "rebuild",
                        "review",
                        "unit",
                        "xliff");
        List<Long> lengths;
        try (Stream<Path> files = Files.walk(main)) {
            lengths = files.filter(file -> file.toString().endsWith(".java"))
                    .map(ArchitectureTest::lines)
                    .toList();
        }
        assertThat(lengths.stream().filter(n -> n > 200).count())
                .as("files over 200 lines")
                .isLessThanOrEqualTo(lengths.size() / 5);
        assertThat(lengths).allMatch(n -> n < 300);
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass current = c;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
