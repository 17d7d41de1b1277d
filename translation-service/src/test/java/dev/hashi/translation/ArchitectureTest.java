package dev.hashi.translation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hashi.translation");

    @Test
    void controllersArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
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
                        "access",
                        "assignment",
                        "events",
                        "memory",
                        "progress",
                        "queue",
                        "rebuild",
                        "review",
                        "unit",
                        "web",
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

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
