package dev.atrium.billing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.atrium.local.testing.HexagonalRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void layersFollowTheHexagonalRules() {
        JavaClasses classes = HexagonalRules.importMain("dev.atrium.billing");
        for (ArchRule rule : HexagonalRules.service("dev.atrium.billing").rules()) {
            rule.check(classes);
        }
    }
}
