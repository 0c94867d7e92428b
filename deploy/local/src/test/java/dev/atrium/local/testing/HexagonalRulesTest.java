package dev.atrium.local.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HexagonalRulesTest {

    private static final String CLEAN = "dev.atrium.fixture.clean";
    private static final String DIRTY = "dev.atrium.fixture.dirty";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(CLEAN, DIRTY);

    @Test
    void everyRulePassesOnCleanLayers() {
        for (ArchRule rule : HexagonalRules.all(CLEAN)) {
            rule.check(CLASSES);
        }
    }

    @Test
    void frameworkImportInDomainFails() {
        assertViolates(HexagonalRules::domainIsFrameworkFree, "org.apache.kafka.common.header.Header");
    }

    @Test
    void domainDependingOnApplicationFails() {
        assertViolates(HexagonalRules::domainKnowsNoOuterLayer, "ThingService");
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
    void ruleOnAPackageWithoutClassesFails() {
        assertThatThrownBy(() -> HexagonalRules.domainIsFrameworkFree("dev.atrium.fixture.nowhere").check(CLASSES))
                .isInstanceOf(AssertionError.class);
    }

    private static void assertViolates(Function<String, ArchRule> rule, String offender) {
        assertThat(rule.apply(CLEAN).evaluate(CLASSES).hasViolation()).isFalse();
        assertThatThrownBy(() -> rule.apply(DIRTY).check(CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender);
    }
}
