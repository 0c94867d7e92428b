package dev.atrium.local.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.atrium.local.testing.HexagonalRules.Allowance;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HexagonalRulesTest {

    private static final String CLEAN = "dev.atrium.fixture.clean";
    private static final String DIRTY = "dev.atrium.fixture.dirty";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(CLEAN, DIRTY);
    private static final List<Allowance> LABEL = List.of(new Allowance("dev.atrium.fixture.contract.Label", "a test contract"));

    @Test
    void everyRulePassesOnCleanLayers() {
        List<ArchRule> rules = HexagonalRules.service(CLEAN)
                .domainMayUse("dev.atrium.fixture.contract.Label", "a test contract").rules();
        assertThat(rules).hasSize(6);
        for (ArchRule rule : rules) {
            rule.check(CLASSES);
        }
    }

    @Test
    void frameworkImportInDomainFails() {
        assertViolates(root -> HexagonalRules.domainUsesOnlyTheJdkAndItself(root, LABEL), "org.apache.kafka.common.header.Header");
    }

    @Test
    void domainDependingOnApplicationFails() {
        assertViolates(root -> HexagonalRules.domainUsesOnlyTheJdkAndItself(root, LABEL), "ThingService");
    }

    @Test
    void domainUsingAClassNoAllowanceNamesFails() {
        assertViolates(root -> HexagonalRules.domainUsesOnlyTheJdkAndItself(root, LABEL), "dev.atrium.fixture.contract.Unlisted");
    }

    @Test
    void domainUsingAnAllowedClassWithoutItsAllowanceFails() {
        assertThatThrownBy(() -> HexagonalRules.domainUsesOnlyTheJdkAndItself(CLEAN, List.of()).check(CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.atrium.fixture.contract.Label");
    }

    @Test
    void aPackageAllowanceCoversEveryClassInIt() {
        var wholeContract = List.of(new Allowance("dev.atrium.fixture.contract..", "a test contract"));
        var result = HexagonalRules.domainUsesOnlyTheJdkAndItself(DIRTY, wholeContract).evaluate(CLASSES);
        assertThat(result.getFailureReport().getDetails()).noneMatch(line -> line.contains("type <dev.atrium.fixture.contract."))
                .anyMatch(line -> line.contains("type <org.apache.kafka.common.header.Header>"));
    }

    @Test
    void useCaseReachingIntoAdapterFails() {
        assertViolates(HexagonalRules::applicationKnowsNoAdapter, "ThingEntity");
    }

    @Test
    void adapterCallingAnotherAdapterFails() {
        assertViolates(HexagonalRules::adaptersDoNotCallEachOther, "ThingEntity");
    }

    @Test
    void adapterCallingAServiceClassFails() {
        assertViolates(root -> HexagonalRules.adaptersReachTheCoreThroughPorts(root, List.of()), "ThingConsumer");
    }

    @Test
    void aServiceClassNamedAsNotYetMovedIsLetThrough() {
        var notYet = List.of(new Allowance(DIRTY + ".application.service.ThingService", "moves later"));
        assertThat(HexagonalRules.adaptersReachTheCoreThroughPorts(DIRTY, notYet).evaluate(CLASSES).hasViolation()).isFalse();
    }

    @Test
    void anOutPortTypeNamedAsNotYetMovedIsLetThrough() {
        var notYet = List.of(new Allowance(DIRTY + ".application.port.out.ThingRepository", "moves later"));
        assertThat(HexagonalRules.inboundAdaptersDriveUseCases(DIRTY, notYet).evaluate(CLASSES).hasViolation()).isFalse();
    }

    @Test
    void inboundAdapterReachingAnOutPortFails() {
        assertViolates(root -> HexagonalRules.inboundAdaptersDriveUseCases(root, List.of()), "ThingLookup");
    }

    @Test
    void portNamingItsImplementationFails() {
        assertViolates(HexagonalRules::portsNameNoImplementation, "MakeThingUseCase");
    }

    @Test
    void ruleOnAPackageWithoutClassesFails() {
        assertThatThrownBy(() -> HexagonalRules.domainUsesOnlyTheJdkAndItself("dev.atrium.fixture.nowhere", List.of())
                .check(CLASSES))
                .isInstanceOf(AssertionError.class);
    }

    private static void assertViolates(Function<String, ArchRule> rule, String offender) {
        assertThat(rule.apply(CLEAN).evaluate(CLASSES).hasViolation()).isFalse();
        assertThatThrownBy(() -> rule.apply(DIRTY).check(CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender);
    }
}
