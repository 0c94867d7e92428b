package dev.atrium.local.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The hexagonal rules of DESIGN.md, for every service's ArchUnit test. Each rule fails when the
 * packages it names hold no class, so a rule pointed at the wrong package cannot pass silently;
 * {@code HexagonalRulesTest} shows each one failing on a planted violation.
 */
public final class HexagonalRules {

    private HexagonalRules() {
    }

    public static JavaClasses importMain(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    public static List<ArchRule> all(String rootPackage) {
        return List.of(domainIsFrameworkFree(rootPackage), domainKnowsNoOuterLayer(rootPackage),
                applicationKnowsNoAdapter(rootPackage), adaptersDoNotCallEachOther(rootPackage));
    }

    public static ArchRule domainIsFrameworkFree(String root) {
        return noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "javax.persistence..",
                        "org.hibernate..", "org.apache.kafka..", "io.smallrye..", "io.vertx..", "org.eclipse.microprofile..",
                        "com.fasterxml.jackson..")
                .because("the domain is plain Java (DESIGN.md, Layout)");
    }

    public static ArchRule domainKnowsNoOuterLayer(String root) {
        return noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".application..", root + ".adapter..")
                .because("dependencies point inwards");
    }

    public static ArchRule applicationKnowsNoAdapter(String root) {
        return noClasses().that().resideInAPackage(root + ".application..")
                .should().dependOnClassesThat().resideInAPackage(root + ".adapter..")
                .because("use cases reach the outside only through their out-ports");
    }

    public static ArchRule adaptersDoNotCallEachOther(String root) {
        return slices().matching(root + ".adapter.(*).(*)..").should().notDependOnEachOther()
                .because("adapters talk to the core, never to each other");
    }
}
