package dev.atrium.workspace;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.atrium.local.testing.HexagonalRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void layersFollowTheHexagonalRules() {
        JavaClasses classes = HexagonalRules.importMain("dev.atrium.workspace");
        for (ArchRule rule : HexagonalRules.service("dev.atrium.workspace")
                .domainMayUse("javax.crypto..",
                        "the JDK's cipher API (java.base) hashes keys and seals BYOK secrets")
                .domainMayUse("dev.atrium.workspace.api.LimitReset",
                        "the key limit's reset windows, this service's published contract")
                .rules()) {
            rule.check(classes);
        }
    }
}
