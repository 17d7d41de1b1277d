package dev.hashi.console;

import org.springframework.stereotype.Controller;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "dev.hashi.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule areasDoNotDependOnEachOtherInCycles =
            slices().matching("dev.hashi.console.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersArePackagePrivate =
            classes().that().areAnnotatedWith(Controller.class).should().notBePublic();

    /** Only the gateway client speaks HTTP to the platform: screens never build their own clients. */
    @ArchTest
    static final ArchRule onlyTheGatewayClientMakesHttpCalls = noClasses()
            .that()
            .resideOutsideOfPackage("dev.hashi.console.gateway..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.net.http.HttpClient");
}
