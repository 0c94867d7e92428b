package dev.atrium.local.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The hexagonal rules of DESIGN.md, for every service's ArchUnit test. Each rule fails when the
 * packages it names hold no class, so a rule pointed at the wrong package cannot pass silently;
 * {@code HexagonalRulesTest} shows each one failing on a planted violation.
 *
 * <p>A service states what its domain may use beyond the JDK and itself, each with its reason:
 * <pre>
 * HexagonalRules.service("dev.atrium.guardrail")
 *         .domainMayUse("com.google.re2j..", "content filters run on a linear-time engine")
 *         .rules()
 * </pre>
 */
public final class HexagonalRules {

    private HexagonalRules() {
    }

    public static JavaClasses importMain(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    public static Service service(String rootPackage) {
        return new Service(rootPackage, List.of(), List.of());
    }

    /**
     * Something a rule lets through, and why. {@code target} is a package pattern ending in {@code ..}
     * (the package and its subpackages) or a class's canonical name (the class and its nested ones).
     */
    public record Allowance(String target, String reason) {

        boolean covers(JavaClass type) {
            JavaClass base = type.getBaseComponentType();
            if (target.endsWith("..")) {
                return inPackage(base, target.substring(0, target.length() - 2));
            }
            String name = base.getName().replace('$', '.');
            return name.equals(target) || name.startsWith(target + ".");
        }
    }

    /** One service's rules: its root package and the allowances its test states. */
    public record Service(String root, List<Allowance> domainAllowances, List<Allowance> adapterAllowances) {

        /** Beyond the JDK and the domain itself: a package ({@code a.b..}) or a class, with the reason. */
        public Service domainMayUse(String target, String reason) {
            return new Service(root, plus(domainAllowances, new Allowance(target, reason)), adapterAllowances);
        }

        /**
         * A class of the core that adapters still use past the ports (a service class, or an out-port's type
         * in an inbound adapter), with the reason it has not moved yet.
         */
        public Service adaptersMayStillUse(String coreClass, String reason) {
            return new Service(root, domainAllowances, plus(adapterAllowances, new Allowance(coreClass, reason)));
        }

        public List<ArchRule> rules() {
            return List.of(domainUsesOnlyTheJdkAndItself(root, domainAllowances), applicationKnowsNoAdapter(root),
                    adaptersDoNotCallEachOther(root), adaptersReachTheCoreThroughPorts(root, adapterAllowances),
                    inboundAdaptersDriveUseCases(root, adapterAllowances), portsNameNoImplementation(root));
        }

        private static List<Allowance> plus(List<Allowance> list, Allowance one) {
            List<Allowance> more = new ArrayList<>(list);
            more.add(one);
            return List.copyOf(more);
        }
    }

    /**
     * An allow-list, not a deny-list: a framework nobody thought to forbid still fails. The JDK here is
     * {@code java..}; anything else the domain needs (another module's plain contract, a pure library)
     * is named by the service with its reason.
     */
    public static ArchRule domainUsesOnlyTheJdkAndItself(String root, List<Allowance> alsoAllowed) {
        String named = alsoAllowed.stream().map(a -> ", " + a.target()).collect(Collectors.joining());
        DescribedPredicate<JavaClass> allowed = DescribedPredicate.describe("in java.., " + root + ".domain.." + named,
                type -> inPackage(type.getBaseComponentType(), "java") || type.getBaseComponentType().isPrimitive()
                        || inPackage(type.getBaseComponentType(), root + ".domain")
                        || alsoAllowed.stream().anyMatch(a -> a.covers(type)));
        String reasons = alsoAllowed.stream().map(a -> a.target() + ": " + a.reason()).collect(Collectors.joining("; "));
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat(allowed)
                .because("the domain is plain Java and knows no outer layer (DESIGN.md, Layout)"
                        + (reasons.isEmpty() ? "" : "; beyond the JDK it uses " + reasons));
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

    public static ArchRule adaptersReachTheCoreThroughPorts(String root, List<Allowance> notYet) {
        return noClasses().that().resideInAPackage(root + ".adapter..")
                .should().dependOnClassesThat(inPackageExcept(root + ".application.service", notYet))
                .because("an adapter drives a use case through its in-port or implements an out-port; the services"
                        + " behind the ports may change without touching it" + stillUsed(notYet));
    }

    public static ArchRule inboundAdaptersDriveUseCases(String root, List<Allowance> notYet) {
        return noClasses().that().resideInAPackage(root + ".adapter.in..")
                .should().dependOnClassesThat(inPackageExcept(root + ".application.port.out", notYet))
                .because("an inbound adapter goes through a use case; reaching an out-port would skip its rules"
                        + stillUsed(notYet));
    }

    public static ArchRule portsNameNoImplementation(String root) {
        return noClasses().that().resideInAPackage(root + ".application.port..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".application.service..", root + ".config..")
                .because("a port says what the core offers or needs, never which class does it");
    }

    private static DescribedPredicate<JavaClass> inPackageExcept(String pkg, List<Allowance> notYet) {
        return DescribedPredicate.describe("reside in " + pkg + "..",
                type -> inPackage(type.getBaseComponentType(), pkg) && notYet.stream().noneMatch(a -> a.covers(type)));
    }

    private static String stillUsed(List<Allowance> notYet) {
        return notYet.isEmpty() ? "" : notYet.stream().map(a -> a.target() + ", " + a.reason())
                .collect(Collectors.joining("; ", " (still used: ", ")"));
    }

    private static boolean inPackage(JavaClass type, String pkg) {
        return type.getPackageName().equals(pkg) || type.getPackageName().startsWith(pkg + ".");
    }
}
