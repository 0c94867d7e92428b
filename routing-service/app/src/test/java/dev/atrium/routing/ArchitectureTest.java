package dev.atrium.routing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.atrium.local.testing.HexagonalRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void layersFollowTheHexagonalRules() {
        JavaClasses classes = HexagonalRules.importMain("dev.atrium.routing");
        for (ArchRule rule : HexagonalRules.service("dev.atrium.routing")
                .domainMayUse("dev.atrium.routing.api..",
                        "this service's published contract (candidates, plans, prices), plain Java shared with its callers")
                .rules()) {
            rule.check(classes);
        }
    }
}
