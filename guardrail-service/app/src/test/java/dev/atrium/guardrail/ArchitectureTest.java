package dev.atrium.guardrail;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.atrium.local.testing.HexagonalRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void layersFollowTheHexagonalRules() {
        JavaClasses classes = HexagonalRules.importMain("dev.atrium.guardrail");
        for (ArchRule rule : HexagonalRules.service("dev.atrium.guardrail")
                .domainMayUse("com.google.re2j..",
                        "content filters run on RE2/J, a plain-Java linear-time pattern engine (DESIGN.md, Content)")
                .domainMayUse("dev.atrium.common.error.InvalidFieldException",
                        "a value refuses a bad field by naming it; plain Java, answered as 400 at the edge")
                .domainMayUse("dev.atrium.workspace.api.LimitReset",
                        "a key's limit resets on workspace-service's published windows")
                .domainMayUse("dev.atrium.routing.api.ModelPatterns",
                        "model patterns match as routing matches them")
                .domainMayUse("dev.atrium.routing.api.DataRegions",
                        "allowed_data_regions take the data regions routing's catalogue gives its providers")
                .adaptersMayStillUse("dev.atrium.guardrail.application.port.out.PolicyRepository.RevisionPage",
                        "ListRevisionsQuery answers with the repository's page; it belongs to the in-port")
                .rules()) {
            rule.check(classes);
        }
    }
}
