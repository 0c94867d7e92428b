package dev.atrium.routing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.atrium.local.testing.HexagonalRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void layersFollowTheHexagonalRules() {
        JavaClasses classes = HexagonalRules.importMain("dev.atrium.routing");
        for (ArchRule rule : HexagonalRules.all("dev.atrium.routing")) {
            rule.check(classes);
        }
    }
}
