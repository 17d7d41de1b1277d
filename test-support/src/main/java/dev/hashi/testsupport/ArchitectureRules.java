package dev.hashi.testsupport;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules every service module checks (each module's {@code ArchitectureTest} applies them and adds
 * its own): feature packages without cycles, package-private controllers that never touch the database, domain
 * code free of HTTP and Spring web types, and collections touched only by the repository that owns them.
 */
public final class ArchitectureRules {

    /** Types that belong to the web edge and must not appear in domain code. */
    public static final String[] WEB_PACKAGES = {
        "org.springframework.web..",
        "org.springframework.http..",
        "jakarta.servlet..",
        "dev.hashi.service.web..",
        "dev.hashi.service.identity..",
        "dev.hashi.service.idempotency.."
    };

    private static final Set<String> WEB_EDGE_ANNOTATIONS = Set.of(
            "org.springframework.web.bind.annotation.RestController",
            "org.springframework.stereotype.Controller",
            "org.springframework.web.bind.annotation.ControllerAdvice",
            "org.springframework.web.bind.annotation.RestControllerAdvice",
            "org.springframework.context.annotation.Configuration",
            "org.springframework.boot.autoconfigure.AutoConfiguration");

    private ArchitectureRules() {}

    /** The production classes under {@code rootPackage}. */
    public static JavaClasses importMain(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** Checks every common rule on a service whose collections are written only by {@code repositories}. */
    public static void checkService(JavaClasses classes, String rootPackage, String... repositories) {
        featurePackagesHaveNoCycles(rootPackage).check(classes);
        controllersArePackagePrivate().check(classes);
        controllersNeverTouchTheDatabase().check(classes);
        domainCodeIsFreeOfWebTypes().check(classes);
        onlyRepositoriesTouchCollections(repositories).check(classes);
    }

    public static ArchRule featurePackagesHaveNoCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .because("features depend on each other in one direction");
    }

    public static ArchRule controllersArePackagePrivate() {
        return classes()
                .that()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .allowEmptyShould(true)
                .because("controllers are the web edge of their feature, not an API for other code");
    }

    public static ArchRule controllersNeverTouchTheDatabase() {
        return noClasses()
                .that()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.bson..", "com.mongodb..")
                .allowEmptyShould(true)
                .because("requests and responses are records, never documents");
    }

    /**
     * Domain code (everything but controllers, advices, configuration, servlet filters, {@code ..web..} packages
     * and their nested types) never sees HTTP: it throws domain exceptions and takes explicit values.
     */
    public static ArchRule domainCodeIsFreeOfWebTypes() {
        return noClasses()
                .that(areDomainCode())
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(WEB_PACKAGES)
                .allowEmptyShould(true)
                .because("domain code throws domain exceptions; one mapper at the web edge makes problems");
    }

    /** Only the named repository classes (and their nested types) touch a MongoDB collection. */
    public static ArchRule onlyRepositoriesTouchCollections(String... repositories) {
        Set<String> owners = Set.of(repositories);
        return noClasses()
                .that(DescribedPredicate.describe(
                        "are not one of the repositories " + owners,
                        (JavaClass c) -> !owners.contains(outermost(c).getName())))
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("com.mongodb.client.MongoCollection")
                .allowEmptyShould(true)
                .because("each collection is read and written by the one repository of the feature that owns it");
    }

    /** Classes outside the web edge. */
    public static DescribedPredicate<JavaClass> areDomainCode() {
        return DescribedPredicate.describe("are domain code", (JavaClass c) -> !isWebEdge(outermost(c)));
    }

    private static boolean isWebEdge(JavaClass c) {
        if (c.getPackageName().contains(".web") || c.getSimpleName().endsWith("Controller")) {
            return true;
        }
        if (c.getAnnotations().stream()
                .anyMatch(a -> WEB_EDGE_ANNOTATIONS.contains(a.getRawType().getName()))) {
            return true;
        }
        return c.isAssignableTo("jakarta.servlet.Filter")
                || c.isAssignableTo("org.springframework.web.servlet.config.annotation.WebMvcConfigurer");
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass current = c;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
